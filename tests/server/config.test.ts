import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl } from '../../server/config';
import { tempDir } from './helpers/testServer';

describe('configuration from the environment', () => {
  it('has defaults for everything', () => {
    const c = loadConfig({});
    expect(c.port).toBe(2567);
    expect(c.database).toEqual({ kind: 'sqlite', file: path.resolve('data/entente.sqlite') });
  });

  it.each([
    ['sqlite:data/x.sqlite', { kind: 'sqlite', file: path.resolve('data/x.sqlite') }],
    ['sqlite:///abs/x.sqlite', { kind: 'sqlite', file: '/abs/x.sqlite' }],
    ['sqlite::memory:', { kind: 'sqlite', file: ':memory:' }],
    ['postgres://u@h:5432/db', { kind: 'postgres', url: 'postgres://u@h:5432/db' }],
    ['postgresql://u@h/db', { kind: 'postgres', url: 'postgresql://u@h/db' }],
  ])('reads DATABASE_URL=%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT="eighty"'],
    [{ PORT: '70000' }, 'PORT="70000"'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL="mysql://x": must start with sqlite:'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud"'],
    [{ RECONNECT_SECONDS: '-1' }, 'RECONNECT_SECONDS="-1"'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

// `npm start`'s own command: node loads tsx in process, so a signal reaches the server itself. (The tsx CLI relays
// signals to a child node and SIGKILLs it when the child is slow to acknowledge one, as on a busy machine.)
describe('`node --import tsx server/main.ts` (npm start) as a child process', () => {
  it('starts on PORT and DATABASE_URL, serves /health, and stops cleanly on SIGTERM', async () => {
    const db = path.join(tempDir(), 'child.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite://${db}`, STATIC_DIR: tempDir(), CLIENT_BUILD: 'never', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "server listening" line: ${out}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.includes('"server listening"'));
        if (line) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      });
    });
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toMatchObject({ ok: true, store: 'sqlite' });
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 30_000);

  it('exits with a clear message on a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('Invalid configuration');
    expect(err).toContain('PORT="eighty"');
  }, 30_000);
});
