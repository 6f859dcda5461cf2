import crypto from 'node:crypto';
import net from 'node:net';
import pg from 'pg';

/** Where tests look for PostgreSQL (trust auth on CI machines); override with TEST_PG_URL. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function reachable(url: string, timeoutMs = 500): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Whether PostgreSQL answers; when not, says so once on stderr so a skip is never silent. */
export async function postgresAvailable(what: string): Promise<boolean> {
  if (await reachable(PG_ADMIN_URL)) {
    try {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.end();
      return true;
    } catch (e) {
      process.stderr.write(`SKIP ${what}: PostgreSQL at ${PG_ADMIN_URL} refused the connection (${e instanceof Error ? e.message : String(e)})\n`);
      return false;
    }
  }
  process.stderr.write(`SKIP ${what}: no PostgreSQL server at ${PG_ADMIN_URL} (set TEST_PG_URL to point at one)\n`);
  return false;
}

/** A fresh, empty database for one test file; drop() removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `entente_test_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
