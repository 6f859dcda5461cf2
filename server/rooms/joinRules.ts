import { JoinOptionsSchema } from '../../shared/index';
import type { GameState, Scenario } from '../../shared/index';
import { hashSecret, normalizeJoinCode, secretMatches } from '../auth/seatTokens';
import type { MatchRecord } from '../store/MatchStore';
import type { SeatBook } from '../match/seatBook';
import type { ExerciseGate } from '../exercise/ExerciseService';
import { KeyedBuckets } from '../net/keyedBuckets';

/** Who a client is in a match room. */
export interface ClientRole {
  role: 'seat' | 'spectator' | 'facilitator';
  /** The seat's state (role 'seat'). */
  state: string | null;
  /** Holds the host key: may send control commands. */
  host: boolean;
  /** A free seat to take on join (with this name), or null when the client brought its seat token. */
  claim: { state: string; name: string } | null;
  /** The seat token the client presented (echoed back in `seat`). */
  seatToken: string | null;
  /** Classroom exercises: the student this client is (their own token), and whether their role may give orders. */
  participant?: string | null;
  mayOrder?: boolean;
}

export type JoinDecision = { ok: true; who: ClientRole } | { ok: false; code: string; message: string; guess: boolean };

interface JoinContext {
  record: MatchRecord;
  scenario: Scenario;
  state: GameState;
  seats: SeatBook;
  /** Set when the match is a classroom exercise: students join with their own tokens, seated by the facilitator. */
  exercise?: ExerciseGate;
}

const refuse = (code: string, message: string, guess = false): JoinDecision => ({ ok: false, code, message, guess });

/**
 * The rules for entering a match room (server/PROTOCOL.md "Rooms"). Pure but for the seat book it reads.
 * `guess` marks refusals that cost a try from the per-IP guessing budget (wrong codes, keys, tokens).
 */
export function decideJoin(options: unknown, ctx: JoinContext): JoinDecision {
  const parsed = JoinOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) return refuse('join/invalid-options', `Join options are not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  const o = parsed.data;
  let host = false;
  if (o.facilitatorKey !== undefined) {
    if (!secretMatches(o.facilitatorKey, ctx.record.hostKeyHash)) return refuse('join/wrong-key', 'That host key is not valid for this match.', true);
    host = true;
  }
  const codeOk = host || ctx.record.visibility === 'public' ||
    (o.code !== undefined && normalizeJoinCode(o.code) === ctx.record.code);

  if (o.seatToken !== undefined) {
    const state = ctx.seats.stateForToken(o.seatToken);
    const student = state === undefined ? ctx.exercise?.lookup(o.seatToken) : undefined;
    if (student && !student.ok) return refuse(student.code, student.message);
    if (student?.ok) return { ok: true, who: { role: 'seat', state: student.state, host, claim: null, seatToken: o.seatToken, participant: student.participant, mayOrder: student.mayOrder } };
    if (state === undefined) return refuse('join/unknown-token', 'That seat token does not belong to a seat of this match.', true);
    return { ok: true, who: { role: 'seat', state, host, claim: null, seatToken: o.seatToken } };
  }

  if (o.name !== undefined || o.state !== undefined) {
    if (!codeOk) return refuse('join/wrong-code', 'This match is private: the join code is wrong or missing.', true);
    if (ctx.state.phase === 'ended') return refuse('join/ended', 'This match has ended.');
    if (ctx.exercise && !host) return refuse('join/exercise', 'This is a class exercise: enter your name on the exercise page and your facilitator will seat you.');
    let state = o.state;
    if (state !== undefined) {
      if (!ctx.scenario.states.some((s) => s.id === state)) return refuse('join/unknown-state', `There is no state "${state}" in this match.`);
      if (!ctx.seats.isFree(state)) return refuse('join/seat-taken', 'That seat is taken; ask its team for their link, or choose another.');
    } else {
      state = firstFreeSeat(ctx);
      if (state === undefined) return refuse('join/full', 'Every seat of this match is taken.');
    }
    const name = o.name ?? ctx.scenario.states.find((s) => s.id === state)!.name;
    return { ok: true, who: { role: 'seat', state, host, claim: { state, name }, seatToken: null } };
  }

  if (o.spectator && !host) {
    if (!codeOk) return refuse('join/wrong-code', 'This match is private: the join code is wrong or missing.', true);
    if (!ctx.state.settings.spectators) return refuse('join/no-spectators', 'This match does not allow spectators.');
    return { ok: true, who: { role: 'spectator', state: null, host: false, claim: null, seatToken: null } };
  }

  if (host) return { ok: true, who: { role: 'facilitator', state: null, host: true, claim: null, seatToken: null } };
  return refuse('join/invalid-options', 'Say how to join: name (take a seat), seatToken (take yours back), spectator, or facilitatorKey.');
}

/** Seats nobody holds: open ones first (in scenario order), then ones a bot plays for now. */
function firstFreeSeat(ctx: JoinContext): string | undefined {
  const free = ctx.scenario.states.map((s) => s.id).filter((id) => ctx.seats.isFree(id));
  return free.find((id) => ctx.state.seats[id]?.controller === 'open') ?? free[0];
}

/**
 * Rejoins with one seat token, in the style of the guessing limit (server/auth/guessLimiter.ts) but
 * for right tokens: each join with a token costs one of `burst` tries, one comes back every
 * 1/`perSecond` s. A join sends a full view and may log a command; a token in a reload loop (or
 * shared too widely) would otherwise have the server do that as fast as it can ask. A team of a few
 * people, reloads and drops stay well inside it. Keyed by the token's hash: no secret is kept here.
 */
export class RejoinLimiter {
  private readonly buckets: KeyedBuckets;

  constructor(
    /** Joins with one token allowed in a burst. */
    burst = 20,
    /** Joins regained per second. */
    perSecond = 0.5,
    now: () => number = Date.now,
  ) {
    this.buckets = new KeyedBuckets(burst, perSecond, now);
  }

  /** Spend one join for this token; false when it has none left. */
  take(token: string): boolean {
    return this.buckets.take(hashSecret(token));
  }
}
