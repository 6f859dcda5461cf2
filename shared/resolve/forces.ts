import type { Turn } from '../engine/turn';
import type { ForceOrder } from '../orders';

/** Where every unit stands when orders close, before anything moves. */
export interface Forces {
  /** Units that neither move nor attack, by state then region. They may hold, support, exercise or be committed. */
  stay: Map<string, Map<string, number>>;
  attacks: Array<Extract<ForceOrder, { kind: 'attack' }> & { state: string; survivors: number }>;
  moves: Array<Extract<ForceOrder, { kind: 'move' }> & { state: string }>;
  supports: Array<Extract<ForceOrder, { kind: 'support' }> & { state: string }>;
  exercises: Array<Extract<ForceOrder, { kind: 'exercise' }> & { state: string }>;
  /** Units committed by honored crises: state → origin region → region defended → units. */
  committed: Array<{ state: string; origin: string; region: string; units: number }>;
}

export function get(m: Map<string, Map<string, number>>, state: string, region: string): number {
  return m.get(state)?.get(region) ?? 0;
}

export function add(m: Map<string, Map<string, number>>, state: string, region: string, n: number): void {
  let inner = m.get(state);
  if (!inner) {
    inner = new Map();
    m.set(state, inner);
  }
  inner.set(region, (inner.get(region) ?? 0) + n);
}

/**
 * Split every stack by its orders. Orders were checked when given; here they are clamped again so that
 * no order can spend units a stack does not have.
 */
export function gatherForces(t: Turn): Forces {
  const f: Forces = { stay: new Map(), attacks: [], moves: [], supports: [], exercises: [], committed: [] };
  for (const rid of t.board.regionIds) {
    for (const [state, n] of Object.entries(t.s.regions[rid]!.units)) if (n > 0) add(f.stay, state, rid, n);
  }
  for (const state of t.stateIds) {
    const orders = [...(t.s.orders[state]?.force ?? [])];
    for (const o of orders) {
      const free = get(f.stay, state, o.from);
      if (o.kind === 'attack' || o.kind === 'move') {
        const n = Math.min(o.units, free);
        if (n <= 0) continue;
        add(f.stay, state, o.from, -n);
        if (o.kind === 'attack') f.attacks.push({ ...o, units: n, state, survivors: n });
        else f.moves.push({ ...o, units: n, state });
      }
    }
    for (const o of orders) {
      if (o.kind === 'support') f.supports.push({ ...o, state });
      if (o.kind === 'exercise') f.exercises.push({ ...o, state });
    }
  }
  for (const c of t.s.crises) {
    if (c.choice !== 'honor') continue;
    for (const [origin, n] of Object.entries(c.committed).sort()) {
      const units = Math.min(n, get(f.stay, c.ally, origin));
      if (units <= 0) continue;
      add(f.stay, c.ally, origin, -units);
      f.committed.push({ state: c.ally, origin, region: c.region, units });
    }
  }
  return f;
}
