import type { Kysely, Selectable } from 'kysely';
import type { CommandEnvelope, GameState, MatchSettings } from '../../shared/index';
import type { ExerciseStore } from './exerciseStore';
import { KyselyExerciseStore } from './exerciseStore';
import type { CommandRecord, MatchRecord, MatchStatus, MatchStore, SeatRecord, SnapshotRecord, Visibility, WriteBatch } from './MatchStore';
import { migrateToLatest } from './migrations';
import type { Database, MatchesTable } from './tables';

/** Rows per INSERT statement: well under SQLite's bound-parameter limit. */
const CHUNK = 200;

/**
 * The MatchStore over any kysely dialect. Only portable SQL: the SQLite and PostgreSQL stores differ
 * in how they open the connection, nothing else.
 */
export class KyselyMatchStore implements MatchStore {
  readonly exercises: ExerciseStore;

  constructor(
    readonly kind: string,
    protected readonly db: Kysely<Database>,
    private readonly onClose: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.exercises = new KyselyExerciseStore(db);
  }

  async migrate(): Promise<void> {
    await migrateToLatest(this.db as unknown as Kysely<unknown>);
  }

  async createMatch(m: MatchRecord): Promise<void> {
    await this.db.insertInto('matches').values({
      id: m.id, code: m.code, scenario_id: m.scenarioId, settings: JSON.stringify(m.settings), seed: m.seed,
      visibility: m.visibility, status: m.status, host_key_hash: m.hostKeyHash, log_format: m.logFormat, created_at: m.createdAt,
    }).execute();
  }

  async write(batch: WriteBatch): Promise<void> {
    if (batch.commands.length === 0 && batch.snapshots.length === 0 && batch.statuses.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < batch.commands.length; i += CHUNK) {
        const rows = batch.commands.slice(i, i + CHUNK).map((c) => ({
          match_id: c.matchId, seq: c.seq, at: c.at, envelope: JSON.stringify(c.envelope),
        }));
        await trx.insertInto('commands').values(rows).execute();
      }
      for (const s of batch.snapshots) {
        await trx.insertInto('snapshots')
          .values({ match_id: s.matchId, round: s.round, seq: s.seq, state: JSON.stringify(s.state) })
          .onConflict((oc) => oc.columns(['match_id', 'seq']).doNothing())
          .execute();
      }
      for (const st of batch.statuses) {
        await trx.updateTable('matches').set({ status: st.status }).where('id', '=', st.matchId).execute();
      }
    });
  }

  async putSeat(seat: SeatRecord): Promise<void> {
    await this.db.insertInto('seats')
      .values({ match_id: seat.matchId, state: seat.state, token_hash: seat.tokenHash, name: seat.name })
      .onConflict((oc) => oc.columns(['match_id', 'state']).doUpdateSet({ token_hash: seat.tokenHash, name: seat.name }))
      .execute();
  }

  async seats(matchId: string): Promise<SeatRecord[]> {
    const rows = await this.db.selectFrom('seats').selectAll().where('match_id', '=', matchId).orderBy('state').execute();
    return rows.map((r) => ({ matchId: r.match_id, state: r.state, tokenHash: r.token_hash, name: r.name }));
  }

  async match(matchId: string): Promise<MatchRecord | null> {
    const row = await this.db.selectFrom('matches').selectAll().where('id', '=', matchId).executeTakeFirst();
    return row ? toMatch(row) : null;
  }

  async matchByCode(code: string): Promise<MatchRecord | null> {
    const row = await this.db.selectFrom('matches').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toMatch(row) : null;
  }

  async unfinishedMatches(): Promise<MatchRecord[]> {
    const rows = await this.db.selectFrom('matches').selectAll().where('status', '!=', 'ended').orderBy('created_at').orderBy('id').execute();
    return rows.map(toMatch);
  }

  async latestSnapshot(matchId: string): Promise<SnapshotRecord | null> {
    const row = await this.db.selectFrom('snapshots').selectAll().where('match_id', '=', matchId)
      .orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (!row) return null;
    return { matchId: row.match_id, round: Number(row.round), seq: Number(row.seq), state: JSON.parse(row.state) as GameState };
  }

  async commandsAfter(matchId: string, afterSeq: number): Promise<CommandRecord[]> {
    const rows = await this.db.selectFrom('commands').selectAll()
      .where('match_id', '=', matchId).where('seq', '>', afterSeq).orderBy('seq').execute();
    return rows.map((r) => ({ matchId: r.match_id, seq: Number(r.seq), at: Number(r.at), envelope: JSON.parse(r.envelope) as CommandEnvelope }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }
}

function toMatch(r: Selectable<MatchesTable>): MatchRecord {
  return {
    id: r.id, code: r.code, scenarioId: r.scenario_id, settings: JSON.parse(r.settings) as MatchSettings, seed: r.seed,
    visibility: r.visibility as Visibility, status: r.status as MatchStatus, hostKeyHash: r.host_key_hash,
    logFormat: Number(r.log_format), createdAt: Number(r.created_at),
  };
}
