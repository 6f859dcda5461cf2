import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** The server's logger: JSON lines on stdout (pipe through `pino-pretty` to read them by eye). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'entente' } });
}
