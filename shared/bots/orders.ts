import type { SeatCommand } from '../commands';
import { isParty } from '../treaties/queries';
import { maxRecruits, planBudget } from './budget';
import type { BotContext } from './context';
import { OrderBook, planAttacks, planDefense, planExercises } from './forces';
import { planForces } from './security';

/** Aid: a state at least twice as rich as a partner it protects, attacked last round, sends it a tenth of a year's spending. */
function aid(ctx: BotContext): SeatCommand[] {
  if (ctx.doctrine !== 'guardian') return [];
  const hit = new Set<string>();
  for (const e of ctx.v.lastReport) if (e.kind === 'combat' && e.defender && e.taken) hit.add(e.defender);
  const to = ctx.protects.filter((s) => hit.has(s) && (ctx.v.nations[s]?.output ?? 0) * 2 <= ctx.output).sort()[0];
  if (!to) return [];
  const amount = Math.floor(ctx.output * 0.05);
  return amount > 0 ? [{ type: 'aid', to, amount }] : [];
}

/** Sanctions coalitions: enforce or not, by doctrine, whenever that differs from the choice in force. */
function sanctions(ctx: BotContext): SeatCommand[] {
  const out: SeatCommand[] = [];
  for (const t of ctx.activeList.filter((t) => t.terms.kind === 'sanctions')) {
    if (!isParty(t, ctx.me)) continue;
    const current = ctx.v.own?.orders.sanctions[t.id] ?? ctx.v.treaties[t.id]?.enforcing[ctx.me] ?? true;
    if (current !== ctx.traits.enforcesSanctions) out.push({ type: 'sanctionsVote', treaty: t.id, enforce: ctx.traits.enforcesSanctions });
  }
  return out;
}

/**
 * Orders (GAME.md §3.3): budget, force orders read from the deterrence index, aid and sanctions votes, then ready.
 * Orders a seat already holds (a person's, before a bot took the seat over) are cleared first.
 */
export function decideOrders(ctx: BotContext): SeatCommand[] {
  if (ctx.v.seats[ctx.me]?.ready) return [];
  const out: SeatCommand[] = [];
  const held = [...new Set((ctx.v.own?.orders.force ?? []).map((o) => o.from))].sort();
  for (const from of held) if (ctx.units(ctx.me, from) > 0) out.push({ type: 'hold', from });
  const plan = planForces(ctx, maxRecruits(ctx));
  const budget = planBudget(ctx, plan);
  const inForce = ctx.v.own?.orders.budget ?? ctx.v.own?.budget;
  // The budget in force stays when none is sent (GAME.md §3.3): send one only when it changes.
  if (!inForce || inForce.defense !== budget.defense || inForce.domestic !== budget.domestic) out.push({ type: 'setBudget', budget });
  const book = new OrderBook(ctx);
  planAttacks(ctx, book);
  planDefense(ctx, book, plan.atRisk);
  planExercises(ctx, book);
  for (const order of book.orders) out.push({ type: 'order', order });
  out.push(...aid(ctx), ...sanctions(ctx));
  out.push({ type: 'ready', ready: true });
  return out;
}
