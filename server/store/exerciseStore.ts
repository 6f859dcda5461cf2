import type { Kysely } from 'kysely';
import type { ExerciseAction, ExerciseConfig } from '../../shared/debrief/classroom';
import { ExerciseActionSchema, ExerciseConfigSchema } from '../../shared/debrief/classroom';
import type { Database } from './tables';

/**
 * Classroom exercises in the same database as the matches (tables from migration 0002_exercises):
 * one row per exercise (its config), and an append-only log of what happened to its roster
 * (arrivals, the facilitator's seating actions, key re-issues). The roster is the fold of that log,
 * as a match is the fold of its command log. The facilitator's engine commands (start, pause, inject,
 * replace by a bot…) are not here: they are in the match's own command log.
 */

export interface ExerciseRecord {
  matchId: string;
  config: ExerciseConfig;
  /** ms since the epoch. */
  createdAt: number;
}

export interface ExerciseActionRecord {
  matchId: string;
  /** 1, 2, 3, … per exercise, without gaps. */
  seq: number;
  /** Server time (ms). */
  at: number;
  action: ExerciseAction;
}

export interface ExerciseStore {
  createExercise(r: ExerciseRecord): Promise<void>;
  exercise(matchId: string): Promise<ExerciseRecord | null>;
  /** Exercises whose match has not ended, oldest first. */
  unfinishedExercises(): Promise<ExerciseRecord[]>;
  /** Append one action; a duplicate seq is refused (two writers never both succeed). */
  appendAction(a: ExerciseActionRecord): Promise<void>;
  actions(matchId: string): Promise<ExerciseActionRecord[]>;
  /** Replace a match's facilitator key hash (the key is re-issued from the command line). */
  setHostKeyHash(matchId: string, hash: string): Promise<void>;
}

type BigIntColumn = number | string | bigint;

export interface ExerciseTables {
  exercises: { match_id: string; config: string; created_at: BigIntColumn };
  exercise_actions: { match_id: string; seq: number; at: BigIntColumn; action: string };
}

export class KyselyExerciseStore implements ExerciseStore {
  private readonly db: Kysely<Database & ExerciseTables>;

  constructor(db: Kysely<Database>) {
    this.db = db as unknown as Kysely<Database & ExerciseTables>;
  }

  async createExercise(r: ExerciseRecord): Promise<void> {
    await this.db.insertInto('exercises').values({ match_id: r.matchId, config: JSON.stringify(r.config), created_at: r.createdAt }).execute();
  }

  async exercise(matchId: string): Promise<ExerciseRecord | null> {
    const row = await this.db.selectFrom('exercises').selectAll().where('match_id', '=', matchId).executeTakeFirst();
    return row ? toExercise(row) : null;
  }

  async unfinishedExercises(): Promise<ExerciseRecord[]> {
    const rows = await this.db.selectFrom('exercises').innerJoin('matches', 'matches.id', 'exercises.match_id')
      .select(['exercises.match_id', 'exercises.config', 'exercises.created_at'])
      .where('matches.status', '!=', 'ended').orderBy('exercises.created_at').execute();
    return rows.map(toExercise);
  }

  async appendAction(a: ExerciseActionRecord): Promise<void> {
    await this.db.insertInto('exercise_actions').values({ match_id: a.matchId, seq: a.seq, at: a.at, action: JSON.stringify(a.action) }).execute();
  }

  async actions(matchId: string): Promise<ExerciseActionRecord[]> {
    const rows = await this.db.selectFrom('exercise_actions').selectAll().where('match_id', '=', matchId).orderBy('seq').execute();
    return rows.map((r) => ({ matchId: r.match_id, seq: Number(r.seq), at: Number(r.at), action: ExerciseActionSchema.parse(JSON.parse(r.action)) }));
  }

  async setHostKeyHash(matchId: string, hash: string): Promise<void> {
    const r = await this.db.updateTable('matches').set({ host_key_hash: hash }).where('id', '=', matchId).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new Error(`no match "${matchId}"`);
  }
}

function toExercise(r: { match_id: string; config: string; created_at: BigIntColumn }): ExerciseRecord {
  return { matchId: r.match_id, config: ExerciseConfigSchema.parse(JSON.parse(r.config)), createdAt: Number(r.created_at) };
}

/** Migration 0002_exercises (registered in migrations.ts). */
export async function createExerciseTables(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('exercises')
    .addColumn('match_id', 'text', (c) => c.primaryKey().references('matches.id'))
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createTable('exercise_actions')
    .addColumn('match_id', 'text', (c) => c.notNull().references('matches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exercise_actions_pk', ['match_id', 'seq'])
    .execute();
}
