import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import { createExerciseTables } from './exerciseStore';

/**
 * Schema migrations, in order, written with kysely's portable schema builder (SQLite and PostgreSQL).
 * Never edit a migration that has shipped: add the next one. The log format (matches.log_format)
 * is versioned separately: a future format change adds a migration that rewrites or tags old logs.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('matches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('host_key_hash', 'text', (c) => c.notNull())
        .addColumn('log_format', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('matches_status').on('matches').column('status').execute();
      await db.schema.createTable('commands')
        .addColumn('match_id', 'text', (c) => c.notNull().references('matches.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('envelope', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('commands_pk', ['match_id', 'seq'])
        .execute();
      await db.schema.createTable('seats')
        .addColumn('match_id', 'text', (c) => c.notNull().references('matches.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('seats_pk', ['match_id', 'state'])
        .execute();
      await db.schema.createTable('snapshots')
        .addColumn('match_id', 'text', (c) => c.notNull().references('matches.id'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('snapshots_pk', ['match_id', 'seq'])
        .execute();
    },
  },
  // Classroom exercises: their config and the log of their rosters (server/store/exerciseStore.ts).
  '0002_exercises': { up: createExerciseTables },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Bring the database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
