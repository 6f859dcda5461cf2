import type { BoardIndex } from '../board';
import { boardOf } from '../board';
import type { Scenario } from '../scenario/schema';

/** What bots read from the static scenario, worked out once per scenario object (it never changes). */
export interface BoardFacts {
  b: BoardIndex;
  /** Each state's declared role; absent states count as status-quo. */
  role: Map<string, 'status-quo' | 'revisionist'>;
  /** Each state's output at the start of the match. */
  startOutput: Map<string, number>;
  name: Map<string, string>;
  /** Regions each state holds at the start, counted. */
  startRegions: Map<string, number>;
  /** Neighbours of each region in id order. */
  near: Map<string, string[]>;
  /** Theaters in id order. */
  theaters: string[];
  /** Regions of each theater, in id order. */
  theaterRegions: Map<string, string[]>;
  /** Regions exactly two steps from each region (neither it nor a neighbour), in id order. */
  far: Map<string, string[]>;
}

const cache = new WeakMap<Scenario, BoardFacts>();

export function boardFactsOf(scenario: Scenario): BoardFacts {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const b = boardOf(scenario);
  const role = new Map<string, 'status-quo' | 'revisionist'>();
  const startOutput = new Map<string, number>();
  const name = new Map<string, string>();
  // The first entry wins, as scenario.states.find would.
  for (const s of [...scenario.states].reverse()) {
    role.set(s.id, s.role);
    startOutput.set(s.id, s.output);
    name.set(s.id, s.name);
  }
  const startRegions = new Map<string, number>();
  for (const r of scenario.regions) if (r.owner !== null) startRegions.set(r.owner, (startRegions.get(r.owner) ?? 0) + 1);
  const near = new Map<string, string[]>();
  const far = new Map<string, string[]>();
  for (const region of b.regionIds) {
    const adjacent = b.adjacent.get(region) ?? new Set<string>();
    near.set(region, [...adjacent].sort());
    const two = new Set<string>();
    for (const r of adjacent) for (const x of b.adjacent.get(r) ?? []) if (x !== region && !adjacent.has(x)) two.add(x);
    far.set(region, [...two].sort());
  }
  const theaters = [...b.theaterRegions.keys()].sort();
  const theaterRegions = new Map(theaters.map((th) => [th, [...(b.theaterRegions.get(th) ?? [])].sort()]));
  const facts: BoardFacts = { b, role, startOutput, name, startRegions, theaters, theaterRegions, near, far };
  cache.set(scenario, facts);
  return facts;
}
