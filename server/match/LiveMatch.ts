import { apply } from '../../shared/index';
import type { CommandEnvelope, ControlCommand, GameEvent, GameState, Scenario, SeatCommand } from '../../shared/index';
import type { Logger } from '../log';
import type { CommitParticipant, CommitQueue } from '../store/commitQueue';
import type { MatchRecord, MatchStatus, SnapshotRecord, WriteBatch } from '../store/MatchStore';

export type SubmitResult = { ok: true; logSeq: number } | { ok: false; code: string; message: string };

/** What one successful commit changed; listeners get it after the commands are durable. */
export interface CommitInfo {
  /** First and last log sequence numbers committed (inclusive). */
  fromSeq: number;
  toSeq: number;
  /** The committed state before and after. */
  before: GameState;
  after: GameState;
  /** Engine events of the committed commands, in order. */
  events: GameEvent[];
}

interface Pending {
  seq: number;
  env: CommandEnvelope;
  state: GameState;
  events: GameEvent[];
  done: (r: SubmitResult) => void;
}

/**
 * One running match: the engine state, its command log and the commit pipeline.
 *
 * Commands are applied at once to the *head* state (so the next command is checked against it),
 * queued for the group commit, and only when the commit is durable do they become the *committed*
 * state that listeners (views, timers, bots, lobby) see, and the caller's promise resolve.
 */
export class LiveMatch implements CommitParticipant {
  private committedState: GameState;
  private committedSeq: number;
  private headState: GameState;
  private headSeq: number;
  private queued: Pending[] = [];
  private inFlight: Pending[] = [];
  private snapshotRound: number;
  private snapshotRoundBeforeDrain = 0;
  private statusBeforeDrain: MatchStatus;
  private listeners: ((c: CommitInfo) => void)[] = [];
  private closed = false;

  constructor(
    readonly record: MatchRecord,
    readonly scenario: Scenario,
    state: GameState,
    seq: number,
    /** Round of the newest snapshot (0: none). */
    snapshotRound: number,
    private readonly queue: CommitQueue,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.committedState = this.headState = state;
    this.committedSeq = this.headSeq = seq;
    this.snapshotRound = snapshotRound;
    this.statusBeforeDrain = record.status;
  }

  get id(): string {
    return this.record.id;
  }

  /** The committed state: the only one anybody is shown. */
  get state(): GameState {
    return this.committedState;
  }

  /** Log sequence number of the committed state (0: nothing yet). */
  get seq(): number {
    return this.committedSeq;
  }

  /** The state including commands not yet durable: what the next command is checked against. */
  get head(): GameState {
    return this.headState;
  }

  onCommit(fn: (c: CommitInfo) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  submitSeat(state: string, command: SeatCommand): Promise<SubmitResult> {
    return this.submit({ at: this.stamp(), actor: { role: 'seat', state }, command });
  }

  submitControl(role: 'facilitator' | 'system', command: ControlCommand): Promise<SubmitResult> {
    return this.submit({ at: this.stamp(), actor: { role }, command });
  }

  /** No more commands (server shutting down); what was accepted still commits. */
  close(): void {
    this.closed = true;
  }

  /** The server's clock, never behind the log: commands never go back in time. */
  private stamp(): number {
    return Math.max(this.now(), this.headState.now);
  }

  private submit(env: CommandEnvelope): Promise<SubmitResult> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'server/closing', message: 'The server is shutting down; try again in a moment.' });
    let r;
    try {
      r = apply(this.scenario, this.headState, env);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return Promise.resolve({ ok: false, code: 'server/engine-error', message: `The engine failed on this command: ${message}` });
    }
    if (!r.ok) return Promise.resolve({ ok: false, code: r.code, message: r.message });
    this.headState = r.state;
    this.headSeq += 1;
    const seq = this.headSeq;
    return new Promise<SubmitResult>((done) => {
      this.queued.push({ seq, env, state: r.state, events: r.events, done });
      this.queue.request(this);
    });
  }

  drain(): WriteBatch {
    const batch: WriteBatch = { commands: [], snapshots: [], statuses: [] };
    this.inFlight.push(...this.queued);
    this.queued = [];
    this.snapshotRoundBeforeDrain = this.snapshotRound;
    this.statusBeforeDrain = this.record.status;
    let snapshot: SnapshotRecord | null = null;
    for (const p of this.inFlight) {
      batch.commands.push({ matchId: this.id, seq: p.seq, at: p.env.at, envelope: p.env });
      // One snapshot per round (and one at the end) shortens recovery to at most a round of commands.
      const ended = p.state.phase === 'ended' && (snapshot?.state.phase ?? this.committedState.phase) !== 'ended';
      if (p.state.round > this.snapshotRound || ended) {
        snapshot = { matchId: this.id, round: p.state.round, seq: p.seq, state: p.state };
        this.snapshotRound = p.state.round;
      }
    }
    if (snapshot) batch.snapshots.push(snapshot);
    const last = this.inFlight[this.inFlight.length - 1];
    const status = last ? statusOf(last.state) : this.record.status;
    if (status !== this.record.status) {
      batch.statuses.push({ matchId: this.id, status });
      this.record.status = status;
    }
    return batch;
  }

  settled(error: Error | null): void {
    const done = this.inFlight;
    this.inFlight = [];
    if (done.length === 0) return;
    if (error) {
      // Everything after the last durable command is refused, including commands queued on top of it.
      const refused = [...done, ...this.queued];
      this.queued = [];
      this.headState = this.committedState;
      this.headSeq = this.committedSeq;
      this.snapshotRound = this.snapshotRoundBeforeDrain;
      this.record.status = this.statusBeforeDrain;
      for (const p of refused) p.done({ ok: false, code: 'server/storage', message: 'The server could not save this; nothing changed. Try again.' });
      return;
    }
    const before = this.committedState;
    const last = done[done.length - 1]!;
    this.committedState = last.state;
    this.committedSeq = last.seq;
    const info: CommitInfo = { fromSeq: done[0]!.seq, toSeq: last.seq, before, after: last.state, events: done.flatMap((p) => p.events) };
    // Listeners run before the callers resume, and must stay cheap: every ack of the batch waits for
    // them. The room's listener only schedules its fan-out; each ack first brings its own client's
    // view up to this state (MatchRoom), so an ack never precedes the view that shows it.
    for (const l of this.listeners) {
      try {
        l(info);
      } catch (e) {
        this.log.error({ err: e, matchId: this.id }, 'a commit listener failed');
      }
    }
    for (const p of done) p.done({ ok: true, logSeq: p.seq });
  }
}

export function statusOf(s: GameState): MatchStatus {
  if (s.phase === 'setup') return 'setup';
  return s.phase === 'ended' ? 'ended' : 'running';
}
