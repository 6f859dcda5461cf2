import type { ControlCommand } from '../../shared/index';
import type { CreateExercise, Dashboard, ExerciseAction, ExerciseConfig, ExerciseInfo, SeatingAction, StudentStatus } from '../../shared/debrief/classroom';
import { roleMayOrder } from '../../shared/debrief/classroom';
import { hashSecret, newSeatToken } from '../auth/seatTokens';
import type { Logger } from '../log';
import type { SubmitResult } from '../match/LiveMatch';
import type { MatchEntry, MatchService } from '../match/MatchService';
import type { ExerciseStore } from '../store/exerciseStore';
import { buildDashboard } from './dashboard';
import { Roster } from './roster';

/** A participant's seat, as the match room's join rules need it. */
export type ParticipantSeat =
  | { ok: true; state: string; participant: string; mayOrder: boolean }
  | { ok: false; code: string; message: string };

/** What the match room asks of an exercise when a client joins (server/rooms/joinRules.ts). */
export interface ExerciseGate {
  /** Students are seated by the facilitator: nobody takes a free seat by themselves. */
  closedSeating: true;
  /** A student's own token (presented as `seatToken`): their seat, a refusal, or undefined for a token that is not a student's. */
  lookup(token: string): ParticipantSeat | undefined;
}

/** Who a connected room client is, as far as exercises care (MatchRoom's userData). */
interface RoomClientLike {
  userData?: { who?: { participant?: string | null } };
  leave(code?: number): void;
}
export type RoomFinder = (matchId: string) => { clients: Iterable<RoomClientLike> } | undefined;

export class ExerciseError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

interface Exercise {
  matchId: string;
  config: ExerciseConfig;
  roster: Roster;
  /** Seq of the last stored action. */
  seq: number;
  /** Appends run one after another. */
  tail: Promise<unknown>;
}

export interface ExerciseDeps {
  store: ExerciseStore;
  matches: MatchService;
  log: Logger;
  /** The match room of a match, if this process has one open. */
  findRoom: RoomFinder;
  now?: () => number;
}

/** Close code for a student whose seat changed: a consented leave, so the client rejoins with its token. */
export const REASSIGNED_CLOSE = 4000;

/**
 * Classroom exercises (GAME.md §7): creation, students arriving with the code, the facilitator's
 * seating (durable, logged), the join gate for the match room, and the facilitator's dashboard.
 * The facilitator's engine commands go through the match itself (submitControl), so they are in the
 * match's command log like every other command.
 */
export class ExerciseService {
  private exercises = new Map<string, Exercise>();
  private readonly now: () => number;

  constructor(private readonly deps: ExerciseDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Boot: rosters of every unfinished exercise, folded from their logs. */
  async restore(): Promise<number> {
    const records = await this.deps.store.unfinishedExercises();
    for (const r of records) await this.load(r.matchId, r.config);
    return records.length;
  }

  /** A new exercise: a private match with its config, stored before the facilitator key is handed out. */
  async create(input: CreateExercise): Promise<{ matchId: string; code: string; hostKey: string }> {
    const created = await this.deps.matches.create({ scenario: input.scenario, settings: input.settings, visibility: 'private', seed: input.seed });
    await this.deps.store.createExercise({ matchId: created.matchId, config: input.exercise, createdAt: this.now() });
    const entry = this.deps.matches.get(created.matchId)!;
    this.exercises.set(created.matchId, this.fresh(created.matchId, input.exercise, entry));
    this.deps.log.info({ matchId: created.matchId }, 'exercise created');
    return created;
  }

  isExercise(matchId: string): boolean {
    return this.exercises.has(matchId);
  }

  /** The exercise of a match, loading it from the store if this process has not yet (e.g. an ended match). */
  async find(matchId: string): Promise<Exercise | undefined> {
    const hit = this.exercises.get(matchId);
    if (hit) return hit;
    const record = await this.deps.store.exercise(matchId);
    return record ? this.load(matchId, record.config) : undefined;
  }

  /** The room's join gate for a match, if it is an exercise. */
  gate(matchId: string): ExerciseGate | undefined {
    const ex = this.exercises.get(matchId);
    if (!ex) return undefined;
    return {
      closedSeating: true,
      lookup: (token) => {
        const p = ex.roster.byTokenHash(hashSecret(token));
        if (!p) return undefined;
        if (p.state === null) return { ok: false, code: 'join/not-seated', message: 'The facilitator has not given you a seat yet; wait on the exercise page.' };
        return { ok: true, state: p.state, participant: p.id, mayOrder: roleMayOrder(ex.config, p.role) };
      },
    };
  }

  /** The names of a state's team, for the room's public seat data ("Ada, Bo"). */
  seatLabel(matchId: string, state: string): string | undefined {
    const team = this.exercises.get(matchId)?.roster.team(state);
    return team && team.length ? team.map((p) => p.name).join(', ').slice(0, 64) : undefined;
  }

  /** What a student is told before giving a name: the exercise, and whether the facilitator sees everything. */
  info(code: string): ExerciseInfo {
    const entry = this.deps.matches.byCode(code);
    if (!entry) throw new ExerciseError(404, 'join/unknown-code', 'No exercise has that code. Check it with your facilitator.');
    const ex = this.exercises.get(entry.live.id);
    // A right code of an ordinary private match: not a guess, just not an exercise.
    if (!ex) throw new ExerciseError(404, 'exercise/none', 'That code belongs to a match, not to a class exercise.');
    const s = entry.live.state;
    return {
      matchId: ex.matchId, title: ex.config.title, scenario: entry.live.scenario.id, scenarioName: entry.live.scenario.name,
      facilitatorSeesAll: s.settings.facilitatorSeesAll, press: s.settings.press, fog: s.settings.fog, phase: s.phase, orderRoles: ex.config.orderRoles,
    };
  }

  /** A student arrives with the code and a name; their own token is returned once (only its hash is kept). */
  async arrive(code: string, name: string): Promise<{ matchId: string; participant: string; token: string }> {
    const info = this.info(code);
    const ex = this.exercises.get(info.matchId)!;
    if (info.phase === 'ended') throw new ExerciseError(409, 'join/ended', 'This exercise has ended.');
    if (ex.roster.size >= 500) throw new ExerciseError(409, 'join/full', 'This exercise has no room for more students.');
    const token = newSeatToken();
    const participant = `p${hashSecret(token).replace(/[^a-z0-9]/g, '').slice(0, 12)}`;
    await this.record(ex, { type: 'arrive', participant, name, tokenHash: hashSecret(token) });
    return { matchId: ex.matchId, participant, token };
  }

  /** A student's own page: where they sit and what they may do. */
  status(matchId: string, token: string): StudentStatus {
    const ex = this.exercises.get(matchId);
    const entry = this.deps.matches.get(matchId);
    const p = ex?.roster.byTokenHash(hashSecret(token));
    if (!ex || !entry || !p) throw new ExerciseError(401, 'exercise/unknown-token', 'This link does not belong to a student of this exercise.');
    const s = entry.live.state;
    return {
      matchId, title: ex.config.title, name: p.name, state: p.state, role: p.role, mayOrder: roleMayOrder(ex.config, p.role),
      phase: s.phase, facilitatorSeesAll: s.settings.facilitatorSeesAll,
    };
  }

  /** The facilitator seats, moves, unseats or removes a student: stored, applied, and the student's open pages rejoin. */
  async seat(matchId: string, action: SeatingAction): Promise<void> {
    const ex = this.exercises.get(matchId);
    const entry = this.deps.matches.get(matchId);
    if (!ex || !entry) throw new ExerciseError(404, 'exercise/unknown', 'There is no running exercise with that id.');
    if (entry.live.state.phase === 'ended') throw new ExerciseError(409, 'phase/ended', 'The exercise has ended.');
    const logged: ExerciseAction = action.type === 'assign' ? { type: 'assign', participant: action.participant, state: action.state, role: action.role } : action;
    await this.record(ex, logged);
    // A seat someone is given is a person's seat: bots do not fill it at the start.
    if (action.type === 'assign' && entry.live.head.seats[action.state]?.controller === 'open') {
      const r = await entry.live.submitControl('facilitator', { type: 'setSeat', state: action.state, controller: 'human' });
      if (!r.ok) this.deps.log.warn({ matchId, code: r.code }, 'could not mark an assigned seat human');
    }
    this.disconnect(matchId, action.participant);
  }

  /** An engine control command from the facilitator, in the match's log. */
  control(matchId: string, command: ControlCommand): Promise<SubmitResult> {
    const entry = this.deps.matches.get(matchId);
    if (!entry) return Promise.resolve({ ok: false, code: 'match/not-running', message: 'This match is not running on this server.' });
    return entry.live.submitControl('facilitator', command);
  }

  /** Log that the key was re-issued (the CLI calls this through the store; a running server notices on its next check). */
  async noteKeyReissued(matchId: string): Promise<void> {
    const ex = await this.find(matchId);
    if (ex) await this.record(ex, { type: 'keyReissued' });
  }

  dashboard(matchId: string, code: string): Dashboard {
    const ex = this.exercises.get(matchId);
    const entry = this.deps.matches.get(matchId);
    if (!ex || !entry) throw new ExerciseError(404, 'exercise/unknown', 'There is no running exercise with that id.');
    return buildDashboard({ entry, config: ex.config, roster: ex.roster, code, connected: this.connected(matchId), now: this.now() });
  }

  /** Students with the match page open now. */
  connected(matchId: string): Set<string> {
    const out = new Set<string>();
    const room = this.deps.findRoom(matchId);
    if (!room) return out;
    for (const c of room.clients) {
      const p = c.userData?.who?.participant;
      if (p) out.add(p);
    }
    return out;
  }

  /** Close a student's open match pages; they come back through the join rules with their token (new seat, or refused). */
  private disconnect(matchId: string, participant: string): void {
    const room = this.deps.findRoom(matchId);
    if (!room) return;
    for (const c of [...room.clients]) {
      if (c.userData?.who?.participant === participant) {
        try {
          c.leave(REASSIGNED_CLOSE);
        } catch (e) {
          this.deps.log.warn({ err: e, matchId }, 'could not close a reassigned student');
        }
      }
    }
  }

  private fresh(matchId: string, config: ExerciseConfig, entry: MatchEntry | undefined): Exercise {
    const stateIds = entry ? entry.live.scenario.states.map((s) => s.id) : [];
    return { matchId, config, roster: new Roster(stateIds), seq: 0, tail: Promise.resolve() };
  }

  private async load(matchId: string, config: ExerciseConfig): Promise<Exercise> {
    const ex = this.fresh(matchId, config, this.deps.matches.get(matchId));
    for (const a of await this.deps.store.actions(matchId)) {
      ex.roster.apply(a.action, a.at);
      ex.seq = a.seq;
    }
    this.exercises.set(matchId, ex);
    return ex;
  }

  /** Check, store durably, then apply: one at a time per exercise. */
  private record(ex: Exercise, action: ExerciseAction): Promise<void> {
    const run = async (): Promise<void> => {
      const check = ex.roster.check(action);
      if (!check.ok) throw new ExerciseError(400, check.code, check.message);
      const at = this.now();
      try {
        await this.deps.store.appendAction({ matchId: ex.matchId, seq: ex.seq + 1, at, action });
      } catch (e) {
        // Another writer (the facilitator-key command line) may have appended: catch up once, then retry.
        const missed = (await this.deps.store.actions(ex.matchId)).filter((a) => a.seq > ex.seq);
        if (missed.length === 0) throw e;
        for (const a of missed) {
          ex.roster.apply(a.action, a.at);
          ex.seq = a.seq;
        }
        await this.deps.store.appendAction({ matchId: ex.matchId, seq: ex.seq + 1, at, action });
      }
      ex.seq += 1;
      ex.roster.apply(action, at);
    };
    const next = ex.tail.then(run, run);
    ex.tail = next.catch(() => undefined);
    return next;
  }
}
