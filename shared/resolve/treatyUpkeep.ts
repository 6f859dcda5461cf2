import type { Turn } from '../engine/turn';
import { leaveTreaty } from '../treaties/lifecycle';
import { activeTreaties } from '../treaties/queries';
import { pairKey } from '../pairKey';

/** Notices that fall due take effect; interoperability erodes without exercises and grows in forums. */
export function resolveTreatyUpkeep(t: Turn, exercised: Set<string>): void {
  for (const tr of activeTreaties(t.s.treaties)) {
    for (const [state, due] of Object.entries(t.s.treaties[tr.id]!.notices).sort()) {
      if (due <= t.s.round) leaveTreaty(t, tr.id, state, false);
    }
  }
  const forum = new Set<string>();
  for (const tr of activeTreaties(t.s.treaties, 'forum')) {
    if (tr.terms.kind !== 'forum') continue;
    const m = tr.terms.members;
    for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) forum.add(pairKey(m[i]!, m[j]!));
  }
  for (const key of Object.keys(t.s.interop).sort()) {
    let v = t.s.interop[key]!;
    if (!exercised.has(key)) v -= t.c.interopDecay;
    if (forum.has(key)) v += t.c.interopForum;
    t.s.interop[key] = Math.round(Math.min(1, Math.max(0.5, v)) * 1000) / 1000;
  }
}
