import type { Turn } from '../engine/turn';

/** Every state's units on the board, in one pass (integer sums: the order of adding never matters). */
export function unitsByState(t: Turn): Map<string, number> {
  const out = new Map<string, number>();
  for (const rid of t.board.regionIds) {
    const units = t.s.regions[rid]!.units;
    for (const s in units) out.set(s, (out.get(s) ?? 0) + units[s]!);
  }
  return out;
}
