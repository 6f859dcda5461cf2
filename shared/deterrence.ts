import type { BoardIndex } from './board';
import { isHome } from './board';
import type { Coefficients } from './scenario/coefficients';
import { pairKey } from './pairKey';
import type { Obligation, TreatyBook, TreatyLike } from './treaties/queries';
import { treatyParties } from './treaties/parties';
import { activeOf } from './treaties/activeCache';
import { FRIENDLY_KINDS, obligationsAmong } from './treaties/queries';

/** The cap shown when no foreign force could attack at all. */
export const DETERRENCE_MAX = 10;

/** What deterrence reads; a seat's view fits (units it cannot see are null and count as nothing). */
export interface DeterrenceInput {
  regions: Record<string, { owner: string | null; units: Record<string, number> | null }>;
  nations: Record<string, { technology: number; credibility: number }>;
  treaties: TreatyBook;
  interop: Record<string, number>;
}

/** Every state's friends (FRIENDLY_KINDS, itself included) and intelligence partners, in one pass over the active treaties. */
function relationsOf(active: readonly TreatyLike[]): { friends: Map<string, Set<string>>; intel: Map<string, Set<string>> } {
  const friends = new Map<string, Set<string>>();
  const intel = new Map<string, Set<string>>();
  const link = (m: Map<string, Set<string>>, a: string, b: string): void => {
    let set = m.get(a);
    if (!set) {
      set = new Set();
      m.set(a, set);
    }
    set.add(b);
  };
  for (const t of active) {
    const friendly = FRIENDLY_KINDS.includes(t.terms.kind);
    const sharing = t.terms.kind === 'intelligence';
    if (!friendly && !sharing) continue;
    const parties = treatyParties(t.terms);
    for (const a of parties) {
      for (const b of parties) {
        if (friendly) link(friends, a, b);
        if (sharing && a !== b) link(intel, a, b);
      }
    }
  }
  return { friends, intel };
}

const NOBODY: ReadonlySet<string> = new Set();

function interop(c: Coefficients, d: DeterrenceInput, intel: ReadonlySet<string>, a: string, b: string): number {
  if (a === b) return 1;
  const base = d.interop[pairKey(a, b)] ?? c.interopStrangers;
  return Math.min(1, base + (intel.has(b) ? c.intelBonus : 0));
}

export interface DeterrenceBreakdown {
  index: number;
  expectedDefense: number;
  strongestAttack: number;
  /** The neighbour that could bring the strongest attack. */
  threat: string | null;
  /** Allies obliged to answer an attack here. */
  obliged: string[];
}

/** Neighbours of each region in id order, per board (the board never changes). */
const sortedNear = new WeakMap<BoardIndex, Map<string, string[]>>();
function nearOf(b: BoardIndex, region: string): string[] {
  let m = sortedNear.get(b);
  if (!m) {
    m = new Map();
    sortedNear.set(b, m);
  }
  let near = m.get(region);
  if (!near) {
    near = [...(b.adjacent.get(region) ?? [])].sort();
    m.set(region, near);
  }
  return near;
}

interface OwnerFacts {
  obligations: Obligation[];
  friends: ReadonlySet<string>;
  intel: ReadonlySet<string>;
}

/**
 * Owner facts by active treaty list: activeOf hands out the same list for as long as a book's active treaties stay
 * the same, and many readers (every view, every bot) read the same book.
 */
const factsByList = new WeakMap<readonly TreatyLike[], { relations: ReturnType<typeof relationsOf>; owners: Map<string, OwnerFacts> }>();

function factsOf(active: readonly TreatyLike[], owner: string): OwnerFacts {
  let known = factsByList.get(active);
  if (!known) {
    known = { relations: relationsOf(active), owners: new Map() };
    factsByList.set(active, known);
  }
  let f = known.owners.get(owner);
  if (!f) {
    const friends = new Set(known.relations.friends.get(owner) ?? []);
    friends.add(owner);
    f = { obligations: obligationsAmong(active, owner), friends, intel: known.relations.intel.get(owner) ?? NOBODY };
    known.owners.set(owner, f);
  }
  return f;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Whether two active treaty lists give an owner the same deterrence facts: the same obliged allies in the same order
 * (their sum is a float, so order counts), friends and intelligence partners. Treaties reach a region's index only
 * through its owner's facts, so with the same regions, nations and interoperability its index is then the same.
 */
export function sameOwnerFacts(a: readonly TreatyLike[], b: readonly TreatyLike[], owner: string): boolean {
  if (a === b) return true;
  const fa = factsOf(a, owner);
  const fb = factsOf(b, owner);
  if (fa.obligations.length !== fb.obligations.length) return false;
  for (let i = 0; i < fa.obligations.length; i++) if (fa.obligations[i]!.ally !== fb.obligations[i]!.ally) return false;
  return sameSet(fa.friends, fb.friends) && sameSet(fa.intel, fb.intel);
}

/** The index from expected defense and the strongest attack, rounded to hundredths; capped when nobody could attack. */
function indexFrom(expected: number, strongest: number): number {
  const index = strongest === 0 ? DETERRENCE_MAX : Math.min(DETERRENCE_MAX, expected / strongest);
  return Math.round(index * 100) / 100;
}

/**
 * Reads deterrence from one input for as many regions as asked: what all of an owner's regions share (its treaties,
 * its allies, their units per theater) is worked out once. `deterrenceOf` is the one-region form.
 */
export class DeterrenceReader {
  private readonly active: readonly TreatyLike[];
  private readonly theaterUnits = new Map<string, Map<string, number>>();
  private readonly threats = new Map<string, number>();

  constructor(
    private readonly b: BoardIndex,
    private readonly d: DeterrenceInput,
  ) {
    this.active = activeOf(d.treaties);
  }

  private facts(owner: string): OwnerFacts {
    return factsOf(this.active, owner);
  }

  private units(s: string, r: string): number {
    return this.d.regions[r]?.units?.[s] ?? 0;
  }

  private tech(s: string): number {
    return this.d.nations[s]?.technology ?? 1;
  }

  /** A state's units across a theater (an integer sum, so the order of adding never matters). */
  private inTheater(s: string, theater: string): number {
    // By theater, then state: no key string to build on every read.
    let byState = this.theaterUnits.get(theater);
    if (!byState) this.theaterUnits.set(theater, (byState = new Map()));
    let n = byState.get(s);
    if (n === undefined) {
      n = 0;
      for (const r of this.b.theaterRegions.get(theater) ?? []) n += this.units(s, r);
      byState.set(s, n);
    }
    return n;
  }

  /** The expected defense of a region as `of` counts it (rounded alike), without the attack side; 0 for a region nobody holds. */
  expectedDefense(region: string): number {
    const owner = this.d.regions[region]?.owner ?? null;
    if (owner === null) return 0;
    return Math.round(this.defense(region, owner, nearOf(this.b, region)) * 100) / 100;
  }

  /** Own units in and next to the region, the obliged allies' eligible units, and friendly guests standing in it. */
  private defense(region: string, owner: string, near: readonly string[]): number {
    const { b, d } = this;
    const c = b.scenario.coefficients;
    let own = this.units(owner, region) * this.tech(owner) * (isHome(b, owner, region) ? c.homeBonus : 1);
    for (const r of near) if (d.regions[r]?.owner === owner) own += this.units(owner, r) * this.tech(owner);
    const theater = b.theaterOf.get(region) ?? '';
    const { obligations, friends, intel } = this.facts(owner);
    let allies = 0;
    for (const ob of obligations) {
      // Eligible: units in the region's theater (the region included) or next to it (GAME.md §3.4).
      let eligible = this.inTheater(ob.ally, theater);
      for (const r of near) if (b.theaterOf.get(r) !== theater) eligible += this.units(ob.ally, r);
      allies += eligible * this.tech(ob.ally) * interop(c, d, intel, owner, ob.ally) * ((d.nations[ob.ally]?.credibility ?? 0) / 100);
    }
    // Friendly units stationed in the region itself (guests under basing access) stand and fight, added in id order.
    const here = d.regions[region]?.units;
    // The owner is always its own friend: with no other friend, no guest counts.
    if (here && friends.size > 1) {
      // Guests are rare: the list to sort is made only once one is found.
      let guests: string[] | null = null;
      for (const s in here) {
        if (s === owner || !friends.has(s) || obligations.some((o) => o.ally === s)) continue;
        (guests ??= []).push(s);
      }
      if (guests !== null) for (const s of guests.sort()) allies += here[s]! * this.tech(s) * interop(c, d, intel, owner, s);
    }
    return own + allies;
  }

  /**
   * Each foreign state's attack strength on the region (units next to it, times technology), into `this.threats`,
   * which is cleared and refilled on every read rather than made anew.
   */
  private readThreats(near: readonly string[], friends: ReadonlySet<string>): Map<string, number> {
    const { d } = this;
    const threats = this.threats;
    threats.clear();
    for (const r of near) {
      const units = d.regions[r]?.units;
      if (!units) continue;
      for (const s in units) {
        if (friends.has(s)) continue;
        threats.set(s, (threats.get(s) ?? 0) + units[s]! * this.tech(s));
      }
    }
    return threats;
  }

  /** `of(region)?.strongestAttack`, without the defense side: 0 where nobody holds the region or nobody could attack it. */
  strongestAttack(region: string): number {
    const owner = this.d.regions[region]?.owner ?? null;
    if (owner === null) return 0;
    let strongest = 0;
    for (const v of this.readThreats(nearOf(this.b, region), this.facts(owner).friends).values()) if (v > strongest) strongest = v;
    return Math.round(strongest * 100) / 100;
  }

  /** `of(region)?.index`, without the breakdown: views need only the index. */
  indexOf(region: string): number | null {
    const owner = this.d.regions[region]?.owner ?? null;
    if (owner === null) return null;
    const near = nearOf(this.b, region);
    const expected = this.defense(region, owner, near);
    let strongest = 0;
    for (const v of this.readThreats(near, this.facts(owner).friends).values()) if (v > strongest) strongest = v;
    return indexFrom(expected, strongest);
  }

  /**
   * Deterrence index of a region (GAME.md §4): expected defense / the strongest attack any foreign neighbour
   * could bring. Allies count with their eligible units weighted by credibility/100 and interoperability.
   * Null for a region nobody holds.
   */
  of(region: string): DeterrenceBreakdown | null {
    const { b, d } = this;
    const owner = d.regions[region]?.owner ?? null;
    if (owner === null) return null;
    const near = nearOf(b, region);
    const { obligations, friends } = this.facts(owner);
    const expected = this.defense(region, owner, near);
    // The strongest threat; on a tie, the first by id.
    let strongest = 0;
    let threat: string | null = null;
    for (const [s, v] of this.readThreats(near, friends)) {
      if (v > strongest || (v === strongest && threat !== null && s < threat)) {
        strongest = v;
        threat = s;
      }
    }
    return {
      index: indexFrom(expected, strongest),
      expectedDefense: Math.round(expected * 100) / 100,
      strongestAttack: Math.round(strongest * 100) / 100,
      threat,
      obliged: obligations.map((o) => o.ally),
    };
  }
}

/**
 * Deterrence index of a region (GAME.md §4): expected defense / the strongest attack any foreign neighbour
 * could bring. Allies count with their eligible units weighted by credibility/100 and interoperability.
 * Null for a region nobody holds.
 */
export function deterrenceOf(b: BoardIndex, d: DeterrenceInput, region: string): DeterrenceBreakdown | null {
  return new DeterrenceReader(b, d).of(region);
}
