import { adjustCohesion } from '../commands/treatyCommands';
import type { Turn } from '../engine/turn';
import { endTreaty } from '../treaties/lifecycle';
import { activeTreaties } from '../treaties/queries';
import { pairKey } from '../pairKey';
import type { EconomyOutcome } from './economy';

/**
 * Burden unfairness of a pact: Σ_m max(0, guideline − d_m)·E_m / Σ_m E_m (GAME.md §4), as a share of output.
 */
export function burdenUnfairness(guideline: number, members: Array<{ defense: number; output: number }>): number {
  const total = members.reduce((a, m) => a + m.output, 0);
  if (total <= 0) return 0;
  return members.reduce((a, m) => a + Math.max(0, guideline - m.defense) * m.output, 0) / total;
}

/** Cohesion per defense pact: unfairness, abstentions, honored crises, joint exercises; strain and dissolution. */
export function resolveCohesion(t: Turn, econ: EconomyOutcome, exercised: Set<string>): void {
  for (const tr of activeTreaties(t.s.treaties, 'defense-pact')) {
    if (tr.terms.kind !== 'defense-pact') continue;
    const live = t.s.treaties[tr.id]!;
    const members = tr.terms.members;
    const unfair = burdenUnfairness(tr.terms.guideline, members.map((m) => ({
      defense: (econ.budget.get(m)?.defense ?? 0) / 100, output: t.s.nations[m]!.output,
    })));
    const crises = t.s.crises.filter((c) => c.treatyId === tr.id);
    const honors = crises.filter((c) => c.choice === 'honor').length;
    const abstains = crises.filter((c) => c.choice !== 'honor').length;
    let drills = 0;
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) if (exercised.has(pairKey(members[i]!, members[j]!))) drills++;
    const delta = -t.c.cohesionUnfairness * unfair * 100 - t.c.cohesionAbstain * abstains + t.c.cohesionHonor * honors + t.c.cohesionExercise * drills;
    adjustCohesion(t, tr.id, delta, Math.round(unfair * 10000) / 10000);
    const k = live.cohesion ?? 0;
    if (k <= 0) {
      endTreaty(t, tr.id, 'cohesion collapsed');
      continue;
    }
    const strained = k < t.c.strainThreshold;
    if (strained && !live.strained) t.emit({ kind: 'alliance/strain', audience: 'all', treaty: tr.id, cohesion: k });
    live.strained = strained;
  }
}
