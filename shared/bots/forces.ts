import type { ForceOrder } from '../orders';
import { checkForceOrder, mayStation } from '../rules/forceOrders';
import { isParty } from '../treaties/queries';
import type { BotContext } from './context';
import type { AtRisk } from './security';
import { expectedLoss, regionsAtRisk, unitWeight } from './security';

/** A region this state could strike, as it reads the board before ordering. */
export interface Target {
  region: string;
  owner: string | null;
  /** What the owner can expect to defend with (own + allies weighted by credibility): the deterrence index's numerator. */
  expected: number;
  /** Attack strength this state could bring from its neighbouring stacks, keeping garrisons. */
  strength: number;
  /** Expected defense per unit of strength this state could bring: the deterrence index against this attacker. */
  index: number;
  /** Points the capture is worth to this state. */
  value: number;
  /** Stacks that would attack, with how many units each may spare. */
  from: Array<{ region: string; units: number }>;
}

/** Units a stack keeps home when it attacks: enough to face most of the strongest hostile neighbour. */
export function garrison(ctx: BotContext, region: string, except: string | null): number {
  if (ctx.ownerOf(region) !== ctx.me) return 0;
  const threat = ctx.threatsTo(region).filter((t) => t.state !== except).reduce((a, t) => Math.max(a, t.strength * ctx.hostility(t.state)), 0);
  if (threat === 0) return 0;
  const per = ctx.tech * (ctx.isHomeOf(ctx.me, region) ? ctx.c.homeBonus : 1);
  return Math.ceil((0.7 * threat) / per);
}

/** Points a capture is worth: regions gained and objectives for revisionists; a lost homeland or an objective for anyone. */
function captureValue(ctx: BotContext, region: string): number {
  const c = ctx.c;
  let value = 0;
  for (const o of ctx.v.own?.objectives ?? []) if (o.kind === 'hold-region' && o.region === region && !o.met) value += o.points;
  const meta = ctx.b.region.get(region)!;
  const homes = ctx.b.homes.get(ctx.me) ?? [];
  if (meta.owner === ctx.me) value += (meta.home ? c.scoreHome / Math.max(1, homes.length) : 0) + c.scoreRegions / Math.max(1, ctx.b.scenario.regions.filter((r) => r.owner === ctx.me).length);
  else if (ctx.role === 'revisionist') value += c.scoreRegionGained;
  value += (c.scoreProsperity * meta.output) / ctx.startOutput;
  return value;
}

/** Every region this state could attack this round, weakest-deterred first. */
export function targets(ctx: BotContext): Target[] {
  const out: Target[] = [];
  const partners = new Set<string>();
  for (const t of ctx.activeList) if (isParty(t, ctx.me)) for (const s of ctx.b.stateIds) if (s !== ctx.me && isParty(t, s)) partners.add(s);
  const seen = new Set<string>();
  for (const from of ctx.b.regionIds) {
    if (ctx.units(ctx.me, from) === 0) continue;
    for (const r of ctx.b.adjacent.get(from) ?? []) if (!seen.has(r)) seen.add(r);
  }
  for (const region of [...seen].sort()) {
    const owner = ctx.ownerOf(region);
    if (owner === ctx.me) continue;
    // Attacking a treaty partner breaks every treaty with it and costs very large credibility: no bot does it.
    if (owner !== null && partners.has(owner)) continue;
    let expected: number;
    if (owner === null) {
      expected = 0;
      for (const [s, n] of Object.entries(ctx.v.regions[region]?.units ?? {})) if (s !== ctx.me) expected += n * ctx.techOf(s);
    } else {
      expected = ctx.deterrence(region)?.expectedDefense ?? 0;
    }
    const from: Target['from'] = [];
    let strength = 0;
    for (const r of ctx.b.adjacent.get(region) ?? []) {
      const spare = ctx.units(ctx.me, r) - garrison(ctx, r, owner);
      if (spare <= 0) continue;
      from.push({ region: r, units: spare });
      strength += spare * ctx.tech;
    }
    if (strength === 0) continue;
    from.sort((a, z) => z.units - a.units || (a.region < z.region ? -1 : 1));
    out.push({ region, owner, expected, strength, index: expected / strength, value: captureValue(ctx, region), from });
  }
  return out.sort((a, z) => a.index - z.index || z.value - a.value || (a.region < z.region ? -1 : 1));
}

/** Whether this doctrine wants the capture at all: revisionists want land; anyone wants its homeland back; opportunists take what they can. */
function wants(ctx: BotContext, t: Target): boolean {
  if (ctx.doctrine === 'opportunist') return true;
  if (ctx.role === 'revisionist') return true;
  return ctx.b.region.get(t.region)?.owner === ctx.me || (ctx.v.own?.objectives ?? []).some((o) => o.kind === 'hold-region' && o.region === t.region);
}

/** Orders a seat plans: checked one by one against the engine's own rule as they are added. */
export class OrderBook {
  readonly orders: ForceOrder[] = [];
  constructor(private readonly ctx: BotContext) {}

  used(from: string): number {
    return this.orders.filter((o) => o.from === from).reduce((a, o) => a + o.units, 0);
  }

  free(from: string): number {
    return this.ctx.units(this.ctx.me, from) - this.used(from);
  }

  add(order: ForceOrder): boolean {
    if (order.units < 1) return false;
    if (checkForceOrder(this.ctx.b, this.ctx.det, this.ctx.me, order, this.orders) !== null) return false;
    this.orders.push(order);
    return true;
  }
}

/** Strike the weakest-deterred regions this state can take, within its doctrine's margin. */
export function planAttacks(ctx: BotContext, book: OrderBook): string[] {
  const struck: string[] = [];
  for (const t of targets(ctx)) {
    if (struck.length >= ctx.traits.maxAttacks) break;
    if (!wants(ctx, t) || t.value <= 0) continue;
    const avail = t.from.reduce((a, f) => a + Math.min(f.units, book.free(f.region)), 0) * ctx.tech;
    if (avail === 0 || avail < ctx.traits.attackMargin * t.expected) continue;
    // Bring what the margin asks and a little more, never less than two units against a defended region.
    const wanted = t.expected === 0 ? 1 : Math.max(2, Math.ceil((ctx.traits.attackMargin * t.expected * 1.15) / ctx.tech));
    let left = Math.min(wanted, Math.floor(avail / ctx.tech));
    const sent: string[] = [];
    for (const f of t.from) {
      if (left <= 0) break;
      const n = Math.min(left, f.units, book.free(f.region));
      if (n > 0 && book.add({ kind: 'attack', from: f.region, to: t.region, units: n })) {
        left -= n;
        sent.push(f.region);
      }
    }
    if (sent.length) struck.push(t.region);
  }
  return struck;
}

/** Shortest paths over regions this state may stand in, from each of its stacks. */
function nextStep(ctx: BotContext, from: string, goal: string): string | null {
  if (from === goal) return null;
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length) {
    const r = queue.shift()!;
    for (const n of [...(ctx.b.adjacent.get(r) ?? [])].sort()) {
      if (prev.has(n)) continue;
      const owner = ctx.ownerOf(n);
      if (owner === null || !mayStation(ctx.det, ctx.me, n)) continue;
      prev.set(n, r);
      if (n === goal) {
        let step = n;
        while (prev.get(step) !== from) step = prev.get(step)!;
        return step;
      }
      queue.push(n);
    }
  }
  return null;
}

/**
 * Bring idle units where they deter most: stacks standing where no foreign force can reach march toward the region
 * at risk where one more unit prevents the most expected loss; every stack that stays supports the most threatened
 * friendly neighbour (support is free: the units still defend where they stand).
 */
export function planDefense(ctx: BotContext, book: OrderBook, atRisk: AtRisk[] = regionsAtRisk(ctx)): void {
  const exposedMine = new Set(atRisk.filter((r) => r.mine).map((r) => r.region));
  const gainAt = (at: string): number => {
    let g = 0;
    for (const r of atRisk) {
      const w = unitWeight(ctx, at, r);
      if (w > 0) g += expectedLoss(ctx, r, r.expected) - expectedLoss(ctx, r, r.expected + w);
    }
    return g;
  };
  const goals = [...exposedMine].map((r) => ({ r, g: gainAt(r) })).filter((x) => x.g > 0).sort((a, z) => z.g - a.g || (a.r < z.r ? -1 : 1));
  for (const from of ctx.mine) {
    if (exposedMine.has(from) || goals.length === 0) continue;
    const n = book.free(from);
    if (n <= 0) continue;
    const here = gainAt(from);
    for (const { r, g } of goals) {
      if (g <= here * 1.25) break;
      const step = nextStep(ctx, from, r);
      if (step && book.add({ kind: 'move', from, to: step, units: n })) break;
    }
  }
  // Supports: stacks that stay and face no hostile force themselves back the friendly neighbour most threatened by one.
  const hostileThreat = (r: string): number => ctx.threatsTo(r).reduce((a, t) => (ctx.hostility(t.state) >= 1 ? Math.max(a, t.strength) : a), 0);
  for (const from of ctx.b.regionIds) {
    const n = book.free(from);
    if (n <= 0 || hostileThreat(from) > 0) continue;
    let best: string | null = null;
    let bestThreat = 0;
    for (const to of [...(ctx.b.adjacent.get(from) ?? [])].sort()) {
      const owner = ctx.ownerOf(to);
      if (owner === null || !ctx.friendly(ctx.me, owner)) continue;
      const threat = hostileThreat(to);
      if (threat > bestThreat) {
        bestThreat = threat;
        best = to;
      }
    }
    if (best) book.add({ kind: 'support', from, to: best, units: n });
  }
}

/** Joint exercises with up to two treaty partners present in a theater where this state has units (interoperability, cohesion). */
export function planExercises(ctx: BotContext, book: OrderBook): void {
  if (!ctx.traits.exercises) return;
  const kinds = new Set(['defense-pact', 'guarantee', 'basing', 'forum']);
  const partners = new Set<string>();
  for (const t of ctx.activeList) {
    if (!kinds.has(t.terms.kind) || !isParty(t, ctx.me)) continue;
    for (const s of ctx.b.stateIds) if (s !== ctx.me && isParty(t, s)) partners.add(s);
  }
  let held = 0;
  const theaters = [...ctx.b.theaterRegions.keys()].sort();
  for (const p of [...partners].sort()) {
    if (held >= 2) break;
    // Both sides pick the first theater (by id) where both have units, so that their orders meet.
    const theater = theaters.find((th) => {
      const rs = ctx.b.theaterRegions.get(th) ?? [];
      return rs.some((r) => ctx.units(p, r) > 0) && rs.some((r) => ctx.units(ctx.me, r) > 0);
    });
    if (!theater) continue;
    const from = [...(ctx.b.theaterRegions.get(theater) ?? [])].sort().find((r) => book.free(r) > 0);
    if (from && book.add({ kind: 'exercise', from, partner: p, units: 1 })) held++;
  }
}
