// npm run replay -- FILE: replays a match export and prints how it ended, or why the file is refused.
import { readFileSync } from 'node:fs';
import { replayExport, stateHash } from '../../shared';

function main(argv: string[]): number {
  const file = argv[0];
  if (!file || file === '--help') {
    console.error('usage: npm run replay -- FILE.json   (a match export from the debrief or GET /api/matches/:id/export)');
    return 2;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: cannot read it as JSON (${(e as Error).message})`);
    return 1;
  }
  const r = replayExport(data);
  if (!r.ok) {
    console.error(`${file} is refused:`);
    for (const e of r.errors) console.error(`  ${e}`);
    return 1;
  }
  const s = r.state;
  console.log(`${r.scenario.name}: ${r.events.length} commands replayed, round ${s.round} of ${s.rounds}, phase ${s.phase}`);
  console.log(`final state hash ${stateHash(s)} (matches the export)`);
  const names = new Map(r.scenario.states.map((x) => [x.id, x.name]));
  const rows = Object.entries(s.scores).sort(([, a], [, b]) => b.total - a.total);
  for (const [id, score] of rows) console.log(`  ${(names.get(id) ?? id).padEnd(20)} ${score.total.toFixed(1).padStart(7)}${s.winners.includes(id) ? '  winner' : ''}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
