import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyMatchStore } from './kyselyStore';
import type { MatchStore } from './MatchStore';
import type { Database } from './tables';

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a COMMIT returns only
 * after the log is on disk. Group commit (commitQueue.ts) keeps that to one fsync per tick.
 * Back it up online with `sqlite3 data/entente.sqlite ".backup backup.sqlite"`, or copy the file
 * (with its -wal file) while the server is stopped.
 */
export async function openSqliteStore(file: string): Promise<MatchStore> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const store = new KyselyMatchStore('sqlite', db);
  await store.migrate();
  return store;
}
