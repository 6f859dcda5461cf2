import { expect } from 'vitest';
import type {
  Budget, ControlCommand, ForceOrder, GameEvent, GameState, MatchSettingsInput, Phase, PlayerView, ScenarioInput, SeatCommand,
  TreatyTerms, Viewer,
} from '../../../shared';
import { apply, stateHash, view } from '../../../shared';
import { Match, miniScenario } from './miniBoard';

/**
 * Rule tables (STYLE.md §7): every row is a named case on the mini board — a board patch, the commands,
 * and the outcome expected — and fails on its own, like a DATC case.
 *
 * A row's match starts before the first step, so steps begin in round 1's diplomacy phase
 * (the briefing is skipped). Treaties in the board patch are active from the start with cohesion 70.
 */

/** One thing that happens in a row, in order. */
export type Step =
  | { kind: 'seat'; state: string; command: SeatCommand }
  | { kind: 'control'; command: ControlCommand; role: 'system' | 'facilitator' }
  | { kind: 'to'; phase: Phase }
  /** Advance the phase once (system clock). */
  | { kind: 'advance' }
  /** Finish the round: advance (answering nothing) until the round number changes or the match ends. */
  | { kind: 'next' }
  /** Answer the open crisis that calls on this ally. */
  | { kind: 'crisis'; state: string; choice: 'honor' | 'abstain'; units: number }
  /** Set up something no command can (a starting value), between commands. */
  | { kind: 'edit'; edit: (s: GameState) => void };

export interface Row {
  name: string;
  /** Changes to the mini board (scenario file) before the match is created. */
  board?: (s: ScenarioInput) => void;
  settings?: MatchSettingsInput;
  /** Changes to the new match's state before it starts (e.g. interoperability, cohesion). */
  prep?: (s: GameState) => void;
  steps?: Step[];
  /** Dotted paths into the final state with their exact expected values. */
  expect?: Record<string, unknown>;
  /** Events that must have been emitted during the row (each matched partially). */
  events?: Array<Record<string, unknown>>;
  /** Events that must not have been emitted (partial match). */
  absent?: Array<Record<string, unknown>>;
  /** A view to check, and dotted paths into it. */
  view?: { as: Viewer; expect: Record<string, unknown> };
  /** Anything the table cannot say as data. */
  check?: (m: Match) => void;
}

export interface RefusalRow {
  name: string;
  board?: (s: ScenarioInput) => void;
  settings?: MatchSettingsInput;
  prep?: (s: GameState) => void;
  /** Steps that bring the match to where the refused command is tried. */
  steps?: Step[];
  /** Who tries: a state id, 'facilitator' or 'system'. */
  by: string;
  command: SeatCommand | ControlCommand;
  code: string;
  /** Do not start the match (the command is tried in setup). */
  unstarted?: boolean;
  /** The time of the command, when it must differ from the driver's clock. */
  at?: number;
}

// ---------------------------------------------------------------- step builders

export const say = (state: string, command: SeatCommand): Step => ({ kind: 'seat', state, command });
export const ctl = (command: ControlCommand, role: 'system' | 'facilitator' = 'facilitator'): Step => ({ kind: 'control', command, role });
export const to = (phase: Phase): Step => ({ kind: 'to', phase });
export const ORDERS: Step = { kind: 'to', phase: 'orders' };
export const NEXT: Step = { kind: 'next' };
export const ADVANCE: Step = { kind: 'advance' };
export const edit = (fn: (s: GameState) => void): Step => ({ kind: 'edit', edit: fn });

const order = (state: string, o: ForceOrder): Step => say(state, { type: 'order', order: o });
export const attack = (state: string, from: string, dest: string, units: number): Step => order(state, { kind: 'attack', from, to: dest, units });
export const move = (state: string, from: string, dest: string, units: number): Step => order(state, { kind: 'move', from, to: dest, units });
export const support = (state: string, from: string, dest: string, units: number): Step => order(state, { kind: 'support', from, to: dest, units });
export const exercise = (state: string, from: string, partner: string, units: number): Step => order(state, { kind: 'exercise', from, partner, units });
export const budget = (state: string, defense: number, domestic: number, investment: number): Step =>
  say(state, { type: 'setBudget', budget: { defense, domestic, investment } satisfies Budget });
export const propose = (state: string, terms: TreatyTerms): Step => say(state, { type: 'propose', terms });
export const accept = (state: string, treaty: string): Step => say(state, { type: 'respond', treaty, accept: true });
export const decline = (state: string, treaty: string): Step => say(state, { type: 'respond', treaty, accept: false });
export const withdraw = (state: string, treaty: string, mode: 'notice' | 'immediate'): Step => say(state, { type: 'withdraw', treaty, mode });
export const honor = (state: string, units: number): Step => ({ kind: 'crisis', state, choice: 'honor', units });
export const abstain = (state: string): Step => ({ kind: 'crisis', state, choice: 'abstain', units: 0 });
export const ready = (state: string): Step => say(state, { type: 'ready', ready: true });

// ---------------------------------------------------------------- board builders

type Treaty = NonNullable<ScenarioInput['treaties']>[number];
/** Add starting treaties (active from round 1). */
export const withTreaties = (...treaties: Treaty[]) => (s: ScenarioInput): void => {
  s.treaties = [...(s.treaties ?? []), ...treaties];
};
export const pact = (id: string, members: string[], guideline = 0.2): Treaty => ({ id, terms: { kind: 'defense-pact', name: id.toUpperCase(), members, guideline } });
export const treaty = (id: string, terms: TreatyTerms): Treaty => ({ id, terms });
/** Compose board patches. */
export const boards = (...patches: Array<(s: ScenarioInput) => void>) => (s: ScenarioInput): void => {
  for (const p of patches) p(s);
};
export const coefficients = (c: Record<string, number>) => (s: ScenarioInput): void => {
  s.coefficients = { ...(s.coefficients ?? {}), ...c };
};
/** Patch one state of the scenario. */
export const nation = (id: string, patch: Record<string, unknown>) => (s: ScenarioInput): void => {
  const st = s.states.find((x) => x.id === id);
  if (!st) throw new Error(`no state ${id}`);
  Object.assign(st, patch);
};
/** Patch one region of the scenario. */
export const region = (id: string, patch: Record<string, unknown>) => (s: ScenarioInput): void => {
  const r = s.regions.find((x) => x.id === id);
  if (!r) throw new Error(`no region ${id}`);
  Object.assign(r, patch);
};

// ---------------------------------------------------------------- running

export function at(v: unknown, path: string): unknown {
  let cur: unknown = v;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function expectValue(actual: unknown, expected: unknown, label: string): void {
  if (typeof expected === 'number' && !Number.isInteger(expected)) expect(actual, label).toBeCloseTo(expected, 6);
  else expect(actual, label).toEqual(expected);
}

function runStep(m: Match, step: Step): void {
  switch (step.kind) {
    case 'seat':
      m.must(step.state, step.command);
      return;
    case 'control': {
      const r = m.control(step.command, step.role);
      if (!r.ok) throw new Error(`${step.command.type} refused: ${r.code} ${r.message}`);
      return;
    }
    case 'to':
      m.to(step.phase);
      return;
    case 'advance':
      m.advance();
      return;
    case 'next': {
      const round = m.state.round;
      for (let i = 0; i < 10 && m.state.round === round && m.state.phase !== 'ended'; i++) m.advance();
      return;
    }
    case 'crisis': {
      const c = m.state.crises.find((x) => x.ally === step.state && x.choice === null);
      if (!c) throw new Error(`no open crisis calls on ${step.state}`);
      m.must(step.state, { type: 'crisisChoice', crisis: c.id, choice: step.choice, units: step.units });
      return;
    }
    case 'edit':
      step.edit(m.state);
      return;
  }
}

/** Build the row's match and play its steps. */
export function play(row: Pick<Row, 'board' | 'settings' | 'prep' | 'steps'>, start = true): Match {
  const m = new Match(miniScenario(row.board), row.settings ?? {});
  row.prep?.(m.state);
  if (start) m.start();
  for (const step of row.steps ?? []) runStep(m, step);
  return m;
}

/** Play a row and check everything it expects. */
export function runRow(row: Row): Match {
  const m = play(row);
  for (const [path, value] of Object.entries(row.expect ?? {})) expectValue(at(m.state, path), value, `${row.name}: ${path}`);
  for (const e of row.events ?? []) expect(m.events, `${row.name}: event ${JSON.stringify(e)}`).toContainEqual(expect.objectContaining(e));
  for (const e of row.absent ?? []) expect(m.events, `${row.name}: no event ${JSON.stringify(e)}`).not.toContainEqual(expect.objectContaining(e));
  if (row.view) {
    const v: PlayerView = view(m.scenario, m.state, row.view.as);
    for (const [path, value] of Object.entries(row.view.expect)) expectValue(at(v, path), value, `${row.name}: view ${path}`);
  }
  row.check?.(m);
  return m;
}

/** Try the refused command: it must be refused with the code, and change nothing at all. */
export function runRefusal(row: RefusalRow): void {
  const m = play(row, !row.unstarted);
  const before = JSON.stringify(m.state);
  const hash = stateHash(m.state);
  const state = m.state;
  const when = row.at ?? m.clock + 10;
  const env = row.by === 'facilitator' || row.by === 'system'
    ? { at: when, actor: { role: row.by }, command: row.command as ControlCommand }
    : { at: when, actor: { role: 'seat' as const, state: row.by }, command: row.command as SeatCommand };
  const r = apply(m.scenario, state, env as Parameters<typeof apply>[2]);
  expect(r.ok, `${row.name}: refused`).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(row.code);
    expect(r.message.length).toBeGreaterThan(0);
  }
  expect(m.state).toBe(state);
  expect(JSON.stringify(state)).toBe(before);
  expect(stateHash(state)).toBe(hash);
}

/** The events of one kind emitted in a row. */
export function eventsOf<K extends GameEvent['kind']>(m: Match, kind: K): Array<Extract<GameEvent, { kind: K }>> {
  return m.events.filter((e): e is Extract<GameEvent, { kind: K }> => e.kind === kind);
}
