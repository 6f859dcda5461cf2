import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Esbuild from 'esbuild';

/**
 * The real server as a child process, for tests that kill it (SIGKILL: no cleanup, no last commit)
 * and start it again on the same database and port.
 *
 * How it is started: `node --import tsx server/main.ts` spends ~1.3 s of CPU per start in the ESM
 * loader and tsx's hooks (300+ modules). Tests that restart it 20+ times instead run server/main.ts
 * bundled once by esbuild (the same sources, dependencies left external, tsconfig's decorator
 * settings), which starts in about half the time. SERVER_RUNNER=tsx forces tsx.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The node arguments that start the server. */
export interface ServerEntry {
  args: string[];
  /** 'bundle' or 'tsx', for reports. */
  kind: string;
  /** Remove what preparing it wrote. */
  dispose(): void;
}

export const TSX_ENTRY: ServerEntry = { args: ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], kind: 'tsx', dispose: () => undefined };

/**
 * Bundle server/main.ts into node_modules/.cache (so the bundle's bare imports resolve to the
 * project's node_modules); falls back to tsx when esbuild (tsx's own dependency) is not there.
 */
export async function prepareServerEntry(): Promise<ServerEntry> {
  if (process.env.SERVER_RUNNER === 'tsx') return TSX_ENTRY;
  let esbuild: typeof Esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return TSX_ENTRY;
  }
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'entente-test-server', `main-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'server', 'main.ts')],
    outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'), sourcemap: 'inline', logLevel: 'warning',
  });
  return { args: ['--enable-source-maps', outfile], kind: 'bundle', dispose: () => fs.rmSync(outfile, { force: true }) };
}

/** A port nobody listens on right now (the OS picks it; we close and hand it on). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ChildServerOptions {
  port: number;
  /** How to start it (default: tsx). */
  entry?: ServerEntry;
  /** Absolute path of the SQLite file. */
  dbFile: string;
  /** Extra environment (wins over the defaults). */
  env?: Record<string, string>;
  /** How long to wait for GET /health (ms). */
  readyTimeoutMs?: number;
}

export interface ChildServer {
  port: number;
  url: string;
  endpoint: string;
  proc: ChildProcess;
  /** ms from spawn to the first healthy answer. */
  startMs: number;
  /** performance.now() when it first answered /health. */
  readyAt: number;
  /** The last few KB of its stdout and stderr (for failure messages). */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  /** Send a signal and wait for the process to be gone. */
  kill(signal: NodeJS.Signals): Promise<string>;
}

/** Start the server and wait until it answers GET /health (matches restored, port open). */
export async function spawnServer(opts: ChildServerOptions): Promise<ChildServer> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, (opts.entry ?? TSX_ENTRY).args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite://${opts.dbFile}`,
      CLIENT_BUILD: 'never',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-8000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let gone: string | null = null;
  const exited = new Promise<string>((resolve) => {
    proc.once('exit', (code, signal) => {
      gone = signal ?? `exit ${code}`;
      resolve(gone);
    });
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = t0 + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (gone !== null) throw new Error(`server exited before it was ready (${gone}):\n${tail}`);
    if (performance.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server not ready after ${opts.readyTimeoutMs ?? 30_000} ms:\n${tail}`);
    }
    if (await healthy(url)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyAt = performance.now();
  return {
    port: opts.port, url, endpoint: `ws://127.0.0.1:${opts.port}`, proc, startMs: readyAt - t0, readyAt,
    output: () => tail,
    exited,
    kill: (signal) => {
      if (gone === null) proc.kill(signal);
      return exited;
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}
