import type { BoardIndex } from './board';
import type { DeterrenceInput } from './deterrence';
import { DeterrenceReader, sameOwnerFacts } from './deterrence';
import { visibleRegions } from './fog';
import type { GameState } from './state';
import type { TreatyBook, TreatyLike } from './treaties/queries';
import { activeOf } from './treaties/activeCache';

/** What a viewer's regions show of units and deterrence. */
export interface RegionIndexes {
  /** Regions whose units the viewer sees; null when it sees them all. */
  readonly seen: ReadonlySet<string> | null;
  /** Deterrence index of each region whose units are seen (null where nobody holds it). */
  readonly indexes: Readonly<Record<string, number | null>>;
}

/**
 * The active treaties of a book, as one object per distinct set: deterrence and fog read only active treaties, so a
 * proposal, an acceptance or a vote leaves the key unchanged. Two sets are the same when they hold the same ids with
 * the same terms (terms are replaced, never changed in place). A few recent sets are kept to find the same one again.
 */
export interface ActiveSet {
  readonly list: readonly TreatyLike[];
}
const activeOfBook = new WeakMap<TreatyBook, ActiveSet>();
const activeOfList = new WeakMap<readonly TreatyLike[], ActiveSet>();
const recentActive: ActiveSet[] = [];
const RECENT = 16;

function sameActive(a: readonly TreatyLike[], b: readonly TreatyLike[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || a[i]!.terms !== b[i]!.terms) return false;
  return true;
}

export function activeSetOf(book: TreatyBook): ActiveSet {
  let set = activeOfBook.get(book);
  if (!set) {
    // activeOf hands out one list for books with the very same active treaties; equal terms are looked for only past that.
    const list = activeOf(book);
    set = activeOfList.get(list);
    if (!set) {
      set = recentActive.find((x) => sameActive(x.list, list));
      if (!set) {
        set = { list };
        recentActive.push(set);
        if (recentActive.length > RECENT) recentActive.shift();
      }
      activeOfList.set(list, set);
    }
    activeOfBook.set(book, set);
  }
  return set;
}

/**
 * Results keyed by the identity of every input they read: board, regions, nations, interoperability and the active
 * treaty set, then the seat whose fog applies ('' without fog). States are never changed once apply() returns them,
 * so an entry cannot go stale, and it goes when any of its key objects is collected.
 */
type Level = WeakMap<object, unknown>;
const root: Level = new WeakMap();

function slot(keys: readonly object[]): Map<string, RegionIndexes> {
  let m: Level = root;
  for (let i = 0; i < keys.length - 1; i++) {
    let next = m.get(keys[i]!) as Level | undefined;
    if (!next) {
      next = new WeakMap();
      m.set(keys[i]!, next);
    }
    m = next;
  }
  const last = keys[keys.length - 1]!;
  let bySeat = m.get(last) as Map<string, RegionIndexes> | undefined;
  if (!bySeat) {
    bySeat = new Map();
    m.set(last, bySeat);
  }
  return bySeat;
}

/**
 * Units seen and deterrence indexes for a viewer: without fog (`seat` null) the same for everyone; under fog, from
 * what the seat can see (hidden units count as nothing; true interoperability is a public-enough fact of the model).
 * Deterrence is the dearest part of a view, and most commands change none of what it reads, so it is worked out once
 * per distinct input and shared by every view that needs it.
 */
export function regionIndexes(b: BoardIndex, s: GameState, seat: string | null): RegionIndexes {
  const active = activeSetOf(s.treaties);
  const bySeat = slot([b, s.regions, s.nations, s.interop, active]);
  const key = seat ?? '';
  let hit = bySeat.get(key);
  if (!hit) {
    let last = lastOf.get(b);
    if (!last) lastOf.set(b, (last = new Map()));
    const before = last.get(key);
    hit = computeIndexes(b, s, seat, before);
    bySeat.set(key, hit);
    last.set(key, { regions: s.regions, nations: s.nations, interop: s.interop, active: activeOf(s.treaties), result: hit });
  }
  return hit;
}

/** The last indexes worked out per board and viewer, with the inputs they read. */
interface Last {
  readonly regions: GameState['regions'];
  readonly nations: GameState['nations'];
  readonly interop: GameState['interop'];
  readonly active: readonly TreatyLike[];
  readonly result: RegionIndexes;
}
const lastOf = new WeakMap<BoardIndex, Map<string, Last>>();

function sameSeen(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * When only the active treaties changed since the viewer's last indexes (a treaty took effect or ended, nothing moved),
 * a region's index changes only if its owner's treaty facts did: the others are taken from the last result.
 */
function computeIndexes(b: BoardIndex, s: GameState, seat: string | null, before: Last | undefined): RegionIndexes {
  const seen = seat === null ? null : visibleRegions(b, s, seat);
  const reuse = before !== undefined && before.regions === s.regions && before.nations === s.nations && before.interop === s.interop && sameSeen(before.result.seen, seen) ? before : null;
  const active = reuse === null ? null : activeOf(s.treaties);
  const same = new Map<string, boolean>();
  const unchanged = (owner: string): boolean => {
    let v = same.get(owner);
    if (v === undefined) same.set(owner, (v = sameOwnerFacts(reuse!.active, active!, owner)));
    return v;
  };
  let regions: DeterrenceInput['regions'] = s.regions;
  if (seen !== null) {
    const cut: DeterrenceInput['regions'] = {};
    for (const rid of b.regionIds) {
      const r = s.regions[rid]!;
      cut[rid] = { owner: r.owner, units: seen.has(rid) ? r.units : null };
    }
    regions = cut;
  }
  const reader = new DeterrenceReader(b, { regions, nations: s.nations, treaties: s.treaties, interop: s.interop });
  const indexes: Record<string, number | null> = {};
  for (const rid of b.regionIds) {
    if (seen !== null && !seen.has(rid)) continue;
    const owner = s.regions[rid]!.owner;
    indexes[rid] = reuse !== null && (owner === null || unchanged(owner)) ? reuse.result.indexes[rid]! : reader.indexOf(rid);
  }
  return { seen, indexes };
}
