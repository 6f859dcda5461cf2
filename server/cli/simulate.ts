/**
 * npm run simulate -- [--scenario standard] [--matches 200] [--seed entente] [--workers N] [--rounds R] [--json] [--out DIR] [--strict]
 *
 * Plays N seeded bot-only matches on every core and prints GAME.md §10's four properties with 95% intervals.
 * With --json the last line printed is one JSON object ({ ..., properties: { deterrence, credibility, freeRiding, balance } }).
 * With --out DIR it also writes report.json, report.txt, deterrence.svg and free-riding.svg there.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScenarioJson } from '../../shared';
import { runPool } from './simulate/pool';
import { evaluate } from './simulate/properties';
import { textReport } from './simulate/report';
import { deterrenceChart, freeRidingChart } from './simulate/svg';

const SCENARIOS = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));

function scenarioText(name: string): string {
  const path = existsSync(name) ? name : join(SCENARIOS, `${name}.json`);
  if (!existsSync(path)) throw new Error(`No scenario "${name}" (give an id under assets/scenarios or a path to a JSON file).`);
  return readFileSync(path, 'utf8');
}

/** A progress bar on a terminal; elsewhere (CI logs) one line per tenth of the run. */
function progress(done: number, total: number, started: number): void {
  const secs = (performance.now() - started) / 1000;
  const rate = done / Math.max(secs, 1e-9);
  const eta = done ? (total - done) / rate : 0;
  const text = `${done}/${total}  ${rate.toFixed(1)} matches/s  eta ${eta.toFixed(0)} s`;
  if (process.stderr.isTTY) {
    const width = 30;
    const filled = Math.round((width * done) / total);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text} `);
    if (done === total) process.stderr.write('\n');
  } else if (done === total || Math.floor((10 * done) / total) > Math.floor((10 * (done - 1)) / total)) {
    process.stderr.write(`${text}\n`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'standard' },
      matches: { type: 'string', default: '200' },
      seed: { type: 'string', default: 'entente' },
      workers: { type: 'string', default: String(availableParallelism()) },
      rounds: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
    },
  });
  const matches = Number(values.matches);
  const workers = Number(values.workers);
  const rounds = values.rounds === undefined ? undefined : Number(values.rounds);
  if (!Number.isInteger(matches) || matches < 1) throw new Error('--matches must be a positive integer');
  if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers must be a positive integer');
  if (rounds !== undefined && (!Number.isInteger(rounds) || rounds < 1 || rounds > 100)) throw new Error('--rounds must be 1..100');
  const text = scenarioText(values.scenario);
  const parsed = loadScenarioJson(text);
  if (!parsed.ok) throw new Error(`Scenario invalid:\n${parsed.errors.join('\n')}`);
  const started = performance.now();
  const showProgress = !values['no-progress'];
  const records = await runPool({
    scenarioText: text, seed: values.seed, matches, workers, options: rounds ? { rounds } : {},
    onProgress: showProgress ? (done) => progress(done, matches, started) : undefined,
  });
  const seconds = (performance.now() - started) / 1000;
  const properties = evaluate(records, values.seed);
  const header = { scenario: parsed.scenario.id, matches, seed: values.seed, workers, seconds, rounds: rounds ?? parsed.scenario.rounds };
  const report = { ...header, matchesPerSecond: Math.round((matches / seconds) * 100) / 100, allHold: Object.values(properties).every((p) => p.holds), properties };
  const table = textReport(header, properties);
  if (values.out) {
    const dir = resolve(values.out);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(dir, 'report.txt'), `${table}\n`);
    writeFileSync(join(dir, 'deterrence.svg'), deterrenceChart(properties));
    writeFileSync(join(dir, 'free-riding.svg'), freeRidingChart(records, properties));
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(`${table}\n${values.out ? `\nReport written to ${resolve(values.out)}\n` : ''}`);
  if (values.strict && !report.allHold) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
