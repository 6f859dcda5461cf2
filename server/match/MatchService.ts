import { createMatch } from '../../shared/index';
import type { CreateMatch, GameState } from '../../shared/index';
import { hashSecret, newHostKey, newJoinCode, newMatchId, newSeed, normalizeJoinCode } from '../auth/seatTokens';
import type { Logger } from '../log';
import type { CommitQueue } from '../store/commitQueue';
import type { MatchRecord, MatchStore } from '../store/MatchStore';
import { LOG_FORMAT } from '../store/MatchStore';
import type { PresenceProbe } from './botDriver';
import { BotDriver } from './botDriver';
import { LiveMatch } from './LiveMatch';
import type { LobbyEntry } from './lobbyEntry';
import { lobbyEntry } from './lobbyEntry';
import { PhaseTimer } from './phaseTimer';
import { foldMatch } from './restore';
import type { ScenarioCatalog } from './scenarios';
import { SeatBook } from './seatBook';

/** A match the server is running, with what runs it. */
export interface MatchEntry {
  live: LiveMatch;
  seats: SeatBook;
  timer: PhaseTimer;
  bots: BotDriver;
  /** Who is connected, per seat; the room sets it while attached. */
  presence: PresenceProbe;
  /** Whether a room serves this match now. */
  roomAttached: boolean;
}

export interface MatchServiceDeps {
  store: MatchStore;
  queue: CommitQueue;
  scenarios: ScenarioCatalog;
  log: Logger;
  /** Open the Colyseus room for a match (roomId = matchId). */
  openRoom: (matchId: string) => Promise<void>;
  now?: () => number;
}

export class CreateMatchError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const NOBODY: PresenceProbe = () => false;

/** Creates, restores, finds and lists matches. Owns the live matches; rooms only serve them. */
export class MatchService {
  private entries = new Map<string, MatchEntry>();
  private codes = new Map<string, string>();
  private readonly now: () => number;

  constructor(private readonly deps: MatchServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** A new match in setup, stored, with its room open. The host key is returned once and only its hash kept. */
  async create(input: CreateMatch): Promise<{ matchId: string; code: string; hostKey: string }> {
    const scenario = this.deps.scenarios.get(input.scenario);
    if (!scenario) throw new CreateMatchError('match/unknown-scenario', `There is no scenario "${input.scenario}".`);
    const hostKey = newHostKey();
    const record: MatchRecord = {
      id: newMatchId(), code: await this.freshCode(), scenarioId: scenario.id, settings: input.settings,
      seed: input.seed ?? newSeed(), visibility: input.visibility, status: 'setup', hostKeyHash: hashSecret(hostKey),
      logFormat: LOG_FORMAT, createdAt: this.now(),
    };
    const state = createMatch(scenario, record.settings, record.seed);
    await this.deps.store.createMatch(record);
    const entry = this.track(record, state, 0, 0, new SeatBook(record.id, this.deps.store));
    entry.timer.arm();
    await this.deps.openRoom(record.id);
    this.deps.log.info({ matchId: record.id, scenario: scenario.id, visibility: record.visibility }, 'match created');
    return { matchId: record.id, code: record.code, hostKey };
  }

  /**
   * Boot: every unfinished match is folded from its newest snapshot and log, gets its room back under
   * the same id and code, and its timers resume. Deadlines that passed while the server was down fire
   * at once, oldest first.
   */
  async restoreAll(): Promise<{ restored: number; failed: number }> {
    const records = await this.deps.store.unfinishedMatches();
    const restored: MatchEntry[] = [];
    let failed = 0;
    for (const record of records) {
      const scenario = this.deps.scenarios.get(record.scenarioId);
      if (!scenario) {
        this.deps.log.error({ matchId: record.id, scenario: record.scenarioId }, 'cannot restore: scenario missing');
        failed += 1;
        continue;
      }
      try {
        const folded = await foldMatch(this.deps.store, record, scenario);
        const seats = new SeatBook(record.id, this.deps.store, await this.deps.store.seats(record.id));
        restored.push(this.track(record, folded.state, folded.seq, folded.snapshotRound, seats));
      } catch (e) {
        this.deps.log.error({ err: e, matchId: record.id }, 'cannot restore match');
        failed += 1;
      }
    }
    const byDeadline = [...restored].sort((a, b) => (a.timer.deadline() ?? Infinity) - (b.timer.deadline() ?? Infinity));
    for (const e of byDeadline) e.timer.arm();
    for (const e of restored) {
      await this.deps.openRoom(e.live.id);
      e.bots.resume();
    }
    if (records.length) this.deps.log.info({ restored: restored.length, failed }, 'matches restored');
    return { restored: restored.length, failed };
  }

  /** Matches running in this process. */
  count(): number {
    return this.entries.size;
  }

  get(matchId: string): MatchEntry | undefined {
    return this.entries.get(matchId);
  }

  byCode(code: string): MatchEntry | undefined {
    const id = this.codes.get(normalizeJoinCode(code));
    return id === undefined ? undefined : this.entries.get(id);
  }

  /** Public matches not yet ended, newest first. */
  listPublic(): LobbyEntry[] {
    return [...this.entries.values()]
      .filter((e) => e.live.record.visibility === 'public' && e.live.state.phase !== 'ended')
      .sort((a, b) => b.live.record.createdAt - a.live.record.createdAt)
      .map((e) => lobbyEntry(e.live, e.seats, e.presence));
  }

  /** A room takes the match; only one room at a time, and only for a match the server runs. */
  attachRoom(matchId: string): MatchEntry {
    const e = this.entries.get(matchId);
    if (!e) throw new CreateMatchError('match/unknown', `There is no match "${matchId}".`);
    if (e.roomAttached) throw new CreateMatchError('match/has-room', `Match "${matchId}" already has a room.`);
    e.roomAttached = true;
    return e;
  }

  /** The room is gone: a finished match is forgotten; an unfinished one keeps running (timers, bots). */
  detachRoom(matchId: string): void {
    const e = this.entries.get(matchId);
    if (!e) return;
    e.roomAttached = false;
    e.presence = NOBODY;
    if (e.live.state.phase === 'ended') this.forget(e);
  }

  /** Stop timers and bots, refuse new commands, and wait until every accepted command is durable. */
  async close(): Promise<void> {
    for (const e of this.entries.values()) {
      e.timer.stop();
      e.live.close();
    }
    await this.deps.queue.idle();
  }

  private forget(e: MatchEntry): void {
    e.timer.stop();
    this.entries.delete(e.live.id);
    this.codes.delete(e.live.record.code);
  }

  private track(record: MatchRecord, state: GameState, seq: number, snapshotRound: number, seats: SeatBook): MatchEntry {
    const scenario = this.deps.scenarios.get(record.scenarioId)!;
    const log = this.deps.log.child({ matchId: record.id });
    const live = new LiveMatch(record, scenario, state, seq, snapshotRound, this.deps.queue, log, this.now);
    const entry: MatchEntry = {
      live, seats, timer: new PhaseTimer(live, log, this.now), bots: null as unknown as BotDriver, presence: NOBODY, roomAttached: false,
    };
    entry.bots = new BotDriver(live, () => entry.presence, log);
    live.onCommit(() => {
      entry.timer.arm();
      entry.bots.consider();
    });
    this.entries.set(record.id, entry);
    this.codes.set(record.code, record.id);
    return entry;
  }

  private async freshCode(): Promise<string> {
    for (;;) {
      const code = newJoinCode();
      if (!this.codes.has(code) && !(await this.deps.store.matchByCode(code))) return code;
    }
  }
}
