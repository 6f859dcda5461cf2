import type { BoardIndex } from './board';
import type { GameState } from './state';
import { intelligencePartners } from './treaties/queries';

/** Regions whose units a seat sees under fog (GAME.md §6). */
export function visibleRegions(b: BoardIndex, s: Pick<GameState, 'regions' | 'treaties'>, state: string): Set<string> {
  const seen = new Set<string>();
  const eyes = [state, ...intelligencePartners(s.treaties, state)];
  for (const rid of b.regionIds) {
    const r = s.regions[rid]!;
    for (const e of eyes) {
      if (r.owner === e || (r.units[e] ?? 0) > 0) {
        seen.add(rid);
        if (e === state) for (const n of b.adjacent.get(rid) ?? []) if (r.owner === state) seen.add(n);
      }
    }
  }
  return seen;
}
