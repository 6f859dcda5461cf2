import type { DebriefRound } from './data';

/**
 * The debrief's charts as plain series by round (GAME.md §9), so the page only draws and the tests
 * read the numbers. A value is null where a state or pact had none that round.
 */

export interface Series {
  id: string;
  values: (number | null)[];
}

export interface ByRound {
  rounds: number[];
  series: Series[];
}

type NationFigure = 'output' | 'credibility' | 'publicSupport' | 'technology' | 'units' | 'regions' | 'score';

/** One figure of every state, by round. */
export function nationSeries(history: readonly DebriefRound[], stateIds: readonly string[], figure: NationFigure): ByRound {
  return {
    rounds: history.map((h) => h.round),
    series: stateIds.map((id) => ({ id, values: history.map((h) => h.nations[id]?.[figure] ?? null) })),
  };
}

/** Defense share (whole points) of every state by round, and the guideline it was held to (null outside pacts). */
export function defenseSeries(history: readonly DebriefRound[], stateIds: readonly string[]): ByRound & { guidelines: Series[] } {
  return {
    rounds: history.map((h) => h.round),
    series: stateIds.map((id) => ({ id, values: history.map((h) => h.nations[id]?.budget.defense ?? null) })),
    guidelines: stateIds.map((id) => ({ id, values: history.map((h) => h.nations[id]?.guideline ?? null) })),
  };
}

/** Cohesion of every defense pact that existed, by round (null before it was signed and after it ended). */
export function cohesionSeries(history: readonly DebriefRound[]): ByRound & { guidelines: Series[] } {
  const ids = [...new Set(history.flatMap((h) => Object.keys(h.pacts)))].sort();
  return {
    rounds: history.map((h) => h.round),
    series: ids.map((id) => ({ id, values: history.map((h) => h.pacts[id]?.cohesion ?? null) })),
    // RoundStats keeps a pact's guideline as a share; whole points here, as everywhere on the page.
    guidelines: ids.map((id) => ({ id, values: history.map((h) => { const g = h.pacts[id]?.guideline; return g === undefined ? null : Math.round(g * 100); }) })),
  };
}

export interface DeterrencePoint {
  round: number;
  region: string;
  defender: string | null;
  attackers: string[];
  /** The attacked region's deterrence index when orders closed. */
  deterrence: number;
  meanAllyCredibility: number | null;
  taken: boolean;
}

/** Every attacked region with its deterrence index, by round. */
export function deterrencePoints(history: readonly DebriefRound[]): DeterrencePoint[] {
  return history.flatMap((h) => h.attacks.map((a) => ({ round: h.round, ...a, attackers: [...a.attackers] })));
}

export interface NetworkEdge {
  a: string;
  b: string;
  /** Treaty kinds linking the two, sorted. */
  kinds: string[];
}

/** The alliance network at the end of a round: one edge per pair of states bound by any treaty. */
export function networkAt(history: readonly DebriefRound[], round: number): NetworkEdge[] {
  const h = history.find((x) => x.round === round);
  if (!h) return [];
  return networkOf(h.treaties);
}

/** Edges from a list of treaties (multilateral ones link every pair of members). */
export function networkOf(treaties: readonly { kind: string; parties: readonly string[] }[]): NetworkEdge[] {
  const edges = new Map<string, Set<string>>();
  for (const t of treaties) {
    const ps = [...t.parties].sort();
    for (let i = 0; i < ps.length; i++) {
      for (let j = i + 1; j < ps.length; j++) {
        const key = `${ps[i]}|${ps[j]}`;
        const set = edges.get(key) ?? new Set<string>();
        set.add(t.kind);
        edges.set(key, set);
      }
    }
  }
  return [...edges.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([key, kinds]) => {
    const [a, b] = key.split('|') as [string, string];
    return { a, b, kinds: [...kinds].sort() };
  });
}
