import type { Turn } from '../engine/turn';
import { pairKey } from '../pairKey';
import type { Forces } from './forces';

/** Joint exercises held this round: a pair counts when both ordered one with the other in the same theater. */
export function resolveExercises(t: Turn, f: Forces): Set<string> {
  const held = new Set<string>();
  for (const x of f.exercises) {
    const theater = t.board.theaterOf.get(x.from);
    const key = pairKey(x.state, x.partner);
    const matched = f.exercises.some((y) => y.state === x.partner && y.partner === x.state && t.board.theaterOf.get(y.from) === theater);
    if (!matched) {
      t.emit({ kind: 'exercise/unmatched', audience: [x.state], state: x.state, partner: x.partner });
      continue;
    }
    if (held.has(key)) continue;
    held.add(key);
    const value = Math.min(1, Math.round(((t.s.interop[key] ?? t.c.interopStrangers) + t.c.interopExercise) * 1000) / 1000);
    t.s.interop[key] = value;
    t.emit({ kind: 'exercise/held', audience: 'all', states: [x.state, x.partner].sort(), theater: theater ?? '', interoperability: value });
  }
  return held;
}
