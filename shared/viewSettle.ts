/**
 * Structural sharing for memoised views: a part rebuilt from changed inputs keeps the previous build, or the entries
 * of it, wherever the content is the same, so that identity still marks what did not change.
 */

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same keys in the same order, with the very same values. */
export function sameRecord(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}

export function settleList<T>(prev: T[] | undefined, next: T[]): T[] {
  return prev !== undefined && sameList(prev, next) ? prev : next;
}

export function settleRecord<V>(prev: Record<string, V> | undefined, next: Record<string, V>): Record<string, V> {
  return prev !== undefined && sameRecord(prev, next) ? prev : next;
}

/**
 * A freshly built record whose entries equal to the previous build's (by `same`) are replaced by those, or the
 * previous build itself when every entry is. `next` must be the caller's own new object.
 */
export function settleEach<V>(prev: Record<string, V> | undefined, next: Record<string, V>, same: (a: V, b: V) => boolean): Record<string, V> {
  if (prev === undefined) return next;
  let all = true;
  for (const k in next) {
    const p = prev[k];
    if (p !== undefined && same(p, next[k]!)) next[k] = p;
    else all = false;
  }
  return all && sameRecord(prev, next) ? prev : next;
}
