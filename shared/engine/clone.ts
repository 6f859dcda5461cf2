import type { GameState } from '../state';

/** Deep copy of plain data (objects, arrays, primitives). */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(deepClone) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = deepClone((v as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * A private draft of the state for one command. Append-only logs (messages, reports, history)
 * are copied shallowly: their entries are never changed once written.
 */
export function draftOf(s: GameState): GameState {
  return {
    ...s,
    settings: s.settings,
    rng: [...s.rng] as GameState['rng'],
    regions: deepClone(s.regions),
    nations: deepClone(s.nations),
    seats: deepClone(s.seats),
    interop: { ...s.interop },
    treaties: deepClone(s.treaties),
    votes: deepClone(s.votes),
    orders: deepClone(s.orders),
    crises: deepClone(s.crises),
    messages: [...s.messages],
    deck: [...s.deck],
    pendingEvents: [...s.pendingEvents],
    effects: { ...s.effects },
    report: [...s.report],
    lastReport: s.lastReport,
    history: [...s.history],
    scores: deepClone(s.scores),
    winners: [...s.winners],
  };
}
