/**
 * Structural sharing for memoised views: a part rebuilt from changed inputs keeps the previous build, or the entries
 * of it, wherever the content is the same, so that identity still marks what did not change.
 */

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Keys read into one reusable array, so that comparing builds nothing: views are settled after most commands. */
const keys: string[] = [];

/** The same keys in the same order, with the very same values. */
export function sameRecord(a: object, b: object): boolean {
  let n = 0;
  for (const k in a) {
    if (n < keys.length) keys[n] = k;
    else keys.push(k);
    n++;
  }
  let i = 0;
  for (const k in b) {
    if (i === n || k !== keys[i] || (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
    i++;
  }
  return i === n;
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
