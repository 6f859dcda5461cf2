import { isAdjacent } from '../board';
import type { SeatCommand } from '../commands';
import type { BotContext } from './context';

type Crisis = BotContext['v']['crises'][number];

/**
 * Stacks this state could commit to a crisis, as the engine counts and orders them (GAME.md §3.4; rules/crisisRules):
 * its stacks in the region's theater or next to it, less units ordered to move or attack and units committed to other
 * crises, nearest first.
 */
export function eligibleStacks(ctx: BotContext, crisis: Crisis, committed: Map<string, number>): Array<{ region: string; units: number }> {
  const theater = ctx.b.theaterOf.get(crisis.region);
  const away = new Map<string, number>();
  for (const o of ctx.v.own?.orders.force ?? []) {
    if (o.kind === 'move' || o.kind === 'attack') away.set(o.from, (away.get(o.from) ?? 0) + o.units);
  }
  const tier = (r: string): number => (r === crisis.region ? 0 : isAdjacent(ctx.b, r, crisis.region) ? 1 : 2);
  const out: Array<{ region: string; units: number }> = [];
  for (const r of ctx.b.regionIds) {
    if (r !== crisis.region && ctx.b.theaterOf.get(r) !== theater && !isAdjacent(ctx.b, r, crisis.region)) continue;
    const free = ctx.units(ctx.me, r) - (away.get(r) ?? 0) - (committed.get(r) ?? 0);
    if (free > 0) out.push({ region: r, units: free });
  }
  return out.sort((x, y) => tier(x.region) - tier(y.region) || y.units - x.units || (x.region < y.region ? -1 : 1));
}

/** Units the defense needs from this ally to hold, by what it can see: the attack against the defender's own forces there. */
function unitsNeeded(ctx: BotContext, crisis: Crisis): number {
  const attackTech = crisis.attackers.reduce((a, s) => Math.max(a, ctx.techOf(s)), 1);
  const attack = crisis.attackUnits * attackTech;
  const local = ctx.units(crisis.defender, crisis.region) * ctx.techOf(crisis.defender) * (ctx.isHomeOf(crisis.defender, crisis.region) ? ctx.c.homeBonus : 1);
  const per = ctx.tech * ctx.interop(crisis.defender, ctx.me);
  return Math.max(1, Math.ceil((attack * 1.2 - local) / Math.max(0.1, per)));
}

/**
 * One answer per open crisis addressed to this seat. Guardians honor with what the defense needs; free riders and
 * hedgers send a token force only when their standing is low; opportunists abstain. Without eligible units, abstain.
 */
export function decideCrises(ctx: BotContext): SeatCommand[] {
  const out: SeatCommand[] = [];
  const committed = new Map<string, number>();
  for (const c of ctx.v.crises) {
    if (c.ally !== ctx.me || c.choice === null) continue;
    for (const [r, n] of Object.entries(c.committed)) committed.set(r, (committed.get(r) ?? 0) + n);
  }
  for (const c of [...ctx.v.crises].sort((a, z) => (a.id < z.id ? -1 : 1))) {
    if (c.ally !== ctx.me || c.choice !== null) continue;
    const stacks = eligibleStacks(ctx, c, committed);
    const free = stacks.reduce((a, x) => a + x.units, 0);
    let units = 0;
    switch (ctx.traits.crisis) {
      case 'honor':
        units = Math.min(free, unitsNeeded(ctx, c) + 1);
        break;
      case 'token':
        units = ctx.credibility < 50 ? Math.min(free, 1) : 0;
        break;
      case 'abstain':
        units = 0;
        break;
    }
    if (units >= 1) {
      out.push({ type: 'crisisChoice', crisis: c.id, choice: 'honor', units });
      // The engine takes committed units nearest first: count them the same way, so the next answer stays legal.
      let left = units;
      for (const st of stacks) {
        if (left <= 0) break;
        const take = Math.min(st.units, left);
        committed.set(st.region, (committed.get(st.region) ?? 0) + take);
        left -= take;
      }
    } else {
      out.push({ type: 'crisisChoice', crisis: c.id, choice: 'abstain', units: 0 });
    }
  }
  return out;
}
