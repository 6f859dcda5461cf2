// npm run facilitator-key -- MATCH_ID_OR_CODE [--url http://host:port]
// Re-issues a match's facilitator key (the old key stops working) and prints the new facilitator link.
import { hashSecret, newHostKey, normalizeJoinCode } from '../auth/seatTokens';
import { ConfigError, loadConfig } from '../config';
import { openStore } from '../store/openStore';

const USAGE = 'usage: npm run facilitator-key -- MATCH_ID_OR_JOIN_CODE [--url http://localhost:2567]\n' +
  '  Uses the same DATABASE_URL as the server. Prints a new facilitator link; the old key stops working.';

async function main(argv: string[]): Promise<number> {
  const urlAt = argv.indexOf('--url');
  const base = urlAt >= 0 ? argv[urlAt + 1] : undefined;
  const rest = urlAt < 0 ? argv : argv.filter((_a, i) => i !== urlAt && i !== urlAt + 1);
  const which = rest[0];
  if (!which || which === '--help' || (urlAt >= 0 && !base)) {
    console.error(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const store = await openStore(config.database);
  try {
    const record = (await store.match(which)) ?? (await store.matchByCode(normalizeJoinCode(which)));
    if (!record) {
      console.error(`No match has the id or join code "${which}" in ${config.databaseLabel}.`);
      return 1;
    }
    const key = newHostKey();
    await store.exercises.setHostKeyHash(record.id, hashSecret(key));
    const ex = await store.exercises.exercise(record.id);
    if (ex) {
      const actions = await store.exercises.actions(record.id);
      await store.exercises.appendAction({ matchId: record.id, seq: (actions.at(-1)?.seq ?? 0) + 1, at: Date.now(), action: { type: 'keyReissued' } });
    }
    const origin = (base ?? `http://localhost:${config.port || 2567}`).replace(/\/$/, '');
    console.log(`New facilitator key for match ${record.id} (join code ${record.code}${ex ? `, exercise "${ex.config.title}"` : ''}).`);
    console.log('The old key no longer works. Keep this link secret: it is the only thing that gives facilitator powers.');
    console.log('');
    console.log(`  ${origin}/#/facilitate/${record.id}/${key}`);
    console.log('');
    console.log(`  key: ${key}`);
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  console.error(`facilitator-key: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
