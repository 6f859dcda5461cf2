import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './app';
import type { RunningServer } from './app';
import { ConfigError, loadConfig } from './config';
import type { Config } from './config';
import type { Logger } from './log';
import { createLogger } from './log';

/**
 * `npm start`: read the configuration, build the client if it has never been built, restore
 * unfinished matches and serve. SIGINT/SIGTERM stop it cleanly: accepted commands are committed first.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  // Every accepted command is already durable, so a crash loses nothing; but say why.
  process.on('unhandledRejection', (e) => log.error({ err: e }, 'unhandled rejection'));
  process.on('uncaughtException', (e) => {
    log.fatal({ err: e }, 'uncaught exception; exiting');
    process.exit(1);
  });
  // Signals are handled from the start: one arriving while the server boots stops it once it is up.
  let server: RunningServer | null = null;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    if (server) shutDown(server, log);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  buildClientIfMissing(config, log);
  server = await startServer(config, { log });
  if (stopping) shutDown(server, log);
}

/** Commit what was accepted, close rooms and the store, then exit. */
function shutDown(server: RunningServer, log: Logger): void {
  server.close().then(() => process.exit(0), (e: unknown) => {
    log.error({ err: e }, 'unclean stop');
    process.exit(1);
  });
}

/** `vite build` when dist/index.html is missing and the client sources exist; on failure, serve the API anyway. */
function buildClientIfMissing(config: Config, log: Logger): void {
  if (config.clientBuild === 'never' || fs.existsSync(path.join(config.staticDir, 'index.html'))) return;
  if (!fs.existsSync(path.resolve('client', 'index.html'))) {
    log.warn('no client/index.html: nothing to build, serving the API only');
    return;
  }
  log.info('building the client (vite build)…');
  const vite = path.resolve('node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  const r = spawnSync(vite, ['build', '--outDir', config.staticDir], { stdio: ['ignore', 2, 2] });
  if (r.status === 0) log.info('client built');
  else log.error({ status: r.status, error: r.error?.message }, 'client build failed: serving the API only (run `npm run build` to see why)');
}

main().catch((e: unknown) => {
  process.stderr.write(`entente: failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
