import type { CommandEnvelope, GameState, MatchSettings } from '../../shared/index';
import type { ExerciseStore } from './exerciseStore';

/**
 * The durable record of matches: one interface, a SQLite and a PostgreSQL implementation.
 * A match is its scenario + settings + seed + the ordered command log; snapshots only shorten recovery.
 */

/** Version of the command log format written by this server (see migrations.ts for how older logs are read). */
export const LOG_FORMAT = 1;

export type Visibility = 'public' | 'private';
/** setup: created, not started; running: started; ended: finished (not restored on boot). */
export type MatchStatus = 'setup' | 'running' | 'ended';

export interface MatchRecord {
  id: string;
  /** The 8-character join code. */
  code: string;
  scenarioId: string;
  settings: MatchSettings;
  seed: string;
  visibility: Visibility;
  status: MatchStatus;
  /** SHA-256 (hex) of the host key; the key itself is never stored. */
  hostKeyHash: string;
  logFormat: number;
  /** ms since the epoch. */
  createdAt: number;
}

export interface CommandRecord {
  matchId: string;
  /** 1, 2, 3, … per match, without gaps. */
  seq: number;
  /** Server time stamped on the command (ms), same as envelope.at. */
  at: number;
  envelope: CommandEnvelope;
}

export interface SeatRecord {
  matchId: string;
  /** The state (scenario id) this seat plays. */
  state: string;
  /** SHA-256 (base64url) of the seat token; the token itself is never stored. */
  tokenHash: string;
  /** The name the seat plays under. */
  name: string;
}

export interface SnapshotRecord {
  matchId: string;
  round: number;
  /** The state is the fold of commands 1..seq. */
  seq: number;
  state: GameState;
}

/** What one group commit writes, in one transaction. */
export interface WriteBatch {
  commands: CommandRecord[];
  snapshots: SnapshotRecord[];
  statuses: { matchId: string; status: MatchStatus }[];
}

export interface MatchStore {
  /** Human-readable kind for logs: 'sqlite' or 'postgres'. */
  readonly kind: string;
  /** Create or upgrade tables. Idempotent. */
  migrate(): Promise<void>;
  /** Classroom exercises (rosters, seating log) in the same database. */
  readonly exercises: ExerciseStore;
  createMatch(match: MatchRecord): Promise<void>;
  /** Commands, snapshots and status changes of any number of matches, in one transaction (one fsync). */
  write(batch: WriteBatch): Promise<void>;
  /** Insert or replace the holder of a seat. */
  putSeat(seat: SeatRecord): Promise<void>;
  seats(matchId: string): Promise<SeatRecord[]>;
  match(matchId: string): Promise<MatchRecord | null>;
  matchByCode(code: string): Promise<MatchRecord | null>;
  /** Matches not ended, oldest first. */
  unfinishedMatches(): Promise<MatchRecord[]>;
  latestSnapshot(matchId: string): Promise<SnapshotRecord | null>;
  /** Commands with seq > afterSeq, in order. */
  commandsAfter(matchId: string, afterSeq: number): Promise<CommandRecord[]>;
  close(): Promise<void>;
}
