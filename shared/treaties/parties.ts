import type { TreatyKind, TreatyTerms } from './terms';

export const TREATY_KINDS = [
  'defense-pact', 'guarantee', 'basing', 'intelligence', 'trade', 'sanctions', 'non-aggression', 'technology', 'forum',
] as const satisfies readonly TreatyKind[];

/** Kinds that admit new members by unanimous vote and can grow beyond two. */
export const MULTILATERAL_KINDS: readonly TreatyKind[] = ['defense-pact', 'intelligence', 'sanctions', 'technology', 'forum'];

/** Everyone bound by the treaty, in a stable order. The sanctions target is not a party. */
export function treatyParties(terms: TreatyTerms): string[] {
  switch (terms.kind) {
    case 'guarantee':
      return [terms.guarantor, terms.protected];
    case 'basing':
      return [terms.host, terms.guest];
    default:
      return [...terms.members];
  }
}

/** Whether a state is bound by the treaty: treatyParties(terms).includes(state), without building the list. */
export function boundBy(terms: TreatyTerms, state: string): boolean {
  switch (terms.kind) {
    case 'guarantee':
      return terms.guarantor === state || terms.protected === state;
    case 'basing':
      return terms.host === state || terms.guest === state;
    default:
      return terms.members.includes(state);
  }
}

/** The same terms with a different member list (admission, expulsion, withdrawal). */
export function withMembers(terms: TreatyTerms, next: string[]): TreatyTerms {
  switch (terms.kind) {
    case 'guarantee':
    case 'basing':
      return terms;
    default:
      return { ...terms, members: next };
  }
}
