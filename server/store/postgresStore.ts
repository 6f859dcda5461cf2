import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyMatchStore } from './kyselyStore';
import type { MatchStore } from './MatchStore';
import type { Database } from './tables';

/**
 * The PostgreSQL store, for several server processes sharing one lobby (with Redis presence).
 * Same tables and SQL as SQLite; a COMMIT is durable under PostgreSQL's default synchronous_commit=on.
 */
export async function openPostgresStore(url: string): Promise<MatchStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail fast with a clear message rather than at the first query.
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`cannot connect to PostgreSQL: ${reason}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store = new KyselyMatchStore('postgres', db);
  await store.migrate();
  return store;
}
