import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { loadScenarioJson, parseScenario, type Scenario, type ScenarioInput } from '../../shared/scenario';

const SCENARIO_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));

function loadShipped(name: string): Scenario {
  const result = loadScenarioJson(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(`${name}.json is invalid:\n${result.errors.join('\n')}`);
  return result.scenario;
}

describe('shipped scenarios', () => {
  it('tutorial parses and is small enough for a first lesson', () => {
    const s = loadShipped('tutorial');
    expect(s.id).toBe('tutorial');
    expect(s.states).toHaveLength(4);
    expect(s.theaters).toHaveLength(2);
    expect(s.regions.length).toBeGreaterThanOrEqual(12);
    expect(s.regions.length).toBeLessThanOrEqual(20);
    expect(s.rounds).toBe(8);
    // A crisis must be possible from round one: someone is obliged to defend someone.
    expect(s.treaties.some((t) => t.terms.kind === 'defense-pact' || t.terms.kind === 'guarantee')).toBe(true);
    expect(s.regions.some((r) => r.kind === 'sea')).toBe(true);
    expect(s.regions.some((r) => r.kind === 'strait')).toBe(true);
  });

  it('standard parses and has the size and treaty web it teaches with', () => {
    const s = loadShipped('standard');
    expect(s.id).toBe('standard');
    expect(s.states.length).toBeGreaterThanOrEqual(8);
    expect(s.states.length).toBeLessThanOrEqual(12);
    expect(s.theaters).toHaveLength(3);
    expect(s.regions.length).toBeGreaterThanOrEqual(60);
    expect(s.regions.length).toBeLessThanOrEqual(90);
    const roles = new Set(s.states.map((st) => st.role));
    expect(roles).toEqual(new Set(['status-quo', 'revisionist']));
    expect(s.states.some((st) => st.objectives.some((o) => o.secret))).toBe(true);
    const kinds = new Set(s.treaties.map((t) => t.terms.kind));
    for (const kind of ['guarantee', 'basing', 'defense-pact'] as const) expect(kinds).toContain(kind);
    expect(s.regions.some((r) => r.kind === 'strait')).toBe(true);
  });

  it.each(['tutorial', 'standard'])('%s keeps regions at least 60 units apart so the board stays legible', (name) => {
    const regions = loadShipped(name).regions;
    for (const [i, a] of regions.entries()) {
      for (const b of regions.slice(i + 1)) {
        const distance = Math.hypot(a.position.x - b.position.x, a.position.y - b.position.y);
        expect(distance, `${a.id} – ${b.id}`).toBeGreaterThanOrEqual(60);
      }
    }
  });
});

/**
 * A small valid scenario: two theaters, two states, a sea between them.
 *   a (red capital) — b (sea) — c (blue capital) — d (blue)
 */
function base(): ScenarioInput {
  return {
    id: 'mini',
    name: 'Mini',
    rounds: 3,
    theaters: [{ id: 'west', name: 'West' }, { id: 'east', name: 'East' }],
    regions: [
      { id: 'a', name: 'A', theater: 'west', position: { x: 0, y: 0 }, kind: 'land', output: 2, adjacency: ['b'], owner: 'red', home: true, capital: true },
      { id: 'b', name: 'B', theater: 'west', position: { x: 100, y: 0 }, kind: 'sea', output: 1, adjacency: ['a', 'c'] },
      { id: 'c', name: 'C', theater: 'east', position: { x: 200, y: 0 }, kind: 'land', output: 2, adjacency: ['b', 'd'], owner: 'blue', home: true, capital: true },
      { id: 'd', name: 'D', theater: 'east', position: { x: 300, y: 0 }, kind: 'strait', output: 1, adjacency: ['c'], owner: 'blue', home: true },
    ],
    states: [
      { id: 'red', name: 'Red', color: '#0072b2', role: 'status-quo', output: 50, units: { a: 3 } },
      { id: 'blue', name: 'Blue', color: '#d55e00', role: 'revisionist', output: 40, units: { c: 2, d: 1 } },
    ],
    eventDeck: { election: 1 },
  };
}

/** The base scenario's parts, for rows that break one of them. */
const region = (d: ScenarioInput, i: number) => d.regions[i]!;
const state = (d: ScenarioInput, i: number) => d.states[i]!;
const withTreaty = (d: ScenarioInput, terms: object): void => {
  d.treaties = [{ id: 't1', terms } as NonNullable<ScenarioInput['treaties']>[number]];
};
/** Sets a field to a value of the wrong type, which the typed input cannot express. */
const setRaw = (target: object, key: string, value: unknown): void => {
  (target as Record<string, unknown>)[key] = value;
};

interface BrokenCase {
  name: string;
  /** Breaks exactly one thing in a fresh copy of the base scenario. */
  breakIt: (doc: ScenarioInput) => void;
  /** Edits the serialized file instead, for faults below the JSON level. */
  editText?: (json: string) => string;
  /** The message that must be among the errors, path first. */
  error: string | RegExp;
}

const cases: BrokenCase[] = [
  { name: 'bad JSON', breakIt: () => undefined, editText: (t) => t.slice(0, -1), error: /^file: invalid JSON \(.+\)$/ },
  { name: 'not an object', breakIt: () => undefined, editText: () => 'null', error: 'scenario: Invalid input: expected object, received null' },
  { name: 'missing field', breakIt: (d) => setRaw(d, 'rounds', undefined), error: 'rounds: missing (expected number)' },
  { name: 'missing enum field', breakIt: (d) => setRaw(state(d, 0), 'role', undefined), error: 'states[0].role: missing (expected one of "status-quo"|"revisionist")' },
  { name: 'wrong type', breakIt: (d) => setRaw(d, 'rounds', 'eight'), error: 'rounds: Invalid input: expected number, received string' },
  { name: 'malformed id', breakIt: (d) => { region(d, 0).id = 'North Sea'; }, error: 'regions[0].id: an id is 1–40 lowercase letters, digits or dashes' },
  { name: 'malformed unit key', breakIt: (d) => { state(d, 0).units = { 'Bad Key': 1 }; }, error: 'states[0].units["Bad Key"]: Invalid key in record: an id is 1–40 lowercase letters, digits or dashes' },
  { name: 'bad color', breakIt: (d) => { state(d, 0).color = 'red'; }, error: 'states[0].color: Invalid string: must match pattern /^#[0-9a-fA-F]{6}$/' },
  { name: 'negative output', breakIt: (d) => { region(d, 0).output = -1; }, error: 'regions[0].output: Too small: expected number to be >=0' },
  { name: 'unknown region kind', breakIt: (d) => setRaw(region(d, 1), 'kind', 'lake'), error: 'regions[1].kind: Invalid option: expected one of "land"|"sea"|"strait"' },
  { name: 'unknown event kind', breakIt: (d) => { d.eventDeck = { meteor: 1 } as ScenarioInput['eventDeck']; }, error: 'eventDeck: Unrecognized key: "meteor"' },
  { name: 'duplicate theater id', breakIt: (d) => { d.theaters.push({ id: 'west', name: 'West again' }); }, error: 'theaters[2].id: duplicate theater id "west"' },
  { name: 'duplicate region id', breakIt: (d) => { region(d, 3).id = 'c'; }, error: 'regions[3].id: duplicate region id "c"' },
  { name: 'duplicate state id', breakIt: (d) => { state(d, 1).id = 'red'; }, error: 'states[1].id: duplicate state id "red"' },
  {
    name: 'duplicate treaty id',
    breakIt: (d) => {
      d.treaties = [
        { id: 't1', terms: { kind: 'trade', members: ['red', 'blue'] } },
        { id: 't1', terms: { kind: 'non-aggression', members: ['red', 'blue'] } },
      ];
    },
    error: 'treaties[1].id: duplicate treaty id "t1"',
  },
  {
    name: 'duplicate objective id',
    breakIt: (d) => {
      state(d, 0).objectives = [{ id: 'grow', kind: 'output-growth', factor: 1.2, points: 10 }];
      state(d, 1).objectives = [{ id: 'grow', kind: 'output-growth', factor: 1.2, points: 10 }];
    },
    error: 'states[1].objectives[0].id: duplicate objective id "grow"',
  },
  { name: 'unknown theater', breakIt: (d) => { region(d, 1).theater = 'south'; }, error: 'regions[1].theater: unknown theater "south"' },
  { name: 'empty theater', breakIt: (d) => { d.theaters.push({ id: 'north', name: 'North' }); }, error: 'theaters[2]: theater "north" holds no region' },
  { name: 'unknown adjacency', breakIt: (d) => { region(d, 3).adjacency = ['c', 'nrth-sea']; }, error: 'regions[3].adjacency[1]: unknown region "nrth-sea"' },
  { name: 'asymmetric adjacency', breakIt: (d) => { region(d, 1).adjacency = ['a']; }, error: 'regions[2].adjacency[0]: "b" does not list "c" back' },
  { name: 'self adjacency', breakIt: (d) => { region(d, 0).adjacency = ['b', 'a']; }, error: 'regions[0].adjacency[1]: region "a" lists itself' },
  { name: 'repeated adjacency', breakIt: (d) => { region(d, 0).adjacency = ['b', 'b']; }, error: 'regions[0].adjacency[1]: "b" is listed twice' },
  {
    name: 'unreachable region',
    breakIt: (d) => {
      d.regions.push(
        { id: 'e', name: 'E', theater: 'east', position: { x: 400, y: 0 }, kind: 'land', output: 1, adjacency: ['f'] },
        { id: 'f', name: 'F', theater: 'east', position: { x: 500, y: 0 }, kind: 'land', output: 1, adjacency: ['e'] },
      );
    },
    error: 'regions[5]: "f" cannot be reached from "a"',
  },
  { name: 'unknown owner', breakIt: (d) => { region(d, 1).owner = 'green'; }, error: 'regions[1].owner: unknown state "green"' },
  { name: 'home without owner', breakIt: (d) => { region(d, 1).home = true; }, error: 'regions[1].owner: home region "b" has no owner' },
  { name: 'capital not home', breakIt: (d) => { region(d, 0).home = false; }, error: 'regions[0].home: capital "a" must also be a home region' },
  { name: 'state without capital', breakIt: (d) => { region(d, 2).capital = false; }, error: 'states[1]: "blue" has no capital' },
  { name: 'two capitals', breakIt: (d) => { region(d, 3).capital = true; }, error: 'states[1]: "blue" has 2 capitals ("c", "d")' },
  { name: 'units in region not owned', breakIt: (d) => { state(d, 0).units = { a: 3, c: 1 }; }, error: 'states[0].units.c: "red" does not own "c"' },
  { name: 'units in unknown region', breakIt: (d) => { state(d, 0).units = { zz: 1 }; }, error: 'states[0].units.zz: unknown region "zz"' },
  {
    name: 'budget not summing to 1',
    breakIt: (d) => { state(d, 0).budget = { defense: 0.5, domestic: 0.5, investment: 0.1 }; },
    error: 'states[0].budget: shares sum to 1.1, not 1',
  },
  {
    name: 'objective with unknown region',
    breakIt: (d) => { state(d, 0).objectives = [{ id: 'o1', kind: 'hold-region', region: 'atlantis', points: 10 }]; },
    error: 'states[0].objectives[0].region: unknown region "atlantis"',
  },
  {
    name: 'unknown treaty party',
    breakIt: (d) => withTreaty(d, { kind: 'defense-pact', name: 'Pact', members: ['red', 'green'], guideline: 0.2 }),
    error: 'treaties[0].terms.members[1]: unknown state "green"',
  },
  {
    name: 'duplicate treaty member',
    breakIt: (d) => withTreaty(d, { kind: 'forum', name: 'Club', members: ['red', 'red'] }),
    error: 'treaties[0].terms.members[1]: duplicate member "red"',
  },
  {
    name: 'sanctions target is a member',
    breakIt: (d) => withTreaty(d, { kind: 'sanctions', members: ['red', 'blue'], target: 'blue' }),
    error: 'treaties[0].terms.target: target "blue" is also a member',
  },
  {
    name: 'sanctions target unknown',
    breakIt: (d) => withTreaty(d, { kind: 'sanctions', members: ['red'], target: 'green' }),
    error: 'treaties[0].terms.target: unknown state "green"',
  },
  {
    name: 'guarantee of oneself',
    breakIt: (d) => withTreaty(d, { kind: 'guarantee', guarantor: 'red', protected: 'red' }),
    error: 'treaties[0].terms.protected: "red" cannot guarantee itself',
  },
  {
    name: 'basing with oneself',
    breakIt: (d) => withTreaty(d, { kind: 'basing', host: 'blue', guest: 'blue' }),
    error: 'treaties[0].terms.guest: "blue" cannot host itself',
  },
  {
    name: 'guarantee by unknown state',
    breakIt: (d) => withTreaty(d, { kind: 'guarantee', guarantor: 'green', protected: 'red' }),
    error: 'treaties[0].terms.guarantor: unknown state "green"',
  },
  { name: 'empty event deck', breakIt: (d) => { d.eventDeck = {}; }, error: 'eventDeck: the deck has no cards, but coefficients.eventsPerRound is 1' },
];

describe('malformed scenarios', () => {
  it('the base scenario used by every row is itself valid', () => {
    expect(parseScenario(base())).toMatchObject({ ok: true });
  });

  it.each(cases)('$name', ({ breakIt, editText, error }) => {
    const doc = base();
    breakIt(doc);
    const json = JSON.stringify(doc);
    const result = loadScenarioJson(editText ? editText(json) : json);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    if (typeof error === 'string') expect(errors).toContain(error);
    else expect(errors.some((e) => error.test(e)), errors.join('\n')).toBe(true);
  });

  it('reports every fault, not only the first', () => {
    const doc = base();
    region(doc, 0).adjacency = ['b', 'x1', 'x2'];
    state(doc, 1).color = 'blue';
    const shape = parseScenario(doc);
    // Shape faults come alone: graph checks need a well-formed document.
    expect(shape).toEqual({ ok: false, errors: ['states[1].color: Invalid string: must match pattern /^#[0-9a-fA-F]{6}$/'] });
    state(doc, 1).color = '#d55e00';
    expect(parseScenario(doc)).toEqual({
      ok: false,
      errors: ['regions[0].adjacency[1]: unknown region "x1"', 'regions[0].adjacency[2]: unknown region "x2"'],
    });
  });
});

describe('a valid minimal scenario', () => {
  it('parses with every default filled', () => {
    const result = parseScenario(base());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const s = result.scenario;
    expect(s.format).toBe(1);
    expect(s.description).toBe('');
    expect(s.treaties).toEqual([]);
    expect(s.coefficients.unitCost).toBe(10);
    expect(s.coefficients.eventsPerRound).toBe(1);
    expect(s.regions[1]).toMatchObject({ owner: null, home: false, capital: false });
    expect(s.states[0]).toMatchObject({
      technology: 1,
      credibility: 60,
      publicSupport: 60,
      budget: { defense: 0.2, domestic: 0.5, investment: 0.3 },
      objectives: [],
      blurb: '',
    });
  });

  it('may omit the event deck when no events are drawn', () => {
    const doc = base();
    doc.eventDeck = {};
    doc.coefficients = { eventsPerRound: 0 };
    const result = parseScenario(doc);
    expect(result.ok).toBe(true);
    // Overriding one coefficient keeps the defaults of the others.
    if (result.ok) expect(result.scenario.coefficients.upkeep).toBe(1);
  });

  it('gives every parse its own defaults, so one match cannot change another', () => {
    const first = parseScenario(base());
    const second = parseScenario(base());
    if (!first.ok || !second.ok) throw new Error('base must parse');
    expect(first.scenario.coefficients).not.toBe(second.scenario.coefficients);
    expect(first.scenario.states[0]!.budget).not.toBe(second.scenario.states[0]!.budget);
  });
});
