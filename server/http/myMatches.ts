import { Router } from 'express';
import { z } from 'zod';
import { channelMembers, treatyParties } from '../../shared/index';
import type { GameState, MyMatch } from '../../shared/index';
import type { GuessLimiter } from '../auth/guessLimiter';
import type { ExerciseService } from '../exercise/ExerciseService';
import type { MatchService } from '../match/MatchService';
import { sendError } from './errors';
import { ipOf } from './facilitatorAuth';

/** A body of at most this many seats: a browser keeps its last ten matches. */
const MAX_SEATS = 20;

const BodySchema = z.object({
  seats: z.array(z.object({
    matchId: z.string().min(1).max(64),
    token: z.string().min(16).max(128),
    /** ms since the epoch of the player's last visit to this match, to count what is new. */
    since: z.number().int().min(0).optional(),
  })).max(MAX_SEATS),
});

function waitingOn(s: GameState, me: string): string[] {
  const out: string[] = [];
  const seat = s.seats[me];
  if (s.phase === 'diplomacy') {
    const proposals = Object.values(s.treaties).filter((t) => t.status === 'proposed' && treatyParties(t.terms).includes(me) && !t.accepted.includes(me)).length;
    if (proposals) out.push(`answer ${proposals} treaty proposal${proposals === 1 ? '' : 's'}`);
    const votes = Object.values(s.votes).filter((v) => v.status === 'open' && v.voters.includes(me) && v.ballots[me] === undefined).length;
    if (votes) out.push(`cast ${votes} vote${votes === 1 ? '' : 's'}`);
    if (seat && !seat.ready) out.push('say you are ready when diplomacy is done');
  }
  if (s.phase === 'orders' && seat && !seat.ready) {
    const o = s.orders[me];
    out.push(o && (o.budget !== null || o.force.length > 0) ? 'finish your orders and say ready' : 'give your orders (budget and forces)');
  }
  if (s.phase === 'crisis') {
    const crises = s.crises.filter((c) => c.ally === me && c.choice === null).length;
    if (crises) out.push(`decide ${crises === 1 ? 'a crisis' : `${crises} crises`}: honor or abstain`);
  }
  return out;
}

/**
 * POST /api/me/matches `{ seats: [{ matchId, token, since? }] }`: for each match this browser holds a
 * seat in, where it stands and what waits on the player. Tokens travel in the body, never in a URL;
 * a token that is not a seat of a running match costs a try from the per-IP guessing budget.
 * Messages are counted from the player's own view of the match (state.messages, cut by channel).
 */
export function myMatchesRoutes(deps: { matches: MatchService; exercises: ExerciseService; guesses: GuessLimiter }): Router {
  const r = Router();
  r.post('/me/matches', (req, res) => {
    const ip = ipOf(req);
    if (deps.guesses.blocked(ip)) return sendError(res, 429, 'rate/limited', 'Too many wrong tokens from here; wait a minute.');
    const parsed = BodySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'me/invalid', `Send { seats: [{ matchId, token }] } (at most ${MAX_SEATS}).`);
    const out: MyMatch[] = parsed.data.seats.map(({ matchId, token, since }) => {
      const entry = deps.matches.get(matchId);
      if (!entry) return { matchId, status: 'gone' };
      const student = deps.exercises.gate(matchId)?.lookup(token);
      const state = entry.seats.stateForToken(token) ?? (student?.ok ? student.state : undefined);
      if (!state) {
        if (!student) deps.guesses.fail(ip);
        return { matchId, status: 'refused' };
      }
      const s = entry.live.state;
      const t = since ?? Number.MAX_SAFE_INTEGER;
      const readable = (channel: string) => {
        const members = channelMembers(s, channel);
        return members === 'all' || (members?.includes(state) ?? false);
      };
      return {
        matchId, status: s.phase === 'ended' ? 'ended' : s.phase === 'setup' ? 'setup' : 'running', state,
        scenarioName: entry.live.scenario.name, round: s.round, rounds: s.rounds, phase: s.phase, paused: s.paused, deadline: s.deadline,
        ready: s.seats[state]?.ready ?? false,
        waiting: s.phase === 'ended' || s.paused ? [] : waitingOn(s, state),
        newMessages: s.messages.filter((m) => m.at > t && m.from !== state && readable(m.channel)).length,
      };
    });
    res.set('cache-control', 'no-store').json(out);
  });
  return r;
}
