import type { TreatyBook, TreatyLike } from './queries';
import type { TreatyKind } from './terms';

/**
 * The active treaties of a book, sorted by id, remembered per book: the rules, resolution and bots ask the same book
 * for them many times. A sealed book (the treaties of a state apply() returned, or of a view) never changes again, so
 * its answer is simply kept. Any other book (a draft being resolved, a bot's own) may change between two questions,
 * so its answer is kept with what it was read from (each entry, its status and terms) and used again only while that
 * is unchanged: checking is much cheaper than sorting.
 */
interface Active {
  all: readonly TreatyLike[];
  byKind: Map<TreatyKind, readonly TreatyLike[]>;
  /** What the answer was read from; null for a sealed book. */
  read: { ids: string[]; entries: TreatyLike[]; statuses: string[]; terms: unknown[] } | null;
}
const cache = new WeakMap<TreatyBook, Active | null>();

/** Promise that this book is never changed again, so its answers may be kept. */
export function sealBook(book: TreatyBook): void {
  const hit = cache.get(book);
  if (hit === null) return;
  // An answer read while the book was still changing is dropped, not kept for good.
  if (hit === undefined || (hit.read !== null && !stillValid(book, hit.read))) cache.set(book, null);
  else hit.read = null;
}

function stillValid(book: TreatyBook, read: NonNullable<Active['read']>): boolean {
  const ids = Object.keys(book);
  if (ids.length !== read.ids.length) return false;
  for (let i = 0; i < ids.length; i++) {
    const t = book[ids[i]!]!;
    if (ids[i] !== read.ids[i] || t !== read.entries[i] || t.status !== read.statuses[i] || t.terms !== read.terms[i]) return false;
  }
  return true;
}

function readBook(book: TreatyBook, sealed: boolean): Active {
  const ids = Object.keys(book);
  const entries = ids.map((id) => book[id]!);
  const all = entries.filter((t) => t.status === 'active').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const read = sealed ? null : { ids, entries, statuses: entries.map((t) => t.status), terms: entries.map((t) => t.terms) };
  return { all, byKind: new Map(), read };
}

/** The active treaties (of a kind), sorted by id. Shared: never to be changed by the caller. */
export function activeOf(book: TreatyBook, kind?: TreatyKind): readonly TreatyLike[] {
  let hit = cache.get(book);
  if (!hit || (hit.read !== null && !stillValid(book, hit.read))) {
    hit = readBook(book, hit === null);
    cache.set(book, hit);
  }
  if (kind === undefined) return hit.all;
  let some = hit.byKind.get(kind);
  if (!some) {
    some = hit.all.filter((t) => t.terms.kind === kind);
    hit.byKind.set(kind, some);
  }
  return some;
}
