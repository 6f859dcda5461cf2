import path from 'node:path';
import { z } from 'zod';

/**
 * Server configuration, read from the environment once at boot and validated here.
 * A bad value stops the server with one line per fault naming the variable.
 */
const EnvSchema = z.object({
  /** TCP port for HTTP and WebSocket (one port); 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * Where matches are stored: `sqlite:data/entente.sqlite` (relative to the working directory),
   * `sqlite:///abs/path.sqlite`, `sqlite::memory:`, or `postgres://user@host:5432/db`.
   */
  DATABASE_URL: z.string().min(1).default('sqlite:data/entente.sqlite')
    .refine((u) => /^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(u), {
      message: 'must start with sqlite: (e.g. sqlite:data/entente.sqlite, sqlite::memory:) or postgres://',
    }),
  /**
   * Behind a reverse proxy that sets X-Forwarded-For, 'true' makes per-IP limits use the client's
   * address from that header; otherwise the socket's address is used (headers can be forged).
   */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built client (Vite output), served at `/`. */
  STATIC_DIR: z.string().min(1).default('dist'),
  /** `npm start` builds the client when STATIC_DIR has no index.html ('auto'), or never ('never': API only). */
  CLIENT_BUILD: z.enum(['auto', 'never']).default('auto'),
  /** Scenario files (`*.json`). */
  SCENARIOS_DIR: z.string().min(1).default('assets/scenarios'),
  /** How long a dropped connection may come back into the same Colyseus session (seconds); the seat token works after that too. */
  RECONNECT_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** How long a finished match's room stays open with nobody in it (seconds). */
  ENDED_ROOM_SECONDS: z.coerce.number().int().min(0).max(7 * 24 * 3600).default(600),
});

export type StoreUrl =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: StoreUrl;
  /** The original DATABASE_URL, for the log (credentials removed). */
  databaseLabel: string;
  trustProxy: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  staticDir: string;
  clientBuild: 'auto' | 'never';
  scenariosDir: string;
  reconnectSeconds: number;
  endedRoomSeconds: number;
}

export class ConfigError extends Error {}

/** Read the configuration from an environment (process.env by default). Throws ConfigError with a readable message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty variables count as unset, as shells often export them that way.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    databaseLabel: e.DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@'),
    trustProxy: e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    staticDir: path.resolve(e.STATIC_DIR),
    clientBuild: e.CLIENT_BUILD,
    scenariosDir: path.resolve(e.SCENARIOS_DIR),
    reconnectSeconds: e.RECONNECT_SECONDS,
    endedRoomSeconds: e.ENDED_ROOM_SECONDS,
  };
}

/** `sqlite:rel/path`, `sqlite:///abs/path`, `sqlite::memory:`, `postgres://…`. */
export function parseDatabaseUrl(url: string): StoreUrl {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (!url.startsWith('sqlite:')) throw new ConfigError(`DATABASE_URL=${JSON.stringify(url)}: must start with sqlite: or postgres://`);
  let rest = url.slice('sqlite:'.length);
  if (rest === ':memory:' || rest === '//:memory:') return { kind: 'sqlite', file: ':memory:' };
  if (rest.startsWith('//')) rest = rest.slice(2);
  if (rest === '') throw new ConfigError(`DATABASE_URL=${JSON.stringify(url)}: no file named after sqlite:`);
  return { kind: 'sqlite', file: path.resolve(rest) };
}
