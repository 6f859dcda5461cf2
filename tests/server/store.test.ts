import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDatabaseUrl } from '../../server/config';
import { createLogger } from '../../server/log';
import { LiveMatch } from '../../server/match/LiveMatch';
import { foldMatch } from '../../server/match/restore';
import { CommitQueue } from '../../server/store/commitQueue';
import type { MatchRecord, MatchStore, WriteBatch } from '../../server/store/MatchStore';
import { LOG_FORMAT } from '../../server/store/MatchStore';
import { openStore } from '../../server/store/openStore';
import { batchCommitted, openSqliteStore, ThreadedSqliteStore } from '../../server/store/sqliteStore';
import { SqliteWriter } from '../../server/store/sqliteWriter';
import type { Database } from '../../server/store/tables';
import { createMatch, DEFAULT_SETTINGS, loadScenarioJson } from '../../shared/index';
import type { CommandEnvelope, Scenario } from '../../shared/index';
import { createTestDatabase, postgresAvailable } from './helpers/postgres';
import type { TestDatabase } from './helpers/postgres';
import { tempDir } from './helpers/testServer';

/** The MatchStore contract on SQLite and PostgreSQL, and the group commit in front of it. */
const log = createLogger('silent');
const tutorial = (() => {
  const r = loadScenarioJson(fs.readFileSync(path.resolve('assets/scenarios/tutorial.json'), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
})();

// PostgreSQL runs when a server answers at 127.0.0.1:5432 (TEST_PG_URL); otherwise its cases show as skipped.
const pgOk = await postgresAvailable('MatchStore contract on PostgreSQL');
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function open(backend: string): Promise<MatchStore> {
  if (backend === 'sqlite') return openStore(parseDatabaseUrl(`sqlite://${path.join(tempDir(), 'store.sqlite')}`));
  // One database for the file: match ids differ per test.
  if (databases.length === 0) databases.push(await createTestDatabase());
  return openStore(parseDatabaseUrl(databases[0]!.url));
}

let n = 0;
function record(over: Partial<MatchRecord> = {}): MatchRecord {
  n += 1;
  return {
    id: `match-${n}`, code: `CODE${String(n).padStart(4, '2')}`, scenarioId: 'tutorial', settings: DEFAULT_SETTINGS, seed: `seed-${n}`,
    visibility: 'public', status: 'setup', hostKeyHash: 'hash', logFormat: LOG_FORMAT, createdAt: 1_700_000_000_000 + n, ...over,
  };
}

const start: CommandEnvelope = { at: 1000, actor: { role: 'facilitator' }, command: { type: 'start' } };
const say = (at: number, text: string): CommandEnvelope => ({ at, actor: { role: 'seat', state: 'valdoria' }, command: { type: 'message', channel: 'public', text } });

describe.each(['sqlite', 'postgres'])('MatchStore on %s', (backend) => {
  const it = backend === 'postgres' && !pgOk ? test.skip : test;
  it('keeps matches, the log, seats and snapshots', async () => {
    const store = await open(backend);
    const m = record({ visibility: 'private' });
    await store.createMatch(m);
    expect(await store.match(m.id)).toEqual(m);
    expect(await store.matchByCode(m.code)).toEqual(m);
    expect(await store.match('nope')).toBeNull();

    const state = createMatch(tutorial, DEFAULT_SETTINGS, m.seed);
    await store.write({
      commands: [1, 2, 3].map((seq) => ({ matchId: m.id, seq, at: 1000 + seq, envelope: seq === 1 ? start : say(1000 + seq, `m${seq}`) })),
      snapshots: [{ matchId: m.id, round: 1, seq: 1, state }],
      statuses: [{ matchId: m.id, status: 'running' }],
    });
    expect((await store.commandsAfter(m.id, 1)).map((c) => [c.seq, c.at, c.envelope])).toEqual([[2, 1002, say(1002, 'm2')], [3, 1003, say(1003, 'm3')]]);
    expect(await store.latestSnapshot(m.id)).toEqual({ matchId: m.id, round: 1, seq: 1, state });
    expect((await store.match(m.id))!.status).toBe('running');

    await store.putSeat({ matchId: m.id, state: 'valdoria', tokenHash: 'h1', name: 'Ann' });
    await store.putSeat({ matchId: m.id, state: 'valdoria', tokenHash: 'h2', name: 'Ann B' });
    await store.putSeat({ matchId: m.id, state: 'lissen', tokenHash: 'h3', name: 'Lee' });
    expect(await store.seats(m.id)).toEqual([
      { matchId: m.id, state: 'lissen', tokenHash: 'h3', name: 'Lee' },
      { matchId: m.id, state: 'valdoria', tokenHash: 'h2', name: 'Ann B' },
    ]);

    const ended = record({ status: 'ended' });
    await store.createMatch(ended);
    expect((await store.unfinishedMatches()).map((x) => x.id)).toEqual([m.id]);
    await store.close();
  });

  it('writes a batch atomically: a duplicate seq refuses the whole batch', async () => {
    const store = await open(backend);
    const m = record();
    await store.createMatch(m);
    await store.write({ commands: [{ matchId: m.id, seq: 1, at: 1, envelope: start }], snapshots: [], statuses: [] });
    const bad: WriteBatch = {
      commands: [{ matchId: m.id, seq: 2, at: 2, envelope: say(2, 'two') }, { matchId: m.id, seq: 1, at: 3, envelope: say(3, 'again') }],
      snapshots: [], statuses: [{ matchId: m.id, status: 'ended' }],
    };
    await expect(store.write(bad)).rejects.toThrow();
    expect((await store.commandsAfter(m.id, 0)).map((c) => c.seq)).toEqual([1]);
    expect((await store.match(m.id))!.status).toBe('setup');
    await store.close();
  });

  it('group-commits a tick of commands in one transaction, acknowledging only after it, and folds back', async () => {
    const inner = await open(backend);
    const writes: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const store: MatchStore = Object.assign(Object.create(inner) as MatchStore, {
      write: async (b: WriteBatch) => {
        writes.push(b.commands.length);
        await gate;
        return inner.write(b);
      },
    });
    const queue = new CommitQueue(store, log);
    const m = record();
    await inner.createMatch(m);
    const live = new LiveMatch(m, tutorial, createMatch(tutorial, m.settings, m.seed), 0, 0, queue, log, () => 5000);
    const commits: number[] = [];
    live.onCommit((c) => commits.push(c.toSeq));

    const answers = [live.submitControl('facilitator', { type: 'start' })];
    for (let i = 0; i < 30; i++) answers.push(live.submitSeat('valdoria', { type: 'message', channel: 'public', text: `hello ${i}` }));
    const refused = await live.submitSeat('valdoria', { type: 'setBudget', budget: { defense: 30, domestic: 40, investment: 30 } });
    expect(refused).toMatchObject({ ok: false, code: 'phase/wrong' }); // refusals answer at once
    let settled = 0;
    for (const a of answers) void a.then(() => (settled += 1));
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toEqual([31]); // one transaction for the whole tick
    expect(settled).toBe(0); // nothing acknowledged before the commit
    expect(live.seq).toBe(0); // nobody is shown uncommitted state
    expect(live.head.messages).toHaveLength(30);
    release();
    expect((await Promise.all(answers)).map((a) => (a.ok ? a.logSeq : a.code))).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(commits).toEqual([31]);
    expect(queue.stats).toMatchObject({ batches: 1, commands: 31, maxBatch: 31 });

    const folded = await foldMatch(inner, m, tutorial as Scenario);
    expect(folded.seq).toBe(31);
    expect(folded.state).toEqual(live.state);
    expect(folded.snapshotRound).toBe(1); // the round that started got its snapshot
    await inner.close();
  });

  it('refuses the commands of a failed commit and rolls the head back', async () => {
    const inner = await open(backend);
    let fail = true;
    const store: MatchStore = Object.assign(Object.create(inner) as MatchStore, {
      write: (b: WriteBatch) => (fail ? Promise.reject(new Error('disk full')) : inner.write(b)),
    });
    const queue = new CommitQueue(store, log);
    const m = record();
    await inner.createMatch(m);
    const live = new LiveMatch(m, tutorial, createMatch(tutorial, m.settings, m.seed), 0, 0, queue, log, () => 5000);
    const a = await live.submitControl('facilitator', { type: 'start' });
    expect(a).toMatchObject({ ok: false, code: 'server/storage' });
    expect(live.head.phase).toBe('setup');
    expect(m.status).toBe('setup');
    fail = false;
    expect(await live.submitControl('facilitator', { type: 'start' })).toEqual({ ok: true, logSeq: 1 });
    expect((await inner.commandsAfter(m.id, 0)).map((c) => c.seq)).toEqual([1]);
    await inner.close();
  });
});

/**
 * On a file, SQLite commits on a writer thread with its own connection (server/store/sqliteWriter.ts),
 * beside the main connection that reads and makes the other writes. The cases above run through it;
 * these check what only a second thread can get wrong.
 */
describe('the SQLite writer thread', () => {
  async function openFile(): Promise<{ store: ThreadedSqliteStore; file: string }> {
    const file = path.join(tempDir(), 'w.sqlite');
    const store = await openSqliteStore(file);
    if (!(store instanceof ThreadedSqliteStore)) throw new Error('a file store should write on its thread');
    return { store, file };
  }
  const commands = (m: MatchRecord, from: number, to: number): WriteBatch => ({
    commands: Array.from({ length: to - from + 1 }, (_, i) => ({ matchId: m.id, seq: from + i, at: from + i, envelope: say(from + i, `m${from + i}`) })),
    snapshots: [], statuses: [],
  });
  /** A third connection holding the write lock, as a long commit of the main connection would. */
  function lockFile(file: string): { release(): void } {
    const other = new SQLite(file);
    other.exec('BEGIN IMMEDIATE');
    return { release: () => { other.exec('COMMIT'); other.close(); } };
  }
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  test('commits with synchronous=FULL, WAL and foreign keys on its own connection; :memory: writes in-thread', async () => {
    const { store } = await openFile();
    expect(store.writerSettings).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
    const stranger = record();
    await expect(store.write(commands(stranger, 1, 1))).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    await store.close();
    const memory = await openStore(parseDatabaseUrl('sqlite::memory:'));
    expect(memory).not.toBeInstanceOf(ThreadedSqliteStore);
    await memory.close();
  });

  test('keeps the event loop free while a commit waits for the write lock, and answers in order', async () => {
    const { store, file } = await openFile();
    const m = record();
    await store.createMatch(m);
    const lock = lockFile(file);
    const answered: string[] = [];
    const a = store.write(commands(m, 1, 3)).then(() => answered.push('a'));
    const b = store.write(commands(m, 4, 4)).then(() => answered.push('b'));
    const t0 = performance.now();
    await sleep(40);
    // On this thread the busy wait would have held the event loop for up to busy_timeout (5 s).
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(answered).toEqual([]);
    lock.release();
    await Promise.all([a, b]);
    expect(answered).toEqual(['a', 'b']);
    expect((await store.commandsAfter(m.id, 0)).map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    await store.close();
  });

  test('takes turns with the main connection: no SQLITE_BUSY when both write at once', async () => {
    const { store } = await openFile();
    const m = record();
    await store.createMatch(m);
    await Promise.all(Array.from({ length: 40 }, async (_, i) => {
      await Promise.all([
        store.write(commands(m, i * 5 + 1, i * 5 + 5)),
        store.putSeat({ matchId: m.id, state: `s${i % 4}`, tokenHash: `h${i}`, name: `n${i}` }),
        store.createMatch(record()),
      ]);
    }));
    expect(await store.commandsAfter(m.id, 0)).toHaveLength(200);
    expect(await store.seats(m.id)).toHaveLength(4);
    await store.close();
  });

  test('refuses a batch the thread died with before committing, and the next write starts a new thread', async () => {
    const { store, file } = await openFile();
    const m = record();
    await store.createMatch(m);
    const lock = lockFile(file);
    const lost = store.write(commands(m, 1, 2));
    await sleep(30);
    const crashed = store.writer.crash();
    lock.release();
    await expect(lost).rejects.toThrow(/writer thread stopped before committing/);
    await crashed;
    expect(await store.commandsAfter(m.id, 0)).toEqual([]);
    // The dead thread's transaction rolled back and its lock is gone: the same seqs commit at once.
    const t0 = performance.now();
    await store.write(commands(m, 1, 2));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect((await store.commandsAfter(m.id, 0)).map((c) => c.seq)).toEqual([1, 2]);
    await store.close();
  });

  test('acknowledges a batch the thread died with if it did commit (asked of the file)', async () => {
    const { store, file } = await openFile();
    const m = record();
    await store.createMatch(m);
    await store.write(commands(m, 1, 2));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true }) }) });
    expect(await batchCommitted(db, commands(m, 1, 2))).toBe(true);
    expect(await batchCommitted(db, commands(m, 3, 3))).toBe(false);
    const other = commands(m, 1, 1);
    other.commands[0]!.envelope = say(1, 'not what was written');
    expect(await batchCommitted(db, other)).toBe(false);
    expect(await batchCommitted(db, { commands: [], snapshots: [], statuses: [{ matchId: m.id, status: 'ended' }] })).toBe(false);
    await db.destroy();
    await store.close();

    // The writer settles by the probe's answer, whatever the thread last said.
    const { writer } = await SqliteWriter.start(file, () => Promise.resolve(true));
    const lock = lockFile(file);
    const w = writer.write(commands(m, 3, 3));
    await sleep(30);
    const crashed = writer.crash();
    lock.release();
    await expect(w).resolves.toBeUndefined();
    await crashed;
    await writer.close();
  });

  test('closes after the writes already sent, leaving no WAL behind', async () => {
    const { store, file } = await openFile();
    const m = record();
    await store.createMatch(m);
    const pending = store.write(commands(m, 1, 50));
    const closed = store.close();
    await pending;
    await closed;
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    await expect(store.write(commands(m, 51, 51))).rejects.toThrow(/closed/);
    const again = await openSqliteStore(file);
    expect(await again.commandsAfter(m.id, 0)).toHaveLength(50);
    await again.close();
  });

  test('checkpoints on its own thread: the WAL restarts instead of growing with the log', async () => {
    const { store, file } = await openFile();
    const m = record();
    await store.createMatch(m);
    const frame = 4096 + 24;
    // 300 one-command commits over about 2 s, as players send them. Each appends at least two
    // frames (the row's page and the key's index page): 600 frames if nothing ever checkpointed.
    for (let seq = 1; seq <= 300; seq++) {
      await store.write(commands(m, seq, seq));
      await sleep(5);
    }
    await sleep(300);
    expect(store.checkpointer.stats.checkpoints).toBeGreaterThanOrEqual(3);
    // Copied into the database file, and the WAL started over: it holds at most a few intervals' commits.
    expect(fs.statSync(file).size).toBeGreaterThan(8 * 4096);
    expect(fs.statSync(`${file}-wal`).size).toBeLessThan(400 * frame);
    expect(await store.commandsAfter(m.id, 0)).toHaveLength(300);
    await store.close();
  });
});
