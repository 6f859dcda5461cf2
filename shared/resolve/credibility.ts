import { adjustCohesion } from '../commands/treatyCommands';
import { changeCredibility } from '../engine/government';
import type { Turn } from '../engine/turn';
import { endTreaty, leaveTreaty } from '../treaties/lifecycle';
import { activeTreaties, isParty } from '../treaties/queries';
import { MULTILATERAL_KINDS } from '../treaties/parties';
import type { Battle } from './combat';
import type { EconomyOutcome } from './economy';

/**
 * Credibility (GAME.md §4): answers to crises, attacks on treaty partners, and each pact's guideline.
 * Attacking a partner breaks the treaties between the two.
 */
export function resolveCredibility(t: Turn, battles: Battle[], econ: EconomyOutcome): void {
  for (const c of t.s.crises) {
    const choice = c.choice ?? 'abstain';
    const units = Object.values(c.committed).reduce((a, b) => a + b, 0);
    t.emit({ kind: 'crisis/decided', audience: 'all', crisis: c.id, region: c.region, ally: c.ally, defender: c.defender, choice, units });
    if (choice === 'honor') changeCredibility(t, c.ally, t.c.credHonor, 'honored an obligation');
    else changeCredibility(t, c.ally, -t.c.credAbstain, 'abstained from an obligation');
  }
  const breached = new Set<string>();
  for (const b of battles) {
    if (!b.defender) continue;
    for (const a of b.attackers) {
      const key = `${a}|${b.defender}`;
      if (breached.has(key)) continue;
      const broken = activeTreaties(t.s.treaties).filter((tr) => isParty(tr, a) && isParty(tr, b.defender!));
      if (broken.length === 0) continue;
      breached.add(key);
      changeCredibility(t, a, -t.c.credAttackPartner, 'attacked a treaty partner');
      for (const tr of broken) {
        t.emit({ kind: 'treaty/breached', audience: 'all', treaty: tr.id, state: a, victim: b.defender });
        if (MULTILATERAL_KINDS.includes(tr.terms.kind)) leaveTreaty(t, tr.id, a, true);
        else endTreaty(t, tr.id, `${a} attacked ${b.defender}`);
        // The pact that goes on without the attacker pays for the breach (zero dissolves it).
        if (tr.terms.kind === 'defense-pact') adjustCohesion(t, tr.id, -t.c.cohesionBreach, 0);
      }
    }
  }
  for (const tr of activeTreaties(t.s.treaties, 'defense-pact')) {
    if (tr.terms.kind !== 'defense-pact') continue;
    const g = Math.round(tr.terms.guideline * 100);
    for (const m of tr.terms.members) {
      const d = econ.budget.get(m)?.defense ?? 0;
      if (d >= g) changeCredibility(t, m, t.c.credAtGuideline, `met the guideline of ${tr.terms.name}`);
      else changeCredibility(t, m, -t.c.credBelowGuideline, `below the guideline of ${tr.terms.name}`);
    }
  }
}
