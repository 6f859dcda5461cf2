import type { Region, Scenario, ScenarioState } from './schema';
import { fault } from './path';

/** Budget shares may be off by rounding in a hand-written file, but by no more than this. */
const BUDGET_TOLERANCE = 1e-9;

/**
 * Checks of the states on a scenario whose shape zod has already accepted: owners exist,
 * each state has one capital, starting units stand on the state's own soil, objectives name
 * real regions and starting budgets sum to 1 (GAME.md §3, §4).
 */
export function checkStates(scenario: Scenario): string[] {
  return [
    ...checkOwners(scenario),
    ...checkCapitals(scenario),
    ...scenario.states.flatMap((state, i) => [
      ...checkUnits(scenario, state, i),
      ...checkObjectives(scenario, state, i),
      ...checkBudget(state, i),
    ]),
  ];
}

function checkOwners(s: Scenario): string[] {
  const states = new Set(s.states.map((st) => st.id));
  return s.regions.flatMap((r, i) => {
    const faults: string[] = [];
    if (r.owner !== null && !states.has(r.owner)) faults.push(fault(['regions', i, 'owner'], `unknown state "${r.owner}"`));
    // Home and capital are said of the owner; an unowned home belongs to nobody.
    if ((r.home || r.capital) && r.owner === null) faults.push(fault(['regions', i, 'owner'], `home region "${r.id}" has no owner`));
    if (r.capital && !r.home) faults.push(fault(['regions', i, 'home'], `capital "${r.id}" must also be a home region`));
    return faults;
  });
}

function checkCapitals(s: Scenario): string[] {
  return s.states.flatMap((state, i) => {
    const capitals = s.regions.filter((r) => r.capital && r.owner === state.id);
    if (capitals.length === 0) return [fault(['states', i], `"${state.id}" has no capital`)];
    if (capitals.length > 1) {
      const names = capitals.map((r) => `"${r.id}"`).join(', ');
      return [fault(['states', i], `"${state.id}" has ${capitals.length} capitals (${names})`)];
    }
    return [];
  });
}

/** The first region with each id; duplicates are reported by the board checks. */
function regionLookup(s: Scenario): (id: string) => Region | undefined {
  const byId = new Map<string, Region>();
  for (const r of s.regions) if (!byId.has(r.id)) byId.set(r.id, r);
  return (id) => byId.get(id);
}

function checkUnits(s: Scenario, state: ScenarioState, i: number): string[] {
  const region = regionLookup(s);
  return Object.entries(state.units).flatMap(([id, count]) => {
    const path = ['states', i, 'units', id];
    const r = region(id);
    if (r === undefined) return [fault(path, `unknown region "${id}"`)];
    // A zero entry places nothing, so it is harmless wherever it points.
    if (count > 0 && r.owner !== state.id) return [fault(path, `"${state.id}" does not own "${id}"`)];
    return [];
  });
}

function checkObjectives(s: Scenario, state: ScenarioState, i: number): string[] {
  const region = regionLookup(s);
  return state.objectives.flatMap((o, j) =>
    o.kind === 'hold-region' && region(o.region) === undefined
      ? [fault(['states', i, 'objectives', j, 'region'], `unknown region "${o.region}"`)]
      : []);
}

function checkBudget(state: ScenarioState, i: number): string[] {
  const { defense, domestic, investment } = state.budget;
  const sum = defense + domestic + investment;
  if (Math.abs(sum - 1) <= BUDGET_TOLERANCE) return [];
  // toPrecision keeps tiny errors visible (1.00000001) while hiding float noise (1.1000000000000001).
  return [fault(['states', i, 'budget'], `shares sum to ${Number(sum.toPrecision(12))}, not 1`)];
}
