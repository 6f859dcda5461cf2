import type { Turn } from '../engine/turn';
import { objectiveMet } from '../rules/objectives';
import type { Score } from '../state';
import { activeOf } from '../treaties/activeCache';
import { isParty } from '../treaties/queries';
import type { Scenario } from '../scenario/schema';

/** The scenario's states in the board's state order (each found once per board: the scenario never changes). */
const statesInOrder = new WeakMap<object, Array<Scenario['states'][number]>>();
function orderedStates(t: Turn): Array<Scenario['states'][number]> {
  let list = statesInOrder.get(t.board);
  if (!list) {
    list = t.stateIds.map((id) => t.board.scenario.states.find((x) => x.id === id)!);
    statesInOrder.set(t.board, list);
  }
  return list;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Scores (GAME.md §4). Status-quo states: security, prosperity, influence, peace dividends.
 * Revisionists: regions gained and influence. Both: home security and objectives.
 */
export function computeScores(t: Turn): void {
  const c = t.c;
  // Scores are all this step writes: the active treaties and the board stay as they are throughout.
  const active = activeOf(t.s.treaties);
  for (const st of orderedStates(t)) {
    const id = st.id;
    const n = t.s.nations[id]!;
    const role = st.role;
    const homes = t.board.homes.get(id) ?? [];
    let homeHeld = 0;
    for (const h of homes) if (t.s.regions[h]!.owner === id) homeHeld++;
    let held = 0;
    for (const r of t.board.regionIds) if (t.s.regions[r]!.owner === id) held++;
    let memberships = 0;
    for (const tr of active) if (isParty(tr, id)) memberships++;
    const influence = c.scoreCredibility * n.credibility + c.scoreMembership * Math.min(c.scoreMembershipCap, memberships);
    const home = homes.length ? (c.scoreHome * homeHeld) / homes.length : 0;
    let objectives = 0;
    for (const o of st.objectives) if (objectiveMet(t.s, id, o)) objectives += o.points;
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
