import { clamp, fallGovernment } from '../engine/government';
import type { Turn } from '../engine/turn';
import { supportDelta } from '../rules/formulas';
import { guidelines } from '../treaties/queries';
import type { Battle } from './combat';
import type { EconomyOutcome } from './economy';
import type { TerritoryOutcome } from './territory';

/** Public support (GAME.md §4): domestic spending and security raise it; heavy defense, losses and sanctions lower it. */
export function resolvePublicSupport(t: Turn, battles: Battle[], territory: TerritoryOutcome, econ: EconomyOutcome, unitsBefore: Map<string, number>): void {
  const attacked = new Set(battles.map((b) => b.defender).filter((d): d is string => d !== null));
  // Nothing in this step touches treaties, so every state's guideline can be read up front.
  const guideline = guidelines(t.s.treaties);
  for (const id of t.stateIds) {
    const n = t.s.nations[id]!;
    const b = econ.budget.get(id) ?? n.budget;
    const ref = guideline.get(id) ?? Math.round(t.c.defaultGuideline * 100);
    const lost = territory.lost.get(id) ?? 0;
    const before = unitsBefore.get(id) ?? 0;
    const homes = t.board.homes.get(id) ?? [];
    const secure = !attacked.has(id) && homes.every((h) => t.s.regions[h]!.owner === id);
    const delta = supportDelta(t.c, {
      budget: b, reference: ref, lost, unitsBefore: before, regionsLost: territory.regionsLost.get(id) ?? 0,
      sanctions: econ.sanctions.get(id) ?? 0, secure,
    });
    const value = Math.round(clamp(n.publicSupport + delta, 0, 100) * 100) / 100;
    const applied = Math.round((value - n.publicSupport) * 100) / 100;
    n.publicSupport = value;
    t.emit({ kind: 'support', audience: 'all', state: id, value, delta: applied });
    if (value < t.c.fallThreshold) fallGovernment(t, id);
  }
}
