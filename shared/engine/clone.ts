import type { GameState } from '../state';
import { settleRecord, settleWhole } from './settle';

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

/** The records of the state keyed by id, whose entries handlers change in place. */
export type Keyed = 'regions' | 'nations' | 'seats' | 'treaties' | 'votes' | 'orders';
type EntryOf<K extends Keyed> = GameState[K][string];

/**
 * How deep one entry is copied: as deep as the engine writes, and no deeper. What handlers change in place is copied
 * (region units, a treaty's acceptances, notices and enforcement, ballots, a seat's aid and sanctions); what they only
 * ever replace stays shared with the input (treaty terms, budgets, force order lists and orders).
 */
const ENTRY: { [K in Keyed]: (v: EntryOf<K>) => EntryOf<K> } = {
  regions: (r) => ({ ...r, units: copy(r.units) }),
  nations: (n) => ({ ...n }),
  seats: (x) => ({ ...x }),
  treaties: (tr) => ({ ...tr, accepted: [...tr.accepted], notices: copy(tr.notices), enforcing: copy(tr.enforcing) }),
  votes: (v) => ({ ...v, voters: [...v.voters], ballots: copy(v.ballots) }),
  orders: (o) => ({ ...o, force: [...o.force], aid: copy(o.aid), sanctions: copy(o.sanctions) }),
};

type Crisis = GameState['crises'][number];
const copyCrisis = (c: Crisis): Crisis => ({ ...c, attackers: [...c.attackers], committed: copy(c.committed) });

/** Parts copied whole. The entries of the append-only logs (messages, reports, history) are never changed, only added. */
export type Whole = 'interop' | 'messages' | 'deck' | 'pendingEvents' | 'effects' | 'report' | 'history' | 'scores' | 'winners';
const WHOLE: { [K in Whole]: (v: GameState[K]) => GameState[K] } = {
  interop: copy,
  messages: (m) => [...m],
  deck: (d) => [...d],
  pendingEvents: (p) => [...p],
  effects: (e) => ({ ...e }),
  report: (r) => [...r],
  history: (h) => [...h],
  scores: copy,
  winners: (w) => [...w],
};

const KEYED: readonly Keyed[] = ['regions', 'nations', 'seats', 'treaties', 'votes', 'orders'];
const WHOLES = Object.keys(WHOLE) as Whole[];

/**
 * A private draft of the state for one command: apply() runs on it, so its input is never changed.
 *
 * The draft starts as a copy of the top level only, and a command claims what it will write before it writes it:
 * one entry of a record, a record's key set, a whole part, or everything. Whatever nobody claims stays the very same
 * object as in the input, so unchanged parts keep their identity from state to state (views and diffs skip them by
 * identity) and the common commands copy almost nothing. What each command claims is listed in engine/claims.ts;
 * settle() then gives back the input's objects for whatever was claimed but came out unchanged.
 * A handler that writes something its command did not claim writes into the input: the tests that freeze every state
 * before applying a command to it (tests/engine/drafts.test.ts, which also fails if some command kind is never
 * applied, and tests/engine/properties.test.ts) fail the moment one does.
 */
export class Draft {
  readonly s: GameState;
  private full = false;
  /** Records whose key set is private, with the ids of the entries copied so far ('every': all of them). */
  private readonly records = new Map<Keyed, Set<string> | 'every'>();
  /** Parts copied whole, and crises copied; most commands copy none, so these are made on first use. */
  private wholes: Set<Whole | 'crises'> | null = null;
  private crises: Set<string> | null = null;

  /** The state being drafted; null when the caller owns it outright. */
  private readonly input: GameState | null;

  /** `owned`: the input is already private to the caller (a state it built), so nothing needs copying. */
  constructor(input: GameState, owned = false) {
    this.s = owned ? input : { ...input };
    this.full = owned;
    this.input = owned ? null : input;
  }

  /** Once the command is done: what was claimed but came out unchanged is the input's own object again (settle.ts). */
  settle(): void {
    const input = this.input;
    if (input === null) return;
    // By the fixed list of parts, not by iterating the map: no iterator or entry pairs to build after every command.
    if (this.records.size > 0) {
      for (const part of KEYED) {
        const ids = this.records.get(part);
        if (ids !== undefined) settleRecord(input, this.s, part, ids === 'every' ? Object.keys(this.s[part]) : ids);
      }
    }
    if (this.wholes !== null) for (const part of this.wholes) settleWhole(input, this.s, part);
  }

  /** The record's key set is private (entries may be added or deleted); its entries stay shared until claimed. */
  record(part: Keyed): void {
    if (!this.full) this.ownedIds(part);
  }

  private ownedIds(part: Keyed): Set<string> | 'every' {
    let owned = this.records.get(part);
    if (!owned) {
      owned = new Set();
      this.records.set(part, owned);
      (this.s as Record<Keyed, unknown>)[part] = copy(this.s[part] as Record<string, unknown>);
    }
    return owned;
  }

  /** One entry of a record may be changed in place (an id the record lacks claims nothing more than the key set). */
  entry(part: Keyed, id: string): void {
    if (this.full) return;
    const owned = this.ownedIds(part);
    if (owned === 'every' || owned.has(id)) return;
    owned.add(id);
    const rec = this.s[part] as Record<string, EntryOf<Keyed>>;
    const v = rec[id];
    if (v !== undefined) rec[id] = (ENTRY[part] as (x: EntryOf<Keyed>) => EntryOf<Keyed>)(v);
  }

  /** Every entry of a record may be changed. One pass builds the record and its copied entries together. */
  allOf(part: Keyed): void {
    if (this.full) return;
    const owned = this.records.get(part);
    if (owned === 'every') return;
    const src = this.s[part] as Record<string, EntryOf<Keyed>>;
    const each = ENTRY[part] as (x: EntryOf<Keyed>) => EntryOf<Keyed>;
    const out: Record<string, EntryOf<Keyed>> = {};
    for (const id in src) out[id] = owned?.has(id) ? src[id]! : each(src[id]!);
    (this.s as Record<Keyed, unknown>)[part] = out;
    this.records.set(part, 'every');
  }

  /** A part copied whole. */
  whole(part: Whole): void {
    if (this.full) return;
    this.wholes ??= new Set();
    if (this.wholes.has(part)) return;
    this.wholes.add(part);
    (this.s as Record<Whole, unknown>)[part] = (WHOLE[part] as (v: unknown) => unknown)(this.s[part]);
  }

  /** One crisis may be changed in place. */
  crisis(id: string): void {
    if (this.full) return;
    this.crises ??= new Set();
    if (this.crises.has(id)) return;
    this.wholes ??= new Set();
    if (!this.wholes.has('crises')) {
      this.wholes.add('crises');
      this.s.crises = [...this.s.crises];
    }
    this.crises.add(id);
    const i = this.s.crises.findIndex((c) => c.id === id);
    if (i >= 0) this.s.crises[i] = copyCrisis(this.s.crises[i]!);
  }

  /** Everything may be changed: for resolution, cards and the rare commands that reach into many parts. */
  all(): void {
    if (this.full) return;
    for (const part of KEYED) this.allOf(part);
    for (const c of this.s.crises) this.crisis(c.id);
    this.wholes ??= new Set();
    if (!this.wholes.has('crises')) this.s.crises = [...this.s.crises];
    for (const part of WHOLES) this.whole(part);
    this.full = true;
  }
}

/** A fully private draft of the state (every part copied as deep as the engine writes). */
export function draftOf(s: GameState): GameState {
  const d = new Draft(s);
  d.all();
  return d.s;
}
