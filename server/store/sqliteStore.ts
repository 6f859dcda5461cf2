import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyMatchStore } from './kyselyStore';
import type { MatchStore, WriteBatch } from './MatchStore';
import { migrateToLatest } from './migrations';
import { Checkpointer } from './checkpointer';
import { SqliteWriter } from './sqliteWriter';
import type { Database } from './tables';
import type { WriterSettings } from './writerProtocol';

/** How long either connection waits for the other's write lock before SQLITE_BUSY (ms). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a COMMIT returns only
 * after the log is on disk. Group commit (commitQueue.ts) keeps that to one fsync per tick.
 *
 * On a file, those commits run on a writer thread with its own connection (sqliteWriter.ts), so
 * the event loop never waits for the disk; reads and the rare other writes (matches, seats,
 * exercises) stay on this connection. WAL lets both connections read while one writes; writers
 * take turns under busy_timeout. A third thread checkpoints the WAL every 250 ms (checkpointer.ts),
 * so neither a commit nor the event loop waits for a checkpoint's writes and fsync. `:memory:`
 * (tests) cannot be shared between threads: it writes on this connection.
 *
 * Back it up online with `sqlite3 data/entente.sqlite ".backup backup.sqlite"`, or copy the file
 * (with its -wal file) while the server is stopped.
 */
export async function openSqliteStore(file: string): Promise<MatchStore> {
  const memory = file === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!memory) sqlite.pragma('wal_autocheckpoint = 0');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    if (memory) return new KyselyMatchStore('sqlite', db);
    const { writer, settings } = await SqliteWriter.start(path.resolve(file), (batch) => batchCommitted(db, batch), BUSY_TIMEOUT_MS);
    return new ThreadedSqliteStore(db, writer, settings, new Checkpointer(path.resolve(file)));
  } catch (e) {
    await db.destroy();
    throw e;
  }
}

/** The SQLite store whose batches commit on the writer thread. */
export class ThreadedSqliteStore extends KyselyMatchStore {
  constructor(
    db: Kysely<Database>,
    /** For tests: stop or inspect the thread. */
    readonly writer: SqliteWriter,
    /** The writer connection's durability settings, as it reported them. */
    readonly writerSettings: WriterSettings,
    readonly checkpointer: Checkpointer,
  ) {
    super('sqlite', db);
  }

  override write(batch: WriteBatch): Promise<void> {
    if (batch.commands.length === 0 && batch.snapshots.length === 0 && batch.statuses.length === 0) return Promise.resolve();
    return this.writer.write(batch);
  }

  override async close(): Promise<void> {
    // Writes already sent finish first; this connection, closing last, checkpoints the WAL away.
    await this.checkpointer.close();
    await this.writer.close();
    await super.close();
  }
}

/**
 * Whether a batch the writer thread died with committed. A batch is one transaction, so its first
 * command tells; one without commands (snapshots and statuses, both idempotent) counts as lost.
 */
export async function batchCommitted(db: Kysely<Database>, batch: WriteBatch): Promise<boolean> {
  const first = batch.commands[0];
  if (!first) return false;
  const row = await db.selectFrom('commands').select('envelope')
    .where('match_id', '=', first.matchId).where('seq', '=', first.seq).executeTakeFirst();
  return row?.envelope === JSON.stringify(first.envelope);
}
