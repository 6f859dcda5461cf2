import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../../server/app';
import { startServer } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { CreateMatch, MatchSettingsInput } from '../../../shared/index';

const made: string[] = [];
// Registered when a test file imports this helper, so it runs after that file's own afterAll hooks.
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory (removed when the test process exits). */
export function tempDir(prefix = 'entente-server-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

export interface TestServerOptions {
  /** An SQLite file (absolute path). */
  dbFile?: string;
  /** Any DATABASE_URL (wins over dbFile); default: SQLite in memory. */
  databaseUrl?: string;
  env?: Record<string, string>;
  now?: () => number;
}

/** A real server on a free port, quiet, with an SQLite file (or memory, or PostgreSQL). */
export function startTestServer(opts: TestServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl ?? (opts.dbFile ? `sqlite://${opts.dbFile}` : 'sqlite::memory:'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    STATIC_DIR: path.join(os.tmpdir(), 'entente-no-client'),
    RECONNECT_SECONDS: '2',
    ...opts.env,
  });
  return startServer(config, { now: opts.now });
}

/** One server for a test file: started before its tests, closed after them (after afterAll hooks registered later). */
export function serveForSuite(opts: TestServerOptions = {}): { readonly server: RunningServer; readonly endpoint: string } {
  let running: RunningServer | null = null;
  beforeAll(async () => {
    running = await startTestServer(opts);
  });
  afterAll(async () => {
    await running?.close();
  });
  const server = (): RunningServer => {
    if (!running) throw new Error('the suite server is not running (use it inside tests or hooks)');
    return running;
  };
  return {
    get server() {
      return server();
    },
    get endpoint() {
      return `ws://127.0.0.1:${server().port}`;
    },
  };
}

export interface Created {
  matchId: string;
  code: string;
  hostKey: string;
}

type CreateInput = Omit<Partial<CreateMatch>, 'settings'> & { settings?: MatchSettingsInput };

/** POST /api/matches. */
export async function createMatch(baseUrl: string, body: CreateInput): Promise<Created> {
  const res = await fetch(`${baseUrl}/api/matches`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'tutorial', settings: {}, ...body }),
  });
  if (res.status !== 201) throw new Error(`create match: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

/** Short phases that the test drives with `ready` and host controls. */
export const FAST: MatchSettingsInput = {
  phaseSeconds: { briefing: 0, diplomacy: 30, orders: 30, crisis: 30 },
  botsFill: false,
};
