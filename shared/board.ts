import type { Region, Scenario } from './scenario/schema';

/** Lookups over a scenario's static board, built once per scenario object. */
export interface BoardIndex {
  scenario: Scenario;
  regionIds: string[];
  stateIds: string[];
  region: Map<string, Region>;
  adjacent: Map<string, Set<string>>;
  theaterOf: Map<string, string>;
  homes: Map<string, string[]>;
  capital: Map<string, string>;
  /** Regions of a theater, for eligibility ("in the attacked region's theater"). */
  theaterRegions: Map<string, string[]>;
}

const cache = new WeakMap<Scenario, BoardIndex>();

export function boardOf(scenario: Scenario): BoardIndex {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const region = new Map(scenario.regions.map((r) => [r.id, r]));
  const adjacent = new Map(scenario.regions.map((r) => [r.id, new Set(r.adjacency)]));
  const theaterOf = new Map(scenario.regions.map((r) => [r.id, r.theater]));
  const homes = new Map<string, string[]>();
  const capital = new Map<string, string>();
  const theaterRegions = new Map<string, string[]>();
  for (const r of scenario.regions) {
    if (r.home && r.owner) homes.set(r.owner, [...(homes.get(r.owner) ?? []), r.id]);
    if (r.capital && r.owner) capital.set(r.owner, r.id);
    theaterRegions.set(r.theater, [...(theaterRegions.get(r.theater) ?? []), r.id]);
  }
  const index: BoardIndex = {
    scenario,
    regionIds: scenario.regions.map((r) => r.id).sort(),
    stateIds: scenario.states.map((s) => s.id).sort(),
    region, adjacent, theaterOf, homes, capital, theaterRegions,
  };
  cache.set(scenario, index);
  return index;
}

export function isAdjacent(b: BoardIndex, a: string, c: string): boolean {
  return b.adjacent.get(a)?.has(c) ?? false;
}

export function isHome(b: BoardIndex, state: string, region: string): boolean {
  const r = b.region.get(region);
  return !!r && r.home && r.owner === state;
}
