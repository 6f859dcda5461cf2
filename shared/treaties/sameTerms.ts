import { treatyParties } from './parties';
import type { TreatyTerms } from './terms';

/** termsKey of each terms object (terms are replaced, never changed in place). */
const keys = new WeakMap<TreatyTerms, string>();

/**
 * What makes two terms the same treaty, as one string: the kind, then the guarantor and protected state, the host and
 * guest, or the sorted parties (and a sanctions target). Ids are lowercase letters, digits and dashes (IdSchema), so
 * neither '|' nor ',' can occur in one.
 */
export function termsKey(terms: TreatyTerms): string {
  let key = keys.get(terms);
  if (key === undefined) keys.set(terms, (key = readKey(terms)));
  return key;
}

function readKey(terms: TreatyTerms): string {
  switch (terms.kind) {
    case 'guarantee':
      return `${terms.kind}|${terms.guarantor}|${terms.protected}`;
    case 'basing':
      return `${terms.kind}|${terms.host}|${terms.guest}`;
    case 'sanctions':
      return `${terms.kind}|${terms.target}|${[...treatyParties(terms)].sort().join(',')}`;
    default:
      return `${terms.kind}|${[...treatyParties(terms)].sort().join(',')}`;
  }
}

/** Two terms name the same treaty (the engine refuses a second one while the first is proposed or in force). */
export function sameTerms(a: TreatyTerms, b: TreatyTerms): boolean {
  return termsKey(a) === termsKey(b);
}
