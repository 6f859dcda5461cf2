import type { StoreUrl } from '../config';
import type { MatchStore } from './MatchStore';
import { openPostgresStore } from './postgresStore';
import { openSqliteStore } from './sqliteStore';

/** The store a DATABASE_URL names, migrated and ready. */
export function openStore(url: StoreUrl): Promise<MatchStore> {
  return url.kind === 'sqlite' ? openSqliteStore(url.file) : openPostgresStore(url.url);
}
