import type { BoardIndex } from './board';
import { isAdjacent, isHome } from './board';
import type { Coefficients } from './scenario/coefficients';
import { pairKey } from './state';
import type { TreatyBook } from './treaties/queries';
import { areFriendly, obligationsTo, shareIntelligence } from './treaties/queries';

/** The cap shown when no foreign force could attack at all. */
export const DETERRENCE_MAX = 10;

/** What deterrence reads; a seat's view fits (units it cannot see are null and count as nothing). */
export interface DeterrenceInput {
  regions: Record<string, { owner: string | null; units: Record<string, number> | null }>;
  nations: Record<string, { technology: number; credibility: number }>;
  treaties: TreatyBook;
  interop: Record<string, number>;
}

function interop(c: Coefficients, d: DeterrenceInput, a: string, b: string): number {
  if (a === b) return 1;
  const base = d.interop[pairKey(a, b)] ?? c.interopStrangers;
  return Math.min(1, base + (shareIntelligence(d.treaties, a, b) ? c.intelBonus : 0));
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

/**
 * Deterrence index of a region (GAME.md §4): expected defense / the strongest attack any foreign neighbour
 * could bring. Allies count with their eligible units weighted by credibility/100 and interoperability.
 * Null for a region nobody holds.
 */
export function deterrenceOf(b: BoardIndex, d: DeterrenceInput, region: string): DeterrenceBreakdown | null {
  const c = b.scenario.coefficients;
  const owner = d.regions[region]?.owner ?? null;
  if (owner === null) return null;
  const units = (s: string, r: string): number => d.regions[r]?.units?.[s] ?? 0;
  const tech = (s: string): number => d.nations[s]?.technology ?? 1;
  const near = [...(b.adjacent.get(region) ?? [])].sort();
  let own = units(owner, region) * tech(owner) * (isHome(b, owner, region) ? c.homeBonus : 1);
  for (const r of near) if (d.regions[r]?.owner === owner) own += units(owner, r) * tech(owner);
  const theater = b.theaterOf.get(region);
  const obligations = obligationsTo(d.treaties, owner);
  let allies = 0;
  const counted = new Set<string>([owner]);
  for (const ob of obligations) {
    counted.add(ob.ally);
    let eligible = 0;
    for (const rid of b.regionIds) {
      if (rid === region || b.theaterOf.get(rid) === theater || isAdjacent(b, rid, region)) eligible += units(ob.ally, rid);
    }
    allies += eligible * tech(ob.ally) * interop(c, d, owner, ob.ally) * ((d.nations[ob.ally]?.credibility ?? 0) / 100);
  }
  // Friendly units stationed in the region itself (guests under basing access) stand and fight.
  for (const [s, n] of Object.entries(d.regions[region]?.units ?? {}).sort()) {
    if (counted.has(s) || !areFriendly(d.treaties, s, owner)) continue;
    allies += n * tech(s) * interop(c, d, owner, s);
  }
  const threats = new Map<string, number>();
  for (const r of near) {
    for (const [s, n] of Object.entries(d.regions[r]?.units ?? {})) {
      if (s === owner || areFriendly(d.treaties, s, owner)) continue;
      threats.set(s, (threats.get(s) ?? 0) + n * tech(s));
    }
  }
  let strongest = 0;
  let threat: string | null = null;
  for (const [s, v] of [...threats.entries()].sort(([a], [z]) => (a < z ? -1 : 1))) {
    if (v > strongest) {
      strongest = v;
      threat = s;
    }
  }
  const expected = own + allies;
  const index = strongest === 0 ? DETERRENCE_MAX : Math.min(DETERRENCE_MAX, expected / strongest);
  return {
    index: Math.round(index * 100) / 100,
    expectedDefense: Math.round(expected * 100) / 100,
    strongestAttack: Math.round(strongest * 100) / 100,
    threat,
    obliged: obligations.map((o) => o.ally),
  };
}
