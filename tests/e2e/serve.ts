import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../../server/app';
import { startServer } from '../../server/app';
import { loadConfig } from '../../server/config';

/**
 * A real server for browser tests: the client built with Vite into a temp folder, a temp SQLite
 * file, a random port. close() stops it and removes both.
 */
export interface E2EServer {
  server: RunningServer;
  url: string;
  close(): Promise<void>;
}

/** Build the client once per process into a temp folder (never touching the developer's dist/). */
let built: string | null = null;
export function buildClient(): string {
  if (built) return built;
  const out = mkdtempSync(path.join(tmpdir(), 'entente-dist-'));
  const vite = path.resolve('node_modules', '.bin', 'vite');
  // vitest sets NODE_ENV=test, which would make a development build: ask for production.
  const r = spawnSync(vite, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.error?.message})`);
  built = out;
  return out;
}

export async function startE2EServer(staticDir = buildClient()): Promise<E2EServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-e2e-'));
  mkdirSync(dir, { recursive: true });
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite://${path.join(dir, 'e2e.sqlite')}`, LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    STATIC_DIR: staticDir, SCENARIOS_DIR: path.resolve('assets', 'scenarios'), RECONNECT_SECONDS: '5',
  });
  const server = await startServer(config);
  return {
    server,
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
