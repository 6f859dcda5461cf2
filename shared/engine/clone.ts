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
 * A shallow copy of a record keyed by id; keys keep their order. A for-in loop, not a spread: records grown key by
 * key are dictionary-mode objects in V8, and spreading those is several times slower.
 */
function copy<V>(rec: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k in rec) out[k] = rec[k]!;
  return out;
}

/** A copy of a record whose values are copied by `each`; keys keep their order. */
function mapValues<V>(rec: Record<string, V>, each: (v: V) => V): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k in rec) out[k] = each(rec[k]!);
  return out;
}

/**
 * A private draft of the state for one command: apply() runs on this copy, so its input is never changed.
 *
 * It is copied as deep as the engine writes, and no deeper: this runs on every command, and a generic deep clone of
 * the whole state was most of the cost of replaying a log. What handlers change in place is copied (region units,
 * a treaty's acceptances, notices and enforcement, ballots, a seat's aid and sanctions, a crisis's commitment); what
 * they only ever replace stays shared with the input (treaty terms, budgets, force order lists and orders, scores,
 * and the entries of the append-only logs: messages, reports, history).
 * A handler that starts writing inside a shared value must copy it here: the property test that freezes every
 * state before applying a command to it (tests/engine/properties.test.ts) fails the moment one does.
 */
export function draftOf(s: GameState): GameState {
  return {
    ...s,
    settings: s.settings,
    rng: [...s.rng] as GameState['rng'],
    regions: mapValues(s.regions, (r) => ({ ...r, units: copy(r.units) })),
    nations: mapValues(s.nations, (n) => ({ ...n })),
    seats: mapValues(s.seats, (x) => ({ ...x })),
    interop: copy(s.interop),
    treaties: mapValues(s.treaties, (tr) => ({ ...tr, accepted: [...tr.accepted], notices: copy(tr.notices), enforcing: copy(tr.enforcing) })),
    votes: mapValues(s.votes, (v) => ({ ...v, voters: [...v.voters], ballots: copy(v.ballots) })),
    orders: mapValues(s.orders, (o) => ({ ...o, force: [...o.force], aid: copy(o.aid), sanctions: copy(o.sanctions) })),
    crises: s.crises.map((c) => ({ ...c, attackers: [...c.attackers], committed: copy(c.committed) })),
    messages: [...s.messages],
    deck: [...s.deck],
    pendingEvents: [...s.pendingEvents],
    effects: { ...s.effects },
    report: [...s.report],
    lastReport: s.lastReport,
    history: [...s.history],
    scores: copy(s.scores),
    winners: [...s.winners],
  };
}

/**
 * The draft for a seat command that writes nothing but that seat's orders and the append-only logs (orders, budgets,
 * aid, sanctions votes, messages, declarations: see apply.ts). Most of a match's log is such commands, so they share
 * everything else with their input instead of copying it. The frozen-state property test guards this too.
 */
export function ordersDraftOf(s: GameState, seat: string): GameState {
  const orders = copy(s.orders);
  const mine = s.orders[seat];
  if (mine) orders[seat] = { ...mine, force: [...mine.force], aid: copy(mine.aid), sanctions: copy(mine.sanctions) };
  return {
    ...s,
    rng: [...s.rng] as GameState['rng'],
    orders,
    messages: [...s.messages],
    report: [...s.report],
  };
}
