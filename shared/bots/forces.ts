import type { ForceOrder } from '../orders';
import { checkForceOrder, mayStation } from '../rules/forceOrders';
import type { TreatyKind } from '../treaties/terms';
import type { BotContext } from './context';
import { DecisionSlot } from './context';
import type { AtRisk } from './security';
import { Placements, regionsAtRisk } from './security';

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

/** Garrisons by the state not counted, then by region. */
const GARRISONS = new DecisionSlot(() => new Map<string | null, Map<string, number>>());

/** Units a stack keeps home when it attacks: enough to face most of the strongest hostile neighbour. */
export function garrison(ctx: BotContext, region: string, except: string | null): number {
  if (ctx.ownerOf(region) !== ctx.me) return 0;
  const byExcept = ctx.memo(GARRISONS);
  let byRegion = byExcept.get(except);
  if (!byRegion) byExcept.set(except, (byRegion = new Map()));
  let n = byRegion.get(region);
  if (n === undefined) byRegion.set(region, (n = readGarrison(ctx, region, except)));
  return n;
}

function readGarrison(ctx: BotContext, region: string, except: string | null): number {
  let threat = 0;
  for (const t of ctx.threatsTo(region)) if (t.state !== except) threat = Math.max(threat, t.strength * ctx.hostility(t.state));
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
  if (meta.owner === ctx.me) value += (meta.home ? c.scoreHome / Math.max(1, homes.length) : 0) + c.scoreRegions / Math.max(1, ctx.board.startRegions.get(ctx.me) ?? 0);
  else if (ctx.role === 'revisionist') value += c.scoreRegionGained;
  value += (c.scoreProsperity * meta.output) / ctx.startOutput;
  return value;
}

const TARGETS = new DecisionSlot(readTargets);

/** Every region this state could attack this round, weakest-deterred first. Read once per decision; shared: never change it. */
export function targets(ctx: BotContext): Target[] {
  return ctx.memo(TARGETS);
}

function readTargets(ctx: BotContext): Target[] {
  const out: Target[] = [];
  const partners = ctx.active.partners(ctx.me);
  const seen = new Set<string>();
  for (const from of ctx.forcesOf(ctx.me).stacks) for (const r of ctx.b.adjacent.get(from) ?? []) seen.add(r);
  for (const region of [...seen].sort()) {
    const owner = ctx.ownerOf(region);
    if (owner === ctx.me) continue;
    // Attacking a treaty partner breaks every treaty with it and costs very large credibility: no bot does it.
    if (owner !== null && partners.has(owner)) continue;
    let expected: number;
    if (owner === null) {
      expected = 0;
      const units = ctx.v.regions[region]?.units ?? {};
      for (const s in units) if (s !== ctx.me) expected += units[s]! * ctx.techOf(s);
    } else {
      // Not a partner: no treaty links the two, so every seat reads its defense alike.
      expected = ctx.strangersDefense(region);
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
  /** Units given to orders, by stack. */
  private readonly given = new Map<string, number>();
  constructor(private readonly ctx: BotContext) {}

  used(from: string): number {
    return this.given.get(from) ?? 0;
  }

  free(from: string): number {
    return this.ctx.units(this.ctx.me, from) - this.used(from);
  }

  add(order: ForceOrder): boolean {
    if (order.units < 1) return false;
    if (checkForceOrder(this.ctx.b, this.ctx.det, this.ctx.me, order, this.orders) !== null) return false;
    this.orders.push(order);
    this.given.set(order.from, this.used(order.from) + order.units);
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

/** Paths by the stack they start from. */
const ROUTES = new DecisionSlot(() => new Map<string, Map<string, string>>());
/** mayStandIn by region. */
const STATIONS = new DecisionSlot(() => new Map<string, boolean>());

/** Whether this state may stand in a region someone holds (the engine's mayStation), asked once per region. */
function mayStandIn(ctx: BotContext, region: string): boolean {
  const byRegion = ctx.memo(STATIONS);
  let ok = byRegion.get(region);
  if (ok === undefined) byRegion.set(region, (ok = ctx.ownerOf(region) !== null && mayStation(ctx.det, ctx.me, region)));
  return ok;
}

/**
 * Breadth-first paths from a stack over regions this state may stand in, neighbours in id order: each region maps to
 * the one it was first reached from. One search serves every goal, since searching on past a goal changes none of
 * the steps already found.
 */
function routesFrom(ctx: BotContext, from: string): Map<string, string> {
  const byFrom = ctx.memo(ROUTES);
  let prev = byFrom.get(from);
  if (prev) return prev;
  prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const r = queue[head]!;
    for (const n of ctx.board.near.get(r) ?? []) {
      if (prev.has(n) || !mayStandIn(ctx, n)) continue;
      prev.set(n, r);
      queue.push(n);
    }
  }
  byFrom.set(from, prev);
  return prev;
}

/** The first step on a shortest path from a stack to a goal; null when there is none. */
function nextStep(ctx: BotContext, from: string, goal: string): string | null {
  if (from === goal) return null;
  const prev = routesFrom(ctx, from);
  if (!prev.has(goal)) return null;
  let step = goal;
  while (prev.get(step) !== from) step = prev.get(step)!;
  return step;
}

/** The strongest force next to a region from a state judged hostile (the same for every seat that reads the same board). */
function hostileThreat(ctx: BotContext, region: string): number {
  const table = ctx.sharedTable<number>('hostileThreat');
  let n = table.get(region);
  if (n === undefined) table.set(region, (n = ctx.threatsTo(region).reduce((a, t) => (ctx.hostility(t.state) >= 1 ? Math.max(a, t.strength) : a), 0)));
  return n;
}

/**
 * Bring idle units where they deter most: stacks standing where no foreign force can reach march toward the region
 * at risk where one more unit prevents the most expected loss; every stack that stays supports the most threatened
 * friendly neighbour (support is free: the units still defend where they stand).
 */
export function planDefense(ctx: BotContext, book: OrderBook, atRisk: AtRisk[] = regionsAtRisk(ctx)): void {
  const exposedMine = new Set<string>();
  for (const r of atRisk) if (r.mine) exposedMine.add(r.region);
  // What one more unit standing there would prevent, against the defense each region has now.
  const gains = new Placements(ctx, atRisk);
  const goals: Array<{ r: string; g: number }> = [];
  for (const r of exposedMine) {
    const g = gains.gain(r, 1);
    if (g > 0) goals.push({ r, g });
  }
  goals.sort((a, z) => z.g - a.g || (a.r < z.r ? -1 : 1));
  for (const from of ctx.mine) {
    if (exposedMine.has(from) || goals.length === 0) continue;
    const n = book.free(from);
    if (n <= 0) continue;
    const here = gains.gain(from, 1);
    for (const { r, g } of goals) {
      if (g <= here * 1.25) break;
      const step = nextStep(ctx, from, r);
      if (step && book.add({ kind: 'move', from, to: step, units: n })) break;
    }
  }
  // Supports: stacks that stay and face no hostile force themselves back the friendly neighbour most threatened by one.
  for (const from of ctx.forcesOf(ctx.me).stacks) {
    const n = book.free(from);
    if (n <= 0 || hostileThreat(ctx, from) > 0) continue;
    let best: string | null = null;
    let bestThreat = 0;
    for (const to of ctx.board.near.get(from) ?? []) {
      const owner = ctx.ownerOf(to);
      if (owner === null || !ctx.friendly(ctx.me, owner)) continue;
      const threat = hostileThreat(ctx, to);
      if (threat > bestThreat) {
        bestThreat = threat;
        best = to;
      }
    }
    if (best) book.add({ kind: 'support', from, to: best, units: n });
  }
}

/** Treaties whose partners hold joint exercises. */
const EXERCISE_KINDS: ReadonlySet<TreatyKind> = new Set<TreatyKind>(['defense-pact', 'guarantee', 'basing', 'forum']);

/** Joint exercises with up to two treaty partners present in a theater where this state has units (interoperability, cohesion). */
export function planExercises(ctx: BotContext, book: OrderBook): void {
  if (!ctx.traits.exercises) return;
  const partners = ctx.active.partners(ctx.me, EXERCISE_KINDS);
  let held = 0;
  const { theaters, theaterRegions } = ctx.board;
  // Partners are scenario states: stateIds lists them in id order.
  for (const p of ctx.b.stateIds) {
    if (!partners.has(p)) continue;
    if (held >= 2) break;
    // Both sides pick the first theater (by id) where both have units, so that their orders meet.
    const theater = theaters.find((th) => ctx.forcesOf(p).theaters.has(th) && ctx.forcesOf(ctx.me).theaters.has(th));
    if (!theater) continue;
    const from = (theaterRegions.get(theater) ?? []).find((r) => book.free(r) > 0);
    if (from && book.add({ kind: 'exercise', from, partner: p, units: 1 })) held++;
  }
}
