import type { GameEvent } from '../events';
import type { MatchSettings } from '../settings';
import type { GameState, RoundStats, Score } from '../state';
import { treatyParties } from '../treaties/terms';
import type { Moment } from './moments';
import { momentsOf } from './moments';

/**
 * What the debrief page shows (GAME.md §9), cut for whoever asks: from a match export (after the
 * end, or for a facilitator who sees everything) or from the server's debrief route (live, for the
 * facilitator). Plain JSON.
 */

/** One round of RoundStats, with units hidden (null) where fog keeps them secret from the reader. */
export type DebriefRound = Omit<RoundStats, 'nations'> & {
  nations: Record<string, Omit<RoundStats['nations'][string], 'units'> & { units: number | null }>;
};

export interface DebriefTreaty {
  kind: string;
  /** Pacts and forums have names. */
  name: string | null;
  parties: string[];
  status: string;
}

export interface DebriefData {
  matchId: string;
  scenarioId: string;
  settings: MatchSettings;
  round: number;
  rounds: number;
  phase: string;
  ended: boolean;
  history: DebriefRound[];
  moments: Moment[];
  /** Every public treaty (signed at some point), for names in the timeline and the network. */
  treaties: Record<string, DebriefTreaty>;
  scores: Record<string, Score>;
  winners: string[];
}

/** Treaties anyone may know of: every one that was ever accepted (proposals stay with their parties). */
export function publicTreaties(s: GameState): Record<string, DebriefTreaty> {
  const out: Record<string, DebriefTreaty> = {};
  for (const [id, t] of Object.entries(s.treaties)) {
    if (t.status === 'proposed') continue;
    out[id] = {
      kind: t.terms.kind,
      name: t.terms.kind === 'defense-pact' || t.terms.kind === 'forum' ? t.terms.name : null,
      parties: treatyParties(t.terms),
      status: t.status,
    };
  }
  return out;
}

/** History as the reader may see it: under fog, units are nobody's business but their owners' until the end. */
export function cutHistory(history: readonly RoundStats[], hideUnits: boolean): DebriefRound[] {
  return history.map((h) => ({
    ...h,
    nations: Object.fromEntries(Object.entries(h.nations).map(([id, n]) => [id, { ...n, units: hideUnits ? null : n.units }])),
  }));
}

/** The debrief of a match from its state and every event of its log, in order. */
export function debriefOf(matchId: string, s: GameState, events: readonly GameEvent[], opts: { hideUnits: boolean }): DebriefData {
  return {
    matchId, scenarioId: s.scenarioId, settings: s.settings, round: s.round, rounds: s.rounds, phase: s.phase, ended: s.phase === 'ended',
    history: cutHistory(s.history, opts.hideUnits),
    moments: momentsOf(events),
    treaties: publicTreaties(s),
    scores: s.scores,
    winners: s.winners,
  };
}
