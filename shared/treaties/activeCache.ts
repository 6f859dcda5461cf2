import type { TreatyBook, TreatyLike } from './queries';
import type { TreatyKind } from './terms';

/**
 * The active treaties of a book, sorted by id, remembered per book: the rules, resolution and bots ask the same book
 * for them many times. A sealed book (the treaties of a state apply() returned, or of a view) never changes again, so
 * its answer is simply kept. Any other book (a draft being resolved, a bot's own) may change between two questions,
 * so its answer is kept with what it was read from (each entry, its status and terms) and used again only while that
 * is unchanged: checking is much cheaper than sorting.
 *
 * Sealed books with the very same active treaty objects share one answer, the same list object: a proposal, an
 * answer or a vote makes a new book (and every seat's view its own) but seldom a new active set, so whatever is keyed
 * on the list (deterrence facts, the bots' treaty facts) is found again.
 */
interface Active {
  all: readonly TreatyLike[];
  byKind: Map<TreatyKind, readonly TreatyLike[]>;
  /** What the answer was read from; null for a sealed book. */
  read: { ids: string[]; entries: TreatyLike[]; statuses: string[]; terms: unknown[] } | null;
}
const cache = new WeakMap<TreatyBook, Active | null>();

/** Answers for sealed books met lately, by the active treaties found in a book's own key order; newest last. */
const recent: Array<{ found: readonly TreatyLike[]; active: Active }> = [];
const RECENT = 16;

/** Promise that this book is never changed again, so its answers may be kept. */
export function sealBook(book: TreatyBook): void {
  const hit = cache.get(book);
  // Sealed already (null: not read since). An answer read while the book was still changing is dropped: read again,
  // sealed, it is the shared one.
  if (hit === null || hit?.read === null) return;
  cache.set(book, null);
}

function stillValid(book: TreatyBook, read: NonNullable<Active['read']>): boolean {
  // Object.keys, not for-in: books are dictionary-mode objects, where for-in checks every key again as it goes.
  const ids = Object.keys(book);
  if (ids.length !== read.ids.length) return false;
  for (let i = 0; i < ids.length; i++) {
    const t = book[ids[i]!]!;
    if (ids[i] !== read.ids[i] || t !== read.entries[i] || t.status !== read.statuses[i] || t.terms !== read.terms[i]) return false;
  }
  return true;
}

function byId(a: TreatyLike, b: TreatyLike): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sameList(a: readonly TreatyLike[], b: readonly TreatyLike[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readDraft(book: TreatyBook): Active {
  const ids = Object.keys(book);
  const entries = ids.map((id) => book[id]!);
  const all = entries.filter((t) => t.status === 'active').sort(byId);
  return { all, byKind: new Map(), read: { ids, entries, statuses: entries.map((t) => t.status), terms: entries.map((t) => t.terms) } };
}

/** A sealed book's answer: the shared one when its active treaties are those of a book met lately. */
function readSealed(book: TreatyBook): Active {
  const found: TreatyLike[] = [];
  for (const id in book) {
    const t = book[id]!;
    if (t.status === 'active') found.push(t);
  }
  for (let i = recent.length - 1; i >= 0; i--) if (sameList(recent[i]!.found, found)) return recent[i]!.active;
  const all = [...found].sort(byId);
  const same = recent.find((r) => sameList(r.active.all, all));
  const active = same?.active ?? { all, byKind: new Map(), read: null };
  recent.push({ found, active });
  if (recent.length > RECENT) recent.shift();
  return active;
}

/** The active treaties (of a kind), sorted by id. Shared: never to be changed by the caller. */
export function activeOf(book: TreatyBook, kind?: TreatyKind): readonly TreatyLike[] {
  let hit = cache.get(book);
  if (!hit || (hit.read !== null && !stillValid(book, hit.read))) {
    hit = hit === null ? readSealed(book) : readDraft(book);
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
