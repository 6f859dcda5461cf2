import type { Budget } from '../budget';
import { supportDelta } from '../rules/formulas';
import type { BotContext } from './context';
import { targets } from './forces';
import type { ForcePlan } from './security';
import { planForces } from './security';

/** Highest defense share any bot asks for: beyond it defense drag and public anger outweigh what it buys. */
export const MAX_DEFENSE = 45;

/** Units an attacker would still need to take its most tempting target next round (opportunists and revisionists). */
export function offenseNeed(ctx: BotContext): number {
  if (ctx.doctrine !== 'opportunist' && ctx.role !== 'revisionist') return 0;
  let best = 0;
  for (const t of targets(ctx)) {
    if (t.value <= 0 || t.owner === null) continue;
    const need = Math.ceil((ctx.traits.attackMargin * t.expected * 1.15 - t.strength) / ctx.tech);
    if (need > 0 && need <= 6) best = best === 0 ? need : Math.min(best, need);
  }
  return best;
}

/**
 * The budget (GAME.md §4): defense pays for the units the state's own security calculus asks for (and, for
 * attackers, the few more a capture needs); the doctrine then keeps it at or under its pacts' guideline; domestic
 * spending keeps public support healthy; the rest is invested.
 */
export function planBudget(ctx: BotContext, plan: ForcePlan = planForces(ctx, maxRecruits(ctx))): Budget {
  const c = ctx.c;
  const units = ctx.totalUnits;
  const add = Math.max(plan.add, offenseNeed(ctx));
  const spend = add > 0 ? units * c.upkeep + add * c.unitCost : Math.max(0, units - plan.drop) * c.upkeep;
  let defense = ctx.output > 0 ? Math.ceil((100 * spend) / ctx.output) : 0;
  const g = ctx.guideline;
  if (g !== null && ctx.traits.guideline === 'meet') defense = Math.max(defense, g);
  if (g !== null && ctx.traits.guideline === 'under') defense = Math.min(defense, Math.max(0, g - ctx.traits.underBy));
  defense = Math.min(defense, MAX_DEFENSE, ctx.v.own?.defenseCap ?? 100);
  defense = Math.max(0, defense);
  // Domestic spending: the least that keeps support near a comfortable level (a falling government costs credibility).
  const support = ctx.v.nations[ctx.me]!.publicSupport;
  const reference = g ?? Math.round(c.defaultGuideline * 100);
  const goal = support >= 60 ? -3 : support >= 50 ? -1 : support >= 40 ? 1 : 4;
  let domestic = 20;
  while (domestic < 100 - defense && supportAt(c, { defense, domestic, investment: 100 - defense - domestic }, reference, units) < goal) domestic++;
  return { defense, domestic, investment: 100 - defense - domestic };
}

/** The change in public support this budget brings in a quiet round. */
function supportAt(c: BotContext['c'], budget: Budget, reference: number, units: number): number {
  return supportDelta(c, { budget, reference, lost: 0, unitsBefore: units, regionsLost: 0, sanctions: 0, secure: true });
}

/** Most units a year's output could raise after upkeep, at the highest defense share a bot asks for. */
export function maxRecruits(ctx: BotContext): number {
  const spend = (ctx.output * MAX_DEFENSE) / 100 - ctx.totalUnits * ctx.c.upkeep;
  return Math.max(0, Math.floor(spend / Math.max(1, ctx.c.unitCost)));
}
