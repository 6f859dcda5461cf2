import type { Turn } from '../engine/turn';
import { objectiveMet } from '../rules/objectives';
import type { Score } from '../state';
import { activeTreaties, isParty } from '../treaties/queries';

/** Which of a state's objectives are met now. */
export function objectivesMet(t: Turn, state: string): Record<string, boolean> {
  const st = t.board.scenario.states.find((x) => x.id === state);
  return Object.fromEntries((st?.objectives ?? []).map((o) => [o.id, objectiveMet(t.s, state, o)]));
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Scores (GAME.md §4). Status-quo states: security, prosperity, influence, peace dividends.
 * Revisionists: regions gained and influence. Both: home security and objectives.
 */
export function computeScores(t: Turn): void {
  const c = t.c;
  for (const id of t.stateIds) {
    const n = t.s.nations[id]!;
    const role = t.board.scenario.states.find((x) => x.id === id)?.role ?? 'status-quo';
    const homes = t.board.homes.get(id) ?? [];
    const homeHeld = homes.filter((h) => t.s.regions[h]!.owner === id).length;
    const held = t.board.regionIds.filter((r) => t.s.regions[r]!.owner === id).length;
    const memberships = activeTreaties(t.s.treaties).filter((tr) => isParty(tr, id)).length;
    const influence = c.scoreCredibility * n.credibility + c.scoreMembership * Math.min(c.scoreMembershipCap, memberships);
    const home = homes.length ? (c.scoreHome * homeHeld) / homes.length : 0;
    const st = t.board.scenario.states.find((x) => x.id === id);
    const met = objectivesMet(t, id);
    const objectives = (st?.objectives ?? []).reduce((a, o) => a + (met[o.id] ? o.points : 0), 0);
    let score: Score;
    if (role === 'status-quo') {
      const regions = n.startRegions ? c.scoreRegions * Math.min(1, held / n.startRegions) : 0;
      const prosperity = (c.scoreProsperity * n.output) / n.startOutput;
      score = { security: r1(home + regions), prosperity: r1(prosperity), influence: r1(influence), regionsGained: 0, objectives, peace: r1(n.peaceDividends), total: 0 };
    } else {
      const gained = c.scoreRegionGained * Math.max(0, held - n.startRegions);
      score = { security: r1(home), prosperity: 0, influence: r1(influence), regionsGained: r1(gained), objectives, peace: 0, total: 0 };
    }
    score.total = r1(score.security + score.prosperity + score.influence + score.regionsGained + score.objectives + score.peace);
    t.s.scores[id] = score;
  }
  t.emit({ kind: 'scores', audience: 'all', scores: Object.fromEntries(Object.entries(t.s.scores).map(([k, v]) => [k, v.total])) });
}

/** A round without war pays every status-quo state its peace dividend. */
export function payPeaceDividend(t: Turn, war: boolean): void {
  if (war) return;
  const sq = t.board.scenario.states.filter((s) => s.role === 'status-quo').map((s) => s.id).sort();
  for (const id of sq) t.s.nations[id]!.peaceDividends += t.c.peaceDividend;
  if (sq.length) t.emit({ kind: 'peace/dividend', audience: 'all', states: sq, points: t.c.peaceDividend });
}
