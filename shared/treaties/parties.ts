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
