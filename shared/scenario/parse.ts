import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema';
import { checkBoard } from './checkBoard';
import { checkStates } from './checkStates';
import { checkTreaties } from './checkTreaties';
import { fault } from './path';

/** A scenario file either becomes a Scenario, or every fault found in it, one line each. */
export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

type Issue = z.core.$ZodIssue;

/**
 * Validates a scenario document (already parsed from JSON): first its shape with zod, then,
 * only when the shape holds, the graph and cross-reference rules zod cannot express.
 * Each message starts with the path of the fault, e.g. `regions[12].adjacency[3]: …`.
 */
export function parseScenario(input: unknown): ScenarioParseResult {
  // reportInput lets a missing field read as "missing" rather than "received undefined".
  const shape = ScenarioSchema.safeParse(input, { reportInput: true });
  if (!shape.success) return { ok: false, errors: shape.error.issues.map(issueLine) };
  const errors = semanticFaults(shape.data);
  return errors.length === 0 ? { ok: true, scenario: shape.data } : { ok: false, errors };
}

/** JSON text of a scenario file (the caller reads the file; shared/ does no I/O). */
export function loadScenarioJson(text: string): ScenarioParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [`file: invalid JSON (${reason})`] };
  }
  return parseScenario(doc);
}

function semanticFaults(scenario: Scenario): string[] {
  return [...checkBoard(scenario), ...checkStates(scenario), ...checkTreaties(scenario), ...checkEventDeck(scenario)];
}

/** A scenario that draws events each round needs cards to draw. */
function checkEventDeck(s: Scenario): string[] {
  const cards = Object.values(s.eventDeck).reduce((sum, n) => sum + n, 0);
  const perRound = s.coefficients.eventsPerRound;
  return cards === 0 && perRound > 0
    ? [fault(['eventDeck'], `the deck has no cards, but coefficients.eventsPerRound is ${perRound}`)]
    : [];
}

function issueLine(issue: Issue): string {
  return fault(issue.path, issueMessage(issue));
}

function issueMessage(issue: Issue): string {
  if ('input' in issue && issue.input === undefined) {
    if (issue.code === 'invalid_type') return `missing (expected ${issue.expected})`;
    if (issue.code === 'invalid_value') return `missing (${issue.message.replace(/^Invalid option: /, '')})`;
  }
  // zod says only "Invalid key in record"; the key's own fault tells the designer what to fix.
  if (issue.code === 'invalid_key') {
    return `${issue.message}: ${issue.issues.map((inner) => inner.message).join('; ')}`;
  }
  return issue.message;
}
