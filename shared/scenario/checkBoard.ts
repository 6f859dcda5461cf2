import type { Region, Scenario } from './schema';
import { fault } from './path';

/**
 * Checks of the board (GAME.md §2) on a scenario whose shape zod has already accepted:
 * unique ids, theaters that exist and are used, and an adjacency graph that is symmetric
 * and connected. Each fault is its own message, so a designer fixes them all in one pass.
 */
export function checkBoard(scenario: Scenario): string[] {
  return [
    ...checkUniqueIds(scenario),
    ...checkRegionTheaters(scenario),
    ...checkEmptyTheaters(scenario),
    ...checkAdjacency(scenario),
    ...checkReachability(scenario),
  ];
}

/** Faults for every repeated id after its first use; `label` names the kind of id. */
function duplicateIds(ids: readonly { id: string; path: readonly PropertyKey[] }[], label: string): string[] {
  const seen = new Set<string>();
  const faults: string[] = [];
  for (const { id, path } of ids) {
    if (seen.has(id)) faults.push(fault(path, `duplicate ${label} id "${id}"`));
    seen.add(id);
  }
  return faults;
}

function checkUniqueIds(s: Scenario): string[] {
  // Objective ids are unique across the whole scenario so that one id names one objective
  // in scores, the debrief and exports, whichever state holds it.
  const objectives = s.states.flatMap((state, i) =>
    state.objectives.map((o, j) => ({ id: o.id, path: ['states', i, 'objectives', j, 'id'] })));
  return [
    ...duplicateIds(s.theaters.map((t, i) => ({ id: t.id, path: ['theaters', i, 'id'] })), 'theater'),
    ...duplicateIds(s.regions.map((r, i) => ({ id: r.id, path: ['regions', i, 'id'] })), 'region'),
    ...duplicateIds(s.states.map((st, i) => ({ id: st.id, path: ['states', i, 'id'] })), 'state'),
    ...duplicateIds(s.treaties.map((t, i) => ({ id: t.id, path: ['treaties', i, 'id'] })), 'treaty'),
    ...duplicateIds(objectives, 'objective'),
  ];
}

function checkRegionTheaters(s: Scenario): string[] {
  const theaters = new Set(s.theaters.map((t) => t.id));
  return s.regions.flatMap((r, i) =>
    theaters.has(r.theater) ? [] : [fault(['regions', i, 'theater'], `unknown theater "${r.theater}"`)]);
}

function checkEmptyTheaters(s: Scenario): string[] {
  const used = new Set(s.regions.map((r) => r.theater));
  return s.theaters.flatMap((t, i) => (used.has(t.id) ? [] : [fault(['theaters', i], `theater "${t.id}" holds no region`)]));
}

/** First region with each id; later duplicates are already reported by checkUniqueIds. */
function regionsById(s: Scenario): Map<string, Region> {
  const byId = new Map<string, Region>();
  for (const r of s.regions) if (!byId.has(r.id)) byId.set(r.id, r);
  return byId;
}

function checkAdjacency(s: Scenario): string[] {
  const byId = regionsById(s);
  return s.regions.flatMap((region, i) => {
    const listed = new Set<string>();
    return region.adjacency.flatMap((neighbour, j) => {
      const path = ['regions', i, 'adjacency', j];
      const other = byId.get(neighbour);
      if (neighbour === region.id) return [fault(path, `region "${region.id}" lists itself`)];
      if (other === undefined) return [fault(path, `unknown region "${neighbour}"`)];
      if (listed.has(neighbour)) return [fault(path, `"${neighbour}" is listed twice`)];
      listed.add(neighbour);
      // Movement and deterrence read adjacency from either end, so both ends must agree.
      if (!other.adjacency.includes(region.id)) return [fault(path, `"${neighbour}" does not list "${region.id}" back`)];
      return [];
    });
  });
}

/**
 * Every region must be reachable from the first one. Edges count in both directions here so
 * that one missing back-link is reported once (by checkAdjacency), not again as unreachability.
 */
function checkReachability(s: Scenario): string[] {
  const start = s.regions[0];
  if (start === undefined) return [];
  const links = undirectedLinks(s);
  const reached = new Set<string>([start.id]);
  const queue = [start.id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const n of links.get(next) ?? []) {
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  }
  return s.regions.flatMap((r, i) =>
    reached.has(r.id) ? [] : [fault(['regions', i], `"${r.id}" cannot be reached from "${start.id}"`)]);
}

function undirectedLinks(s: Scenario): Map<string, Set<string>> {
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    const set = links.get(a) ?? new Set<string>();
    set.add(b);
    links.set(a, set);
  };
  const known = new Set(s.regions.map((r) => r.id));
  for (const r of s.regions) {
    for (const n of r.adjacency) {
      if (!known.has(n)) continue;
      link(r.id, n);
      link(n, r.id);
    }
  }
  return links;
}
