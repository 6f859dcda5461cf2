import type { ForceOrder } from './orders';

/** Two orders occupy the same slot when they would be the same instruction with another count. */
export function sameSlot(a: ForceOrder, b: ForceOrder): boolean {
  if (a.kind !== b.kind || a.from !== b.from) return false;
  if (a.kind === 'exercise' && b.kind === 'exercise') return a.partner === b.partner;
  if (a.kind !== 'exercise' && b.kind !== 'exercise') return a.to === b.to;
  return false;
}
