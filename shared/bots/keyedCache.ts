/**
 * Values derived from several immutable objects at once (parts of a view), for the last few distinct sets of those
 * objects. Views are never changed after they are made, so a value found under the same objects is still right.
 *
 * A short list searched by identity rather than nested WeakMaps: a match asks for the same few sets over and over
 * (one per seat at most), while most view parts live for a command or two, and a WeakMap made for each of those
 * costs more than the search.
 */
export class KeyedCache<V> {
  private readonly entries: Array<{ keys: readonly object[]; value: V }> = [];

  constructor(private readonly capacity: number) {}

  get(keys: readonly object[], make: () => V): V {
    const { entries } = this;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (sameKeys(e.keys, keys)) return e.value;
    }
    const value = make();
    entries.push({ keys, value });
    if (entries.length > this.capacity) entries.shift();
    return value;
  }
}

function sameKeys(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** KeyedCache for values derived from one object: no list of keys to build for each question. */
export class RecentCache<K extends object, V> {
  private readonly keys: K[] = [];
  private readonly values: V[] = [];

  constructor(private readonly capacity: number) {}

  get(key: K, make: (key: K) => V): V {
    const { keys } = this;
    for (let i = keys.length - 1; i >= 0; i--) if (keys[i] === key) return this.values[i]!;
    const value = make(key);
    keys.push(key);
    this.values.push(value);
    if (keys.length > this.capacity) {
      keys.shift();
      this.values.shift();
    }
    return value;
  }
}
