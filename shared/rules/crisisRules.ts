import type { BoardIndex } from '../board';
import { isAdjacent } from '../board';
import type { GameState } from '../state';

export interface Stack {
  region: string;
  units: number;
}

/**
 * Units an ally could commit to the defense of `region`: its stacks in the region's theater or next to it,
 * less units ordered to move or attack and units already committed to other crises. Nearest first.
 */
export function eligibleStacks(b: BoardIndex, s: GameState, ally: string, region: string, exceptCrisis?: string): Stack[] {
  const theater = b.theaterOf.get(region);
  const committed = new Map<string, number>();
  for (const c of s.crises) {
    if (c.ally !== ally || c.id === exceptCrisis) continue;
    for (const [r, n] of Object.entries(c.committed)) committed.set(r, (committed.get(r) ?? 0) + n);
  }
  const away = new Map<string, number>();
  for (const o of s.orders[ally]?.force ?? []) {
    if (o.kind === 'move' || o.kind === 'attack') away.set(o.from, (away.get(o.from) ?? 0) + o.units);
  }
  const tier = (r: string): number => (r === region ? 0 : isAdjacent(b, r, region) ? 1 : 2);
  const out: Stack[] = [];
  for (const rid of b.regionIds) {
    if (rid !== region && b.theaterOf.get(rid) !== theater && !isAdjacent(b, rid, region)) continue;
    const free = (s.regions[rid]?.units[ally] ?? 0) - (away.get(rid) ?? 0) - (committed.get(rid) ?? 0);
    if (free > 0) out.push({ region: rid, units: free });
  }
  return out.sort((x, y) => tier(x.region) - tier(y.region) || y.units - x.units || (x.region < y.region ? -1 : 1));
}

export function eligibleUnits(b: BoardIndex, s: GameState, ally: string, region: string, exceptCrisis?: string): number {
  return eligibleStacks(b, s, ally, region, exceptCrisis).reduce((a, x) => a + x.units, 0);
}

/** Take n units from the stacks, nearest first. */
export function allocate(stacks: Stack[], n: number): Record<string, number> {
  const out: Record<string, number> = {};
  let left = n;
  for (const st of stacks) {
    if (left <= 0) break;
    const take = Math.min(st.units, left);
    out[st.region] = take;
    left -= take;
  }
  return out;
}
