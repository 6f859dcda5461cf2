import type { Turn } from './turn';

/** Public support fell below the threshold: the government falls (GAME.md §4). */
export function fallGovernment(t: Turn, state: string): void {
  const n = t.s.nations[state]!;
  n.publicSupport = t.c.supportAfterFall;
  n.defenseCap = Math.round(t.c.fallDefenseCap * 100);
  changeCredibility(t, state, -t.c.credGovernmentFall, 'government fell');
  t.emit({ kind: 'government/fell', audience: 'all', state, defenseCap: n.defenseCap });
}

export function changeCredibility(t: Turn, state: string, delta: number, reason: string): void {
  const n = t.s.nations[state]!;
  const value = clamp(n.credibility + delta, 0, 100);
  const applied = value - n.credibility;
  n.credibility = value;
  if (applied !== 0 || delta !== 0) t.emit({ kind: 'credibility', audience: 'all', state, value, delta: applied, reason });
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
