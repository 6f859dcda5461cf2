import type { Scenario } from './schema';
import type { TreatyTerms } from '../treaties/terms';
import { fault } from './path';

/**
 * Checks of the starting treaties (GAME.md §5) on a scenario whose shape zod has already
 * accepted: every party is a known state, named once, and directed treaties have two sides.
 */
export function checkTreaties(scenario: Scenario): string[] {
  const states = new Set(scenario.states.map((s) => s.id));
  return scenario.treaties.flatMap((treaty, i) => checkTerms(treaty.terms, ['treaties', i, 'terms'], states));
}

function checkTerms(terms: TreatyTerms, path: readonly PropertyKey[], states: ReadonlySet<string>): string[] {
  const known = (key: string, id: string): string[] =>
    states.has(id) ? [] : [fault([...path, key], `unknown state "${id}"`)];
  switch (terms.kind) {
    case 'guarantee':
      return [
        ...known('guarantor', terms.guarantor),
        ...known('protected', terms.protected),
        ...(terms.guarantor === terms.protected ? [fault([...path, 'protected'], `"${terms.guarantor}" cannot guarantee itself`)] : []),
      ];
    case 'basing':
      return [
        ...known('host', terms.host),
        ...known('guest', terms.guest),
        ...(terms.host === terms.guest ? [fault([...path, 'guest'], `"${terms.host}" cannot host itself`)] : []),
      ];
    case 'sanctions':
      return [...checkMembers(terms.members, path, states), ...checkTarget(terms.target, terms.members, path, states)];
    default:
      return checkMembers(terms.members, path, states);
  }
}

function checkMembers(members: readonly string[], path: readonly PropertyKey[], states: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  return members.flatMap((m, j) => {
    const at = [...path, 'members', j];
    if (!states.has(m)) return [fault(at, `unknown state "${m}"`)];
    if (seen.has(m)) return [fault(at, `duplicate member "${m}"`)];
    seen.add(m);
    return [];
  });
}

/** A coalition cannot sanction one of its own members. */
function checkTarget(target: string, members: readonly string[], path: readonly PropertyKey[], states: ReadonlySet<string>): string[] {
  const at = [...path, 'target'];
  if (!states.has(target)) return [fault(at, `unknown state "${target}"`)];
  if (members.includes(target)) return [fault(at, `target "${target}" is also a member`)];
  return [];
}
