import { isAdjacent } from '../board';
import type { BotContext, Threat } from './context';

/**
 * What a state stands to gain from defense, the same reasoning for every doctrine (GAME.md §8, §10).
 *
 * A region at risk is worth, in output: its own output for the rounds left, plus a share of the state's whole
 * economy (home regions carry it, the capital most). Regions of the states it is obliged to defend are worth a share
 * of its own output too: when an ally's front breaks, its own output is what is at risk next (Olson and Zeckhauser's
 * premise: each member values the alliance's security in proportion to its own income). The chance of losing a region
 * falls with its deterrence index; a unit is worth raising when the expected loss it prevents exceeds its price.
 */
export const SECURITY = {
  /** Share of the state's output carried by its home regions (split between them, the capital counting 1.5). */
  homeStake: 1.0,
  /** Share of the state's output carried by a region it holds outside its homeland. */
  awayStake: 0.25,
  /** Share of its own output a state sees at risk across the fronts of the states it must defend. */
  allyStake: 0.6,
  /** Rounds over which a loss is weighed. */
  horizon: 3,
  /** Rounds over which a unit's upkeep is weighed against what it protects. */
  upkeepHorizon: 5,
  /** Logistic chance of losing a region in a round to a hostile neighbour, by deterrence index: midpoint and steepness. */
  riskMidpoint: 1.2,
  riskSteepness: 4,
  /** Most units a bot stands down in one round. */
  maxDrop: 2,
  /** Weight of hostile forces two steps away (they can march next to a region before striking). */
  reachWeight: 0.5,
} as const;

export interface AtRisk {
  region: string;
  owner: string;
  /** Output-equivalent this state would lose with the region. */
  value: number;
  /** Expected defense of the region as its owner's deterrence index counts it. */
  expected: number;
  threats: Threat[];
  theater: string;
  mine: boolean;
}

/** Chance that a hostile neighbour strikes and takes a region at this deterrence index, in one round. */
export function lossChance(index: number): number {
  return 1 / (1 + Math.exp(SECURITY.riskSteepness * (index - SECURITY.riskMidpoint)));
}

/**
 * Forces that could strike a region this round or the next: the neighbours' forces (as the deterrence index counts
 * them), plus hostile forces one more step away at SECURITY.reachWeight, since units move before they strike.
 */
export function reachingThreats(ctx: BotContext, region: string): Threat[] {
  const near = ctx.threatsTo(region);
  const owner = ctx.ownerOf(region);
  if (owner === null) return near;
  const by = new Map(near.map((t) => [t.state, t.strength]));
  const adjacent = ctx.b.adjacent.get(region) ?? new Set<string>();
  const far = new Set<string>();
  for (const r of adjacent) for (const x of ctx.b.adjacent.get(r) ?? []) if (x !== region && !adjacent.has(x)) far.add(x);
  for (const r of [...far].sort()) {
    for (const [s, n] of Object.entries(ctx.v.regions[r]?.units ?? {})) {
      if (n <= 0 || s === owner || ctx.friendly(s, owner) || ctx.hostility(s) < 1) continue;
      by.set(s, (by.get(s) ?? 0) + SECURITY.reachWeight * n * ctx.techOf(s));
    }
  }
  return [...by.entries()].map(([state, strength]) => ({ state, strength })).sort((a, z) => z.strength - a.strength || (a.state < z.state ? -1 : 1));
}

/** Regions this state cares to defend and that some foreign force could strike. */
export function regionsAtRisk(ctx: BotContext): AtRisk[] {
  const out: AtRisk[] = [];
  const homes = ctx.b.homes.get(ctx.me) ?? [];
  const cap = ctx.b.capital.get(ctx.me);
  const homeWeight = homes.reduce((a, h) => a + (h === cap ? 1.5 : 1), 0) || 1;
  const add = (region: string, owner: string, value: number): void => {
    const threats = reachingThreats(ctx, region);
    if (threats.length === 0) return;
    const expected = ctx.deterrence(region)?.expectedDefense ?? 0;
    out.push({ region, owner, value, expected, threats, theater: ctx.b.theaterOf.get(region) ?? '', mine: owner === ctx.me });
  };
  for (const r of ctx.mine) {
    const meta = ctx.b.region.get(r)!;
    const stake = ctx.isHomeOf(ctx.me, r) ? (SECURITY.homeStake * (r === cap ? 1.5 : 1)) / homeWeight : SECURITY.awayStake / Math.max(1, homes.length);
    add(r, ctx.me, meta.output * ctx.roundsLeft + stake * ctx.output);
  }
  const allied: string[] = [];
  for (const ally of ctx.protects) for (const r of ctx.b.regionIds) if (ctx.ownerOf(r) === ally && reachingThreats(ctx, r).length > 0) allied.push(r);
  for (const r of allied) add(r, ctx.ownerOf(r)!, (SECURITY.allyStake * ctx.output) / allied.length);
  return out;
}

/** Expected output lost over the horizon at one region, given its expected defense. */
export function expectedLoss(ctx: BotContext, r: AtRisk, expected: number): number {
  let safe = 1;
  for (const t of r.threats) safe *= 1 - ctx.hostility(t.state) * lossChance(t.strength > 0 ? expected / t.strength : 10);
  return r.value * (1 - Math.pow(safe, SECURITY.horizon));
}

/** Defense one of this state's units standing in `at` adds to a region at risk. */
export function unitWeight(ctx: BotContext, at: string, r: AtRisk): number {
  if (r.mine) {
    if (at === r.region) return ctx.tech * (ctx.isHomeOf(ctx.me, at) ? ctx.c.homeBonus : 1);
    return isAdjacent(ctx.b, at, r.region) ? ctx.tech : 0;
  }
  const eligible = ctx.b.theaterOf.get(at) === r.theater || isAdjacent(ctx.b, at, r.region);
  return eligible ? ctx.tech * ctx.interop(r.owner, ctx.me) * (ctx.credibility / 100) : 0;
}

export interface ForcePlan {
  /** Units worth raising this round. */
  add: number;
  /** Units worth standing down this round. */
  drop: number;
  /** Where each added unit would do most good (the weakest point first). */
  needs: string[];
  atRisk: AtRisk[];
}

/**
 * Raise units while one more prevents more expected loss than it costs; stand units down while the least useful
 * one protects less than its upkeep. Greedy over placements in the state's own regions.
 */
export function planForces(ctx: BotContext, maxAdd: number): ForcePlan {
  const atRisk = regionsAtRisk(ctx);
  const expected = atRisk.map((r) => r.expected);
  const gain = (at: string, sign: number): number => {
    let g = 0;
    atRisk.forEach((r, i) => {
      const w = unitWeight(ctx, at, r);
      if (w === 0) return;
      g += sign * (expectedLoss(ctx, r, expected[i]!) - expectedLoss(ctx, r, Math.max(0, expected[i]! + sign * w)));
    });
    return g;
  };
  const place = (at: string, sign: number): void => {
    atRisk.forEach((r, i) => {
      expected[i] = Math.max(0, expected[i]! + sign * unitWeight(ctx, at, r));
    });
  };
  const upkeepCost = ctx.c.upkeep * Math.min(ctx.roundsLeft, SECURITY.upkeepHorizon);
  const raiseCost = ctx.c.unitCost + upkeepCost;
  const needs: string[] = [];
  let add = 0;
  while (add < maxAdd && ctx.mine.length > 0) {
    let best = ctx.mine[0]!;
    let bestGain = -1;
    for (const at of ctx.mine) {
      const g = gain(at, 1);
      if (g > bestGain) {
        bestGain = g;
        best = at;
      }
    }
    if (bestGain < raiseCost) break;
    place(best, 1);
    needs.push(best);
    add++;
  }
  let drop = 0;
  if (add === 0) {
    const stacks = new Map(ctx.mine.map((r) => [r, ctx.units(ctx.me, r)]));
    while (drop < SECURITY.maxDrop) {
      let worst: string | null = null;
      let worstLoss = Number.POSITIVE_INFINITY;
      for (const [at, n] of stacks) {
        if (n <= 0) continue;
        const l = gain(at, -1);
        if (l < worstLoss) {
          worstLoss = l;
          worst = at;
        }
      }
      if (worst === null || worstLoss >= upkeepCost) break;
      place(worst, -1);
      stacks.set(worst, stacks.get(worst)! - 1);
      drop++;
    }
  }
  return { add, drop, needs, atRisk };
}
