import { isAdjacent } from '../board';
import type { BotContext, Threat } from './context';
import { addStrength, DecisionSlot } from './context';

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
  /** Defense one of this state's eligible units adds to an ally's region (tech × interoperability × credibility). */
  allyUnit: number;
}

/** Chance that a hostile neighbour strikes and takes a region at this deterrence index, in one round. */
export function lossChance(index: number): number {
  return 1 / (1 + Math.exp(SECURITY.riskSteepness * (index - SECURITY.riskMidpoint)));
}

/**
 * Forces that could strike a region this round or the next: the neighbours' forces (as the deterrence index counts
 * them), plus hostile forces one more step away at SECURITY.reachWeight, since units move before they strike.
 * Read once per decision. Shared: never change it.
 */
export function reachingThreats(ctx: BotContext, region: string): Threat[] {
  // Who asks does not matter: every seat that reads the same board and hostility shares the figure.
  const byRegion = ctx.sharedTable<Threat[]>('reach');
  let hit = byRegion.get(region);
  if (!hit) byRegion.set(region, (hit = readReach(ctx, region)));
  return hit;
}

function readReach(ctx: BotContext, region: string): Threat[] {
  const near = ctx.threatsTo(region);
  const owner = ctx.ownerOf(region);
  if (owner === null) return near;
  let out: Threat[] | null = null;
  for (const r of ctx.board.far.get(region) ?? []) {
    const units = ctx.v.regions[r]?.units;
    if (!units) continue;
    for (const s in units) {
      const n = units[s]!;
      if (n <= 0 || s === owner || ctx.friendly(s, owner) || ctx.hostility(s) < 1) continue;
      // Copies of the near threats, then each far force added in turn: the same sums in the same order.
      out ??= near.map((t) => ({ state: t.state, strength: t.strength }));
      addStrength(out, s, SECURITY.reachWeight * n * ctx.techOf(s));
    }
  }
  // Nothing from two steps away: the near threats are already in this order.
  if (out === null) return near;
  return out.sort((a, z) => z.strength - a.strength || (a.state < z.state ? -1 : 1));
}

/** Regions this state cares to defend and that some foreign force could strike. */
export function regionsAtRisk(ctx: BotContext): AtRisk[] {
  const out: AtRisk[] = [];
  const homes = ctx.b.homes.get(ctx.me) ?? [];
  const cap = ctx.b.capital.get(ctx.me);
  const homeWeight = homes.reduce((a, h) => a + (h === cap ? 1.5 : 1), 0) || 1;
  for (const r of ctx.mine) {
    const meta = ctx.b.region.get(r)!;
    const stake = ctx.isHomeOf(ctx.me, r) ? (SECURITY.homeStake * (r === cap ? 1.5 : 1)) / homeWeight : SECURITY.awayStake / Math.max(1, homes.length);
    addAtRisk(ctx, out, r, ctx.me, meta.output * ctx.roundsLeft + stake * ctx.output);
  }
  const allied: string[] = [];
  for (const ally of ctx.protects) for (const r of ctx.regionsOf(ally)) if (reachingThreats(ctx, r).length > 0) allied.push(r);
  for (const r of allied) addAtRisk(ctx, out, r, ctx.ownerOf(r)!, (SECURITY.allyStake * ctx.output) / allied.length);
  return out;
}

function addAtRisk(ctx: BotContext, out: AtRisk[], region: string, owner: string, value: number): void {
  const threats = reachingThreats(ctx, region);
  if (threats.length === 0) return;
  const expected = ctx.expectedDefense(region);
  const mine = owner === ctx.me;
  const allyUnit = mine ? 0 : ctx.tech * ctx.interop(owner, ctx.me) * (ctx.credibility / 100);
  out.push({ region, owner, value, expected, threats, theater: ctx.b.theaterOf.get(region) ?? '', mine, allyUnit });
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
  return eligible ? r.allyUnit : 0;
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
  const greedy = new Placements(ctx, atRisk);
  const upkeepCost = ctx.c.upkeep * Math.min(ctx.roundsLeft, SECURITY.upkeepHorizon);
  const raiseCost = ctx.c.unitCost + upkeepCost;
  const needs: string[] = [];
  let add = 0;
  while (add < maxAdd && ctx.mine.length > 0) {
    let best = ctx.mine[0]!;
    let bestGain = -1;
    for (const at of ctx.mine) {
      const g = greedy.gain(at, 1);
      if (g > bestGain) {
        bestGain = g;
        best = at;
      }
    }
    if (bestGain < raiseCost) break;
    greedy.place(best, 1);
    needs.push(best);
    add++;
  }
  let drop = 0;
  if (add === 0) {
    // Units left at each of its regions, in the order of ctx.mine.
    const stacks = ctx.mine.map((r) => ctx.units(ctx.me, r));
    while (drop < SECURITY.maxDrop) {
      let worst = -1;
      let worstLoss = Number.POSITIVE_INFINITY;
      for (let k = 0; k < stacks.length; k++) {
        if (stacks[k]! <= 0) continue;
        const l = greedy.gain(ctx.mine[k]!, -1);
        if (l < worstLoss) {
          worstLoss = l;
          worst = k;
        }
      }
      if (worst < 0 || worstLoss >= upkeepCost) break;
      greedy.place(ctx.mine[worst]!, -1);
      stacks[worst]!--;
      drop++;
    }
  }
  return { add, drop, needs, atRisk };
}

/**
 * Figures both greedy passes of a decision (planForces, then planDefense) read alike from its regions at risk: a
 * unit's weight at every region at risk by where it stands, and each region's expected loss by its expected defense.
 * The greedy asks for the same few defense levels over and over (each region's, plus or minus one unit of a few
 * weights), so each loss is worked out once. Kept in short arrays, by the position of the place among the state's
 * regions (ctx.mine) and by region at risk: doubles stay unboxed.
 */
class RiskFigures {
  private readonly weights: Array<number[] | undefined> = [];
  /** Per region at risk: each defense level asked about, followed by its loss (a handful each). */
  private readonly losses: number[][];

  constructor(
    private readonly ctx: BotContext,
    readonly atRisk: readonly AtRisk[],
  ) {
    this.losses = atRisk.map(() => []);
  }

  /** A unit's weight at each region at risk, standing at `at`: position `k` in ctx.mine (-1: elsewhere, not kept). */
  weightsAt(k: number, at: string): number[] {
    let w = k < 0 ? undefined : this.weights[k];
    if (!w) {
      w = this.atRisk.map((r) => unitWeight(this.ctx, at, r));
      if (k >= 0) this.weights[k] = w;
    }
    return w;
  }

  /** Weights weightsAt has kept already (every place with a known gain). */
  weightsKeptAt(k: number): number[] {
    return this.weights[k]!;
  }

  /** expectedLoss of region i at this expected defense. */
  lossAt(i: number, expected: number): number {
    const known = this.losses[i]!;
    for (let k = 0; k < known.length; k += 2) if (known[k] === expected) return known[k + 1]!;
    const loss = expectedLoss(this.ctx, this.atRisk[i]!, expected);
    known.push(expected, loss);
    return loss;
  }
}

/** The decision's figures, for the regions at risk they were made for. */
const FIGURES = new DecisionSlot<{ of: RiskFigures | null }>(() => ({ of: null }));

function figuresOf(ctx: BotContext, atRisk: readonly AtRisk[]): RiskFigures {
  const slot = ctx.memo(FIGURES);
  if (slot.of?.atRisk !== atRisk) slot.of = new RiskFigures(ctx, atRisk);
  return slot.of;
}

/**
 * The greedy's arithmetic, each figure computed once: a unit's weight at every region at risk, each region's loss at
 * its current defense, and each placement's gain until a placement changes a region it counts on. Gains are summed
 * afresh in the same order, so every figure is exactly what a plain recomputation gives. Places are the state's own
 * regions; any other is worked out afresh each time it is asked about.
 */
export class Placements {
  private readonly expected: number[];
  private readonly loss: number[];
  private readonly figures: RiskFigures;
  private readonly places: readonly string[];
  /**
   * Gains by sign (adding, then dropping) and position in ctx.mine; NaN where not known (yet, or any more: dropped
   * when a region it counts on changes). A gain that came out NaN is only worked out again, alike.
   */
  private readonly gains: readonly [number[], number[]];

  constructor(ctx: BotContext, atRisk: readonly AtRisk[]) {
    this.figures = figuresOf(ctx, atRisk);
    this.places = ctx.mine;
    this.expected = atRisk.map((r) => r.expected);
    this.loss = this.expected.map((e, i) => this.figures.lossAt(i, e));
    const n = this.places.length;
    this.gains = [new Array<number>(n).fill(NaN), new Array<number>(n).fill(NaN)];
  }

  gain(at: string, sign: 1 | -1): number {
    const k = this.places.indexOf(at);
    const gains = this.gains[sign === 1 ? 0 : 1];
    if (k >= 0 && !Number.isNaN(gains[k])) return gains[k]!;
    const w = this.figures.weightsAt(k, at);
    let g = 0;
    for (let i = 0; i < w.length; i++) {
      if (w[i] === 0) continue;
      g += sign * (this.loss[i]! - this.figures.lossAt(i, Math.max(0, this.expected[i]! + sign * w[i]!)));
    }
    if (k >= 0) gains[k] = g;
    return g;
  }

  place(at: string, sign: 1 | -1): void {
    const w = this.figures.weightsAt(this.places.indexOf(at), at);
    const changed: number[] = [];
    for (let i = 0; i < w.length; i++) {
      const next = Math.max(0, this.expected[i]! + sign * w[i]!);
      if (next === this.expected[i]) continue;
      this.expected[i] = next;
      this.loss[i] = this.figures.lossAt(i, next);
      changed.push(i);
    }
    if (changed.length === 0) return;
    for (const gains of this.gains) {
      for (let k = 0; k < gains.length; k++) {
        if (Number.isNaN(gains[k])) continue;
        if (countsOn(this.figures.weightsKeptAt(k), changed)) gains[k] = NaN;
      }
    }
  }
}

/** Whether a unit with these weights counts on any of the regions at risk listed. */
function countsOn(weights: readonly number[], regions: readonly number[]): boolean {
  for (const i of regions) if (weights[i] !== 0) return true;
  return false;
}
