import type { TreatyKind, TreatyTerms } from './terms';
import { activeOf } from './activeCache';
import { boundBy } from './parties';

export { sealBook } from './activeCache';

/** The least a treaty query needs, so that the same rule code serves the state and a seat's view. */
export interface TreatyLike {
  id: string;
  terms: TreatyTerms;
  status: string;
}
export type TreatyBook = Record<string, TreatyLike>;

/** Active treaties, sorted by id; of one kind if asked. */
export function activeTreaties(book: TreatyBook, kind?: TreatyKind): TreatyLike[] {
  return activeOf(book, kind).slice();
}

export function isParty(t: Pick<TreatyLike, 'terms'>, state: string): boolean {
  return boundBy(t.terms, state);
}

/** Active treaties of the given kinds binding both a and b. */
export function treatiesBetween(book: TreatyBook, a: string, b: string, kinds?: readonly TreatyKind[]): TreatyLike[] {
  return activeOf(book).filter(
    (t) => (kinds === undefined || kinds.includes(t.terms.kind)) && isParty(t, a) && isParty(t, b),
  );
}

/** Does host grant basing access to guest? */
export function hasBasing(book: TreatyBook, host: string, guest: string): boolean {
  return activeOf(book, 'basing').some((t) => t.terms.kind === 'basing' && t.terms.host === host && t.terms.guest === guest);
}

/** Kinds under which a state counts as friendly: it may support, and it does not count as a threat. */
export const FRIENDLY_KINDS: readonly TreatyKind[] = ['defense-pact', 'guarantee', 'basing', 'non-aggression'];

export function areFriendly(book: TreatyBook, a: string, b: string): boolean {
  return a === b || activeOf(book).some((t) => FRIENDLY_KINDS.includes(t.terms.kind) && isParty(t, a) && isParty(t, b));
}

/** Kinds whose breach by an attack costs "very large" credibility: every treaty except a sanctions coalition's target link. */
export function partnerTreaties(book: TreatyBook, a: string, b: string): TreatyLike[] {
  return treatiesBetween(book, a, b);
}

export interface Obligation {
  ally: string;
  treatyId: string;
  kind: 'defense-pact' | 'guarantee';
}

/** Who must answer an attack on the defender, and under which treaty (one per ally, pacts first, then by id). */
export function obligationsTo(book: TreatyBook, defender: string): Obligation[] {
  return obligationsAmong(activeOf(book), defender);
}

/** obligationsTo over a list already filtered by activeTreaties (active, sorted by id), for callers that hold one. */
export function obligationsAmong(active: readonly TreatyLike[], defender: string): Obligation[] {
  const out = new Map<string, Obligation>();
  for (const t of active) {
    if (t.terms.kind === 'defense-pact' && t.terms.members.includes(defender)) {
      for (const m of t.terms.members) if (m !== defender && !out.has(m)) out.set(m, { ally: m, treatyId: t.id, kind: 'defense-pact' });
    }
  }
  for (const t of active) {
    if (t.terms.kind === 'guarantee' && t.terms.protected === defender && !out.has(t.terms.guarantor)) {
      out.set(t.terms.guarantor, { ally: t.terms.guarantor, treatyId: t.id, kind: 'guarantee' });
    }
  }
  return [...out.values()].sort((a, b) => (a.ally < b.ally ? -1 : 1));
}

/** The highest guideline (whole points) among a state's active pacts; null outside pacts. */
export function guidelineOf(book: TreatyBook, state: string): number | null {
  return guidelines(book).get(state) ?? null;
}

/** guidelineOf for every state at once; states outside pacts are absent. */
export function guidelines(book: TreatyBook): ReadonlyMap<string, number> {
  return guidelinesIn(activeOf(book, 'defense-pact'));
}

const guidelinesOfList = new WeakMap<readonly TreatyLike[], ReadonlyMap<string, number>>();

/** Every member's highest guideline among the defense pacts of a list of active treaties, once per list. */
export function guidelinesIn(active: readonly TreatyLike[]): ReadonlyMap<string, number> {
  let out = guidelinesOfList.get(active);
  if (!out) {
    const byState = new Map<string, number>();
    for (const t of active) {
      if (t.terms.kind !== 'defense-pact') continue;
      const pts = Math.round(t.terms.guideline * 100);
      for (const m of t.terms.members) {
        const g = byState.get(m);
        byState.set(m, g === undefined ? pts : Math.max(g, pts));
      }
    }
    guidelinesOfList.set(active, (out = byState));
  }
  return out;
}

export function shareIntelligence(book: TreatyBook, a: string, b: string): boolean {
  return a !== b && activeOf(book, 'intelligence').some((t) => isParty(t, a) && isParty(t, b));
}

/** States that share intelligence with this one. */
export function intelligencePartners(book: TreatyBook, state: string): string[] {
  const out = new Set<string>();
  for (const t of activeOf(book, 'intelligence')) {
    if (t.terms.kind === 'intelligence' && t.terms.members.includes(state)) for (const m of t.terms.members) if (m !== state) out.add(m);
  }
  return [...out].sort();
}
