import type { Obligation } from '../treaties/queries';
import { activeOf } from '../treaties/activeCache';
import { FRIENDLY_KINDS, guidelinesIn, isParty, obligationsAmong } from '../treaties/queries';
import type { TreatyKind, TreatyTerms } from '../treaties/terms';
import { treatyParties } from '../treaties/parties';
import type { PlayerView } from '../view';

type Treaties = PlayerView['treaties'];
export type Treaty = Treaties[string];

const NOBODY: ReadonlySet<string> = new Set();

/** The order activeTreaties sorts by. */
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** treatyParties of each terms object (terms are replaced, never changed in place). */
const partiesCache = new WeakMap<TreatyTerms, readonly string[]>();

/** treatyParties, listed once per terms. Shared: never change it. */
export function partiesOf(t: { terms: TreatyTerms }): readonly string[] {
  let p = partiesCache.get(t.terms);
  if (!p) partiesCache.set(t.terms, (p = treatyParties(t.terms)));
  return p;
}

/**
 * What bots read from the active treaties, once per set of treaty objects: every seat sees the same active treaties
 * (only proposals are private), and a proposal, an answer or a vote leaves them as they are, so one set serves every
 * seat for as long as the engine keeps those objects.
 */
export class ActiveFacts {
  /** Each state's friendly partners (FRIENDLY_KINDS), itself not included. */
  private friends: Map<string, Set<string>> | null = null;
  private readonly protectsCache = new Map<string, string[]>();
  private readonly obligationCache = new Map<string, Obligation[]>();
  /** Partners by the kinds asked about (one set object per question), then by state. */
  private readonly partnerCache = new Map<ReadonlySet<TreatyKind> | null, Map<string, ReadonlySet<string>>>();

  /** @param list active treaties in id order (activeTreaties of the view's book). */
  constructor(readonly list: readonly Treaty[]) {}

  /** The engine's areFriendly over the active treaties. */
  friendly(a: string, b: string): boolean {
    if (a === b) return true;
    this.friends ??= this.readFriends();
    return this.friends.get(a)?.has(b) ?? false;
  }

  private readFriends(): Map<string, Set<string>> {
    const friends = new Map<string, Set<string>>();
    for (const t of this.list) {
      if (!FRIENDLY_KINDS.includes(t.terms.kind)) continue;
      const parties = partiesOf(t);
      for (const a of parties) {
        for (const b of parties) {
          if (a === b) continue;
          let set = friends.get(a);
          if (!set) friends.set(a, (set = new Set()));
          set.add(b);
        }
      }
    }
    return friends;
  }

  /** Active treaties of one kind that a state is party to, in id order. */
  inForce(kind: TreatyKind, state: string): Treaty[] {
    return this.list.filter((t) => t.terms.kind === kind && isParty(t, state));
  }

  /** States sharing an active treaty with `me` (of the given kinds, if named), itself not included. */
  partners(me: string, kinds: ReadonlySet<TreatyKind> | null = null): ReadonlySet<string> {
    let byState = this.partnerCache.get(kinds);
    if (!byState) this.partnerCache.set(kinds, (byState = this.readPartners(kinds)));
    return byState.get(me) ?? NOBODY;
  }

  /** Every state's partners in one pass over the list (each seat asks in turn, and the list serves them all). */
  private readPartners(kinds: ReadonlySet<TreatyKind> | null): Map<string, ReadonlySet<string>> {
    const byState = new Map<string, Set<string>>();
    for (const t of this.list) {
      if (kinds && !kinds.has(t.terms.kind)) continue;
      const parties = partiesOf(t);
      for (const a of parties) {
        let set = byState.get(a);
        if (!set) byState.set(a, (set = new Set()));
        for (const s of parties) if (s !== a) set.add(s);
      }
    }
    return byState;
  }

  /** Who must answer an attack on the defender: the engine's obligationsTo over the active treaties. */
  obligationsTo(defender: string): Obligation[] {
    let hit = this.obligationCache.get(defender);
    if (!hit) this.obligationCache.set(defender, (hit = obligationsAmong(this.list, defender)));
    return hit;
  }

  /**
   * States (of `stateIds`, in that order) that `me` is obliged to defend: obligationsTo(s) names `me` exactly when an
   * active pact has both as members or `me` guarantees `s`.
   */
  protects(me: string, stateIds: readonly string[]): string[] {
    let hit = this.protectsCache.get(me);
    if (hit) return hit;
    const obliged = new Set<string>();
    for (const t of this.list) {
      if (t.terms.kind === 'defense-pact' && t.terms.members.includes(me)) for (const m of t.terms.members) obliged.add(m);
      if (t.terms.kind === 'guarantee' && t.terms.guarantor === me) obliged.add(t.terms.protected);
    }
    hit = stateIds.filter((s) => s !== me && obliged.has(s));
    this.protectsCache.set(me, hit);
    return hit;
  }

  /** The engine's guidelineOf over the active treaties: the highest guideline (whole points) of its pacts; null outside pacts. */
  guideline(me: string): number | null {
    return guidelinesIn(this.list).get(me) ?? null;
  }
}

/**
 * What bots read from one view's treaties (treatyFactsOf keeps it per treaties object); the active set, which changes
 * seldom, is shared further, by active list. Built with for-in loops:
 * a view's records are grown key by key (dictionary-mode objects in V8), where Object.values and Object.entries cost
 * several times more.
 */
export class TreatyFacts {
  readonly active: ActiveFacts;
  private allCache: Treaty[] | null = null;
  private proposals: Treaty[] | null = null;
  private readonly sharing = new Map<string, Map<TreatyKind, Set<string>>>();

  constructor(private readonly treaties: Treaties) {
    this.active = activeFactsOf(activeOf(treaties) as readonly Treaty[]);
  }

  /** Every treaty the view shows, in the record's own order. */
  get all(): Treaty[] {
    if (!this.allCache) {
      this.allCache = [];
      for (const id in this.treaties) this.allCache.push(this.treaties[id]!);
    }
    return this.allCache;
  }

  /** Parties to the treaties (not ended) of a kind that `me` is party to, itself included when it is. */
  sharedWith(me: string, kind: TreatyKind): ReadonlySet<string> {
    let byKind = this.sharing.get(me);
    if (!byKind) {
      byKind = new Map();
      for (const t of this.all) {
        if (t.status === 'ended') continue;
        const parties = partiesOf(t);
        if (!parties.includes(me)) continue;
        let set = byKind.get(t.terms.kind);
        if (!set) byKind.set(t.terms.kind, (set = new Set()));
        for (const p of parties) set.add(p);
      }
      this.sharing.set(me, byKind);
    }
    return byKind.get(kind) ?? NOBODY;
  }

  /** Proposals the view shows, in id order. */
  get proposed(): Treaty[] {
    this.proposals ??= this.all.filter((t) => t.status === 'proposed').sort(byId);
    return this.proposals;
  }
}

/**
 * Facts by treaties object: a view's treaties part stays the same object until a treaty this seat sees changes, so a
 * seat asked again in the same phase (or any seat sharing the part) finds what it read before.
 */
const factsByBook = new WeakMap<Treaties, TreatyFacts>();

export function treatyFactsOf(treaties: Treaties): TreatyFacts {
  let facts = factsByBook.get(treaties);
  if (!facts) factsByBook.set(treaties, (facts = new TreatyFacts(treaties)));
  return facts;
}

/**
 * Facts by active list: activeOf hands every sealed book with the very same active treaties (every seat's view, until
 * one is signed, changed or ended) the same list.
 */
const factsByList = new WeakMap<readonly Treaty[], ActiveFacts>();

function activeFactsOf(list: readonly Treaty[]): ActiveFacts {
  let facts = factsByList.get(list);
  if (!facts) factsByList.set(list, (facts = new ActiveFacts(list)));
  return facts;
}
