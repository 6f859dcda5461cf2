import type { WriteBatch } from './MatchStore';

/**
 * What the main thread and the SQLite writer thread (writerThread.ts) say to each other.
 * JSON is made on the main thread, where the objects are, so the thread gets only strings and
 * numbers: cheap to copy through postMessage, and nothing for it to parse.
 */

/** A WriteBatch as the writer thread gets it: one tuple per row. */
export interface EncodedBatch {
  commands: [matchId: string, seq: number, at: number, envelope: string][];
  snapshots: [matchId: string, round: number, seq: number, state: string][];
  statuses: [matchId: string, status: string][];
}

/** The thread's start-up data. */
export interface WriterData {
  /** The SQLite file (already migrated by the main connection). */
  file: string;
  busyTimeoutMs: number;
  /** WAL pages after which the writer checkpoints in its own commit (the checkpoint thread's fallback). */
  fallbackCheckpointPages: number;
}

export type WriterRequest =
  | { type: 'write'; id: number; batch: EncodedBatch }
  /** Close the connection and end the thread, after the writes already sent. */
  | { type: 'close' };

/** How the thread's connection is set up, reported once it is open (tests check durability settings). */
export interface WriterSettings {
  journalMode: string;
  /** 2 = FULL: COMMIT returns only after the WAL is fsynced. */
  synchronous: number;
  foreignKeys: number;
}

export type WriterReply =
  | ({ type: 'ready' } & WriterSettings)
  | { type: 'written'; id: number; error: { message: string; code: string | null } | null };

export function encodeBatch(b: WriteBatch): EncodedBatch {
  return {
    commands: b.commands.map((c) => [c.matchId, c.seq, c.at, JSON.stringify(c.envelope)]),
    snapshots: b.snapshots.map((s) => [s.matchId, s.round, s.seq, JSON.stringify(s.state)]),
    statuses: b.statuses.map((s) => [s.matchId, s.status]),
  };
}
