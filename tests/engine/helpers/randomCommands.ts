import fc from 'fast-check';
import type {
  ApplyResult, Budget, CommandEnvelope, ControlCommand, ForceOrder, GameState, MatchSettings, Scenario, SeatCommand, TreatyKind,
  TreatyTerms,
} from '../../../shared';
import { apply, createMatch, EVENT_KINDS, legalOrders, MatchSettingsSchema, MULTILATERAL_KINDS, pairChannel, TREATY_KINDS, treatyParties, view } from '../../../shared';

/**
 * Random command sequences for property tests (GAME.md §4 invariants, determinism, visibility).
 *
 * A sequence is data: a list of abstract `Step`s that fast-check generates and shrinks. Each step is turned into one
 * concrete command only when it is applied, by reading the state it meets (`commandFor`). Reading the state lets the
 * steps lean on `legalOrders`, open proposals, votes and crises, so matches really play through their rounds, while
 * other steps are made to be refused: garbage that is still schema-valid (unknown ids, too many units, not adjacent,
 * wrong phase, a time earlier than the last command, a seat that does not exist).
 */

/** What a step asks for. `act` is whatever fits the phase; the others are tried in any phase. */
export const STEP_KINDS = [
  'act', 'advance', 'ready', 'order', 'garbageOrder', 'cancelOrder', 'hold', 'budget', 'aid', 'sanctionsVote',
  'propose', 'respond', 'proposeVote', 'castVote', 'withdraw', 'declare', 'message', 'crisisChoice',
  'start', 'pause', 'resume', 'extend', 'injectEvent', 'setSeat', 'broadcast', 'endMatch', 'unknownSeat', 'timeTravel',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Relative weights: mostly phase-fitting actions and phase advances, a steady trickle of everything else. */
export const STEP_WEIGHTS: Record<StepKind, number> = {
  act: 150, advance: 25, ready: 8, order: 6, garbageOrder: 6, cancelOrder: 3, hold: 3, budget: 4, aid: 3, sanctionsVote: 2,
  propose: 4, respond: 4, proposeVote: 2, castVote: 2, withdraw: 1, declare: 2, message: 4, crisisChoice: 3,
  start: 1, pause: 2, resume: 3, extend: 1, injectEvent: 3, setSeat: 2, broadcast: 1, endMatch: 1, unknownSeat: 1, timeTravel: 1,
};

/** One abstract step: a kind and a few free numbers the interpreter reads as choices (who, which, how many, when). */
export interface Step {
  kind: StepKind;
  a: number;
  b: number;
  c: number;
  d: number;
  /** Milliseconds since the last command. */
  dt: number;
}

export function stepArb(weights: Partial<Record<StepKind, number>> = {}): fc.Arbitrary<Step> {
  const kinds = STEP_KINDS.map((k) => ({ arbitrary: fc.constant(k), weight: weights[k] ?? STEP_WEIGHTS[k] })).filter((w) => w.weight > 0);
  const n = fc.nat({ max: 1_000_000 });
  return fc.record({ kind: fc.oneof(...kinds), a: n, b: n, c: n, d: n, dt: fc.nat({ max: 5_000 }) });
}

export function stepsArb(opts: { minLength?: number; maxLength?: number; weights?: Partial<Record<StepKind, number>> } = {}): fc.Arbitrary<Step[]> {
  return fc.array(stepArb(opts.weights), { minLength: opts.minLength ?? 0, maxLength: opts.maxLength ?? 200, size: 'max' });
}

/** Match settings worth varying: fog, variance, press, facilitator omniscience, bots, a shorter match, a skipped briefing. */
export function settingsArb(opts: { rounds?: fc.Arbitrary<number | undefined> } = {}): fc.Arbitrary<MatchSettings> {
  return fc.record({
    fog: fc.boolean(),
    combatVariance: fc.boolean(),
    press: fc.constantFrom('full' as const, 'full' as const, 'public' as const, 'none' as const),
    facilitatorSeesAll: fc.boolean(),
    botsFill: fc.boolean(),
    briefing: fc.constantFrom(0, 15),
    rounds: opts.rounds ?? fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined, freq: 3 }),
  }).map(({ briefing, rounds, ...rest }) => MatchSettingsSchema.parse({
    ...rest, ...(rounds === undefined ? {} : { rounds }),
    phaseSeconds: { briefing, diplomacy: 300, orders: 180, crisis: 60 },
  }));
}

/** Everything one random match needs. */
export interface MatchPlan {
  settings: MatchSettings;
  seed: string;
  steps: Step[];
}

export function matchPlanArb(opts: { minSteps?: number; maxSteps?: number; settings?: fc.Arbitrary<MatchSettings>; weights?: Partial<Record<StepKind, number>> } = {}): fc.Arbitrary<MatchPlan> {
  return fc.record({
    settings: opts.settings ?? settingsArb(),
    seed: fc.stringMatching(/^[a-z0-9]{1,12}$/),
    steps: stepsArb({ minLength: opts.minSteps ?? 0, maxLength: opts.maxSteps ?? 200, weights: opts.weights }),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The interpreter: a step, read against the state it meets, becomes one command.
// ---------------------------------------------------------------------------------------------------------------

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);
const sortedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).sort();

/** Ids that no scenario uses, but that pass the id schema. */
export const GHOST_STATE = 'atlantis';
export const GHOST_REGION = 'nowhere-7';
export const GHOST_ID = 'ghost-1';

function stateIds(scenario: Scenario): string[] {
  return scenario.states.map((s) => s.id).sort();
}

function seatEnv(at: number, state: string, command: SeatCommand): CommandEnvelope {
  return { at, actor: { role: 'seat', state }, command };
}

function controlEnv(at: number, command: ControlCommand, role: 'system' | 'facilitator' = 'system'): CommandEnvelope {
  return { at, actor: { role }, command };
}

/** Regions where the seat has units, sorted. */
function stacksOf(s: GameState, seat: string): string[] {
  return sortedKeys(s.regions).filter((r) => (s.regions[r]!.units[seat] ?? 0) > 0);
}

/** Unique, trimmed, schema-valid text, so a leak test can search the bytes for it. */
function text(s: GameState, tag: string, step: Step): string {
  return `${tag} n${s.nextId} k${step.a % 997}`;
}

/** A budget in whole points; mostly plausible, sometimes extreme. */
export function budgetOf(b: number, c: number): Budget {
  const defense = b % 4 === 0 ? b % 101 : 10 + (b % 31);
  const domestic = (c % (101 - defense));
  return { defense, domestic, investment: 100 - defense - domestic };
}

function termsFor(scenario: Scenario, seat: string, step: Step): TreatyTerms {
  const ids = stateIds(scenario);
  const others = ids.filter((x) => x !== seat);
  const kind: TreatyKind = pick(TREATY_KINDS, step.b)!;
  const other = pick(others, step.c)!;
  // Occasionally a proposal that names a state that does not exist, or leaves out the proposer.
  const odd = step.d % 23 === 0 ? GHOST_STATE : step.d % 29 === 0 ? pick(others, step.c + 1)! : seat;
  const group = (min: number): string[] => {
    const size = min + (step.d % 3);
    const out = [odd];
    for (let i = 0; out.length < size && i < others.length; i++) {
      const x = others[(step.c + i * 5) % others.length]!;
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  switch (kind) {
    case 'defense-pact': return { kind, name: `Pact ${step.a % 100}`, members: group(2), guideline: (step.d % 41) / 100 };
    case 'guarantee': return step.d % 2 === 0 ? { kind, guarantor: odd, protected: other } : { kind, guarantor: other, protected: odd };
    case 'basing': return step.d % 2 === 0 ? { kind, host: odd, guest: other } : { kind, host: other, guest: odd };
    case 'intelligence': return { kind, members: step.d % 31 === 0 ? [odd, odd] : group(2) };
    case 'trade': return { kind, members: [odd, other] };
    case 'sanctions': {
      const members = group(1);
      const target = step.d % 37 === 0 ? odd : (pick(ids.filter((x) => !members.includes(x)), step.a) ?? other);
      return { kind, members, target };
    }
    case 'non-aggression': return { kind, members: [odd, other] };
    case 'technology': return { kind, members: group(2) };
    case 'forum': return { kind, name: `Forum ${step.a % 100}`, members: group(2) };
  }
}

/** A force order built from `legalOrders` for some seat that has one; null when nobody has any. */
function legalOrderCommand(scenario: Scenario, s: GameState, step: Step, at: number): CommandEnvelope | null {
  const ids = stateIds(scenario);
  for (let k = 0; k < ids.length; k++) {
    const seat = ids[(step.a + k) % ids.length]!;
    const options = legalOrders(scenario, view(scenario, s, { role: 'seat', state: seat }));
    if (options.length === 0) continue;
    // Lean towards attacks and supports so that combat and crises happen.
    const preferred = step.d % 3 === 0 ? options.filter((o) => o.kind === 'attack' || o.kind === 'support') : options;
    const o = pick(preferred.length ? preferred : options, step.b)!;
    const units = 1 + (step.c % Math.max(1, o.maxUnits));
    const order: ForceOrder = o.kind === 'exercise'
      ? { kind: 'exercise', from: o.from, partner: o.target, units }
      : { kind: o.kind, from: o.from, to: o.target, units };
    return seatEnv(at, seat, { type: 'order', order });
  }
  return null;
}

/** A schema-valid order the engine must refuse, or a plausible one in whatever phase it is. */
function garbageOrder(scenario: Scenario, s: GameState, seat: string, step: Step): ForceOrder {
  const regions = scenario.regions.map((r) => r.id).sort();
  const mine = stacksOf(s, seat);
  const from = pick(mine, step.b) ?? pick(regions, step.b)!;
  const have = s.regions[from]?.units[seat] ?? 0;
  const near = scenario.regions.find((r) => r.id === from)?.adjacency ?? [];
  const to = pick(near, step.c) ?? pick(regions, step.c)!;
  const foreign = near.filter((r) => { const o = s.regions[r]?.owner; return o !== null && o !== undefined && o !== seat; });
  const own = near.filter((r) => s.regions[r]?.owner === seat);
  switch (step.d % 10) {
    case 0: return { kind: 'attack', from: GHOST_REGION, to, units: 1 };
    case 1: return { kind: 'move', from, to: GHOST_REGION, units: 1 };
    case 2: return { kind: 'attack', from, to, units: Math.min(10_000, have + 1 + (step.a % 5)) };
    case 3: return { kind: 'support', from, to: pick(regions, step.a)!, units: 1 };
    case 4: return { kind: 'exercise', from, partner: seat, units: 1 };
    case 5: return { kind: 'exercise', from, partner: step.a % 2 ? GHOST_STATE : pick(stateIds(scenario), step.a)!, units: 1 };
    case 6: return { kind: 'move', from, to: from, units: 1 };
    case 7: return { kind: 'move', from, to: pick(foreign, step.a) ?? to, units: 1 };
    case 8: return { kind: 'attack', from, to: pick(own, step.a) ?? to, units: 1 };
    default: return { kind: 'support', from, to: pick(foreign, step.a) ?? to, units: 1 };
  }
}

function crisisCommand(s: GameState, step: Step, at: number): CommandEnvelope | null {
  const open = s.crises.filter((c) => c.choice === null);
  const crisis = pick(open, step.b) ?? pick(s.crises, step.b);
  if (!crisis) return null;
  const honor = step.d % 3 !== 0;
  // Now and then: no units, or more than eligible, or the defender answering a call meant for its ally.
  const units = !honor || step.c % 13 === 0 ? 0 : 1 + (step.c % Math.max(1, crisis.eligible + (step.c % 5 === 0 ? 2 : 0)));
  const who = step.c % 11 === 0 ? crisis.defender : crisis.ally;
  return seatEnv(at, who, { type: 'crisisChoice', crisis: crisis.id, choice: honor ? 'honor' : 'abstain', units });
}

function respondCommand(scenario: Scenario, s: GameState, step: Step, at: number): CommandEnvelope {
  const open = sortedKeys(s.treaties).map((id) => s.treaties[id]!).filter((t) => t.status === 'proposed');
  const tr = pick(open, step.b);
  if (!tr) return seatEnv(at, pick(stateIds(scenario), step.a)!, { type: 'respond', treaty: GHOST_ID, accept: true });
  const waiting = treatyParties(tr.terms).filter((p) => !tr.accepted.includes(p));
  const who = step.c % 11 === 0 ? pick(stateIds(scenario), step.a)! : (pick(waiting, step.a) ?? tr.proposer);
  return seatEnv(at, who, { type: 'respond', treaty: tr.id, accept: step.d % 5 !== 0 });
}

function proposeVoteCommand(scenario: Scenario, s: GameState, step: Step, at: number): CommandEnvelope {
  const ids = stateIds(scenario);
  const multi = sortedKeys(s.treaties).map((id) => s.treaties[id]!).filter((t) => t.status === 'active' && MULTILATERAL_KINDS.includes(t.terms.kind));
  const tr = pick(multi, step.b);
  if (!tr) return seatEnv(at, pick(ids, step.a)!, { type: 'proposeVote', treaty: GHOST_ID, vote: { kind: 'guideline', guideline: 20 } });
  const members = treatyParties(tr.terms);
  const seat = pick(members, step.a)!;
  switch (step.d % 3) {
    case 0: {
      const candidate = pick(ids.filter((x) => !members.includes(x)), step.c) ?? pick(ids, step.c)!;
      return seatEnv(at, seat, { type: 'proposeVote', treaty: tr.id, vote: { kind: 'admit', candidate } });
    }
    case 1: return seatEnv(at, seat, { type: 'proposeVote', treaty: tr.id, vote: { kind: 'guideline', guideline: step.c % 101 } });
    default: return seatEnv(at, seat, { type: 'proposeVote', treaty: tr.id, vote: { kind: 'expel', member: pick(members, step.c)! } });
  }
}

function castVoteCommand(scenario: Scenario, s: GameState, step: Step, at: number): CommandEnvelope {
  const open = sortedKeys(s.votes).map((id) => s.votes[id]!).filter((v) => v.status === 'open');
  const v = pick(open, step.b);
  if (!v) return seatEnv(at, pick(stateIds(scenario), step.a)!, { type: 'castVote', vote: GHOST_ID, yes: true });
  const waiting = v.voters.filter((x) => v.ballots[x] === undefined);
  const who = step.c % 9 === 0 ? pick(stateIds(scenario), step.c)! : (pick(waiting, step.a) ?? pick(v.voters, step.a)!);
  return seatEnv(at, who, { type: 'castVote', vote: v.id, yes: step.d % 4 !== 0 });
}

function withdrawCommand(scenario: Scenario, s: GameState, step: Step, at: number): CommandEnvelope {
  const active = sortedKeys(s.treaties).map((id) => s.treaties[id]!).filter((t) => t.status === 'active');
  const tr = pick(active, step.b);
  if (!tr) return seatEnv(at, pick(stateIds(scenario), step.a)!, { type: 'withdraw', treaty: GHOST_ID, mode: 'notice' });
  const seat = pick(treatyParties(tr.terms), step.a)!;
  return seatEnv(at, seat, { type: 'withdraw', treaty: tr.id, mode: step.d % 3 === 0 ? 'immediate' : 'notice' });
}

function messageCommand(scenario: Scenario, s: GameState, seat: string, step: Step, at: number): CommandEnvelope {
  const ids = stateIds(scenario);
  const other = pick(ids.filter((x) => x !== seat), step.c)!;
  const mine = sortedKeys(s.treaties).filter((id) => s.treaties[id]!.status === 'active' && treatyParties(s.treaties[id]!.terms).includes(seat));
  let channel: string;
  switch (step.b % 6) {
    case 0: channel = 'public'; break;
    case 1: case 2: channel = pairChannel(seat, other); break;
    case 3: channel = mine.length ? `treaty:${pick(mine, step.c)!}` : 'public'; break;
    case 4: channel = pick([`pair:${seat}:${seat}`, `treaty:${GHOST_ID}`, 'backroom', pairChannel(other, pick(ids, step.d)!)], step.d)!; break;
    default: {
      const any = sortedKeys(s.treaties).filter((id) => s.treaties[id]!.status === 'active');
      channel = any.length ? `treaty:${pick(any, step.c)!}` : 'public';
    }
  }
  return seatEnv(at, seat, { type: 'message', channel, text: text(s, 'psst', step) });
}

function seatStep(scenario: Scenario, s: GameState, kind: StepKind, step: Step, at: number): CommandEnvelope | null {
  const ids = stateIds(scenario);
  const seat = pick(ids, step.a)!;
  const others = ids.filter((x) => x !== seat);
  switch (kind) {
    case 'ready': return seatEnv(at, seat, { type: 'ready', ready: step.d % 6 !== 0 });
    case 'order': {
      const legal = s.phase === 'orders' ? legalOrderCommand(scenario, s, step, at) : null;
      return legal ?? seatEnv(at, seat, { type: 'order', order: garbageOrder(scenario, s, seat, { ...step, d: 2 * 7 + 6 }) });
    }
    case 'garbageOrder': return seatEnv(at, seat, { type: 'order', order: garbageOrder(scenario, s, seat, step) });
    case 'cancelOrder': {
      const existing = s.orders[seat]?.force ?? [];
      const order = pick(existing, step.b) ?? garbageOrder(scenario, s, seat, step);
      return seatEnv(at, seat, { type: 'cancelOrder', order });
    }
    case 'hold': {
      const from = step.d % 5 === 0 ? GHOST_REGION : (pick(stacksOf(s, seat), step.b) ?? GHOST_REGION);
      return seatEnv(at, seat, { type: 'hold', from });
    }
    case 'budget': return seatEnv(at, seat, { type: 'setBudget', budget: budgetOf(step.b, step.c) });
    case 'aid': {
      const to = step.d % 9 === 0 ? seat : step.d % 13 === 0 ? GHOST_STATE : pick(others, step.b)!;
      const output = s.nations[seat]!.output;
      const amount = step.d % 7 === 0 ? Math.min(100_000, output + 1 + (step.c % 50)) : step.c % Math.max(1, Math.floor(output / 5));
      return seatEnv(at, seat, { type: 'aid', to, amount });
    }
    case 'sanctionsVote': {
      const coalitions = sortedKeys(s.treaties).filter((id) => {
        const t = s.treaties[id]!;
        return t.status === 'active' && t.terms.kind === 'sanctions';
      });
      const tid = pick(coalitions, step.b);
      const tr = tid ? s.treaties[tid]! : undefined;
      const who = tr && step.d % 4 !== 0 ? pick(treatyParties(tr.terms), step.a)! : seat;
      return seatEnv(at, who, { type: 'sanctionsVote', treaty: tid ?? GHOST_ID, enforce: step.c % 3 !== 0 });
    }
    case 'propose': return seatEnv(at, seat, { type: 'propose', terms: termsFor(scenario, seat, step) });
    case 'respond': return respondCommand(scenario, s, step, at);
    case 'proposeVote': return proposeVoteCommand(scenario, s, step, at);
    case 'castVote': return castVoteCommand(scenario, s, step, at);
    case 'withdraw': return withdrawCommand(scenario, s, step, at);
    case 'declare': return seatEnv(at, seat, { type: 'declare', text: text(s, 'hear', step) });
    case 'message': return messageCommand(scenario, s, seat, step, at);
    case 'crisisChoice':
      return crisisCommand(s, step, at) ?? seatEnv(at, seat, { type: 'crisisChoice', crisis: GHOST_ID, choice: 'honor', units: 1 });
    default: return null;
  }
}

/** What fits the phase: in diplomacy treaty work and talk, in orders force orders and budgets, in a crisis the answers. */
function actStep(scenario: Scenario, s: GameState, step: Step, at: number): CommandEnvelope {
  const choose = (table: ReadonlyArray<readonly [StepKind, number]>): StepKind => {
    const total = table.reduce((a, [, w]) => a + w, 0);
    let r = step.d % total;
    for (const [k, w] of table) {
      if (r < w) return k;
      r -= w;
    }
    return table[0]![0];
  };
  // Re-spread d so the sub-choice and the step's own use of d are not the same number.
  const inner = { ...step, d: Math.floor(step.d / 7) };
  switch (s.phase) {
    case 'setup': return controlEnv(at, { type: 'start' });
    case 'briefing': return seatStep(scenario, s, choose([['ready', 3], ['declare', 1], ['message', 1]]), inner, at)!;
    case 'diplomacy':
      return seatStep(scenario, s, choose([
        ['propose', 5], ['respond', 8], ['proposeVote', 2], ['castVote', 4], ['withdraw', 1], ['message', 3], ['declare', 1], ['ready', 2],
      ]), inner, at)!;
    case 'orders': {
      const k = choose([['order', 14], ['budget', 3], ['aid', 1], ['sanctionsVote', 1], ['cancelOrder', 1], ['hold', 1], ['ready', 1]]);
      if (k === 'order') return legalOrderCommand(scenario, s, inner, at) ?? seatStep(scenario, s, 'budget', inner, at)!;
      return seatStep(scenario, s, k, inner, at)!;
    }
    case 'crisis': return crisisCommand(s, inner, at) ?? controlEnv(at, { type: 'advancePhase' });
    case 'ended': return seatStep(scenario, s, 'message', inner, at)!;
  }
}

function controlStep(scenario: Scenario, s: GameState, step: Step, at: number): CommandEnvelope | null {
  const ids = stateIds(scenario);
  const role = step.d % 2 === 0 ? 'system' as const : 'facilitator' as const;
  switch (step.kind) {
    case 'advance': return controlEnv(at, { type: 'advancePhase' }, role);
    case 'start': return controlEnv(at, { type: 'start' }, role);
    case 'pause': return controlEnv(at, { type: 'pause' }, 'facilitator');
    case 'resume': return controlEnv(at, { type: 'resume' }, 'facilitator');
    case 'extend': return controlEnv(at, { type: 'extend', seconds: 1 + (step.b % 600) }, 'facilitator');
    // Ending a match early is rare, so most matches play to their last round.
    case 'endMatch': return controlEnv(at, { type: step.b % 6 === 0 || s.phase === 'ended' ? 'endMatch' : 'advancePhase' }, 'facilitator');
    case 'broadcast': return controlEnv(at, { type: 'broadcast', text: text(s, 'all hear', step) }, 'facilitator');
    case 'setSeat': {
      const controller = pick(['human', 'bot', 'open'] as const, step.b)!;
      const doctrine = pick([undefined, null, 'guardian', 'free-rider', 'opportunist', 'hedger'] as const, step.c);
      const state = step.d % 17 === 0 ? GHOST_STATE : pick(ids, step.a)!;
      return controlEnv(at, { type: 'setSeat', state, controller, ...(doctrine === undefined ? {} : { doctrine }) }, 'facilitator');
    }
    case 'injectEvent': {
      const custom = step.b % 8 === 7;
      const card = custom ? 'custom' as const : pick(EVENT_KINDS, step.b)!;
      const regions = scenario.regions.map((r) => r.id).sort();
      const target = pick([undefined, pick(ids, step.c), pick(regions, step.c), GHOST_STATE], step.d);
      const withText = custom ? step.a % 5 !== 0 : step.a % 3 === 0;
      return controlEnv(at, {
        type: 'injectEvent', card, ...(target === undefined ? {} : { target }), ...(withText ? { text: text(s, 'crisis', step) } : {}),
      }, 'facilitator');
    }
    default: return null;
  }
}

/** The one command a step means in this state. */
export function commandFor(scenario: Scenario, s: GameState, step: Step): CommandEnvelope {
  const at = s.now + step.dt;
  switch (step.kind) {
    case 'act': return actStep(scenario, s, step, at);
    case 'unknownSeat': return seatEnv(at, GHOST_STATE, { type: 'ready', ready: true });
    case 'timeTravel': {
      const env = actStep(scenario, s, { ...step, kind: 'act' }, at);
      // Earlier than the last command: refused whatever it says (at 0 nothing is earlier, and it is simply applied).
      return { ...env, at: Math.max(0, s.now - 1 - step.dt) } as CommandEnvelope;
    }
    default:
      return controlStep(scenario, s, step, at) ?? seatStep(scenario, s, step.kind, step, at) ?? controlEnv(at, { type: 'advancePhase' });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running a plan.
// ---------------------------------------------------------------------------------------------------------------

/** One applied command: the state it met, the command, the engine's answer and the state after (the same object when refused). */
export interface Applied {
  index: number;
  before: GameState;
  env: CommandEnvelope;
  result: ApplyResult;
  after: GameState;
}

/** Commands that play a running match to its end: resume if paused, start if in setup, then advance phase after phase. */
export function finishingCommand(s: GameState): CommandEnvelope | null {
  const at = s.now + 1_000;
  if (s.phase === 'ended') return null;
  if (s.phase === 'setup') return controlEnv(at, { type: 'start' });
  if (s.paused) return controlEnv(at, { type: 'resume' }, 'facilitator');
  return controlEnv(at, { type: 'advancePhase' });
}

export interface PlayOptions {
  /** After the steps, advance the match to its end (default true). */
  finish?: boolean;
  /** Called with the new match before the first command. */
  onInitial?: (s: GameState) => void;
  /** Called after every command, accepted or refused. */
  onCommand?: (x: Applied) => void;
}

export interface Played {
  scenario: Scenario;
  settings: MatchSettings;
  seed: string;
  initial: GameState;
  final: GameState;
  /** Every command tried, refused ones included, in order. */
  log: CommandEnvelope[];
  /** Whether each command of the log was accepted. */
  accepted: boolean[];
}

/** How many steps of a plan are still tried after the match has ended. */
export const POST_END_STEPS = 6;

/** Play a plan from a new match: `start` first, then one command per step, then (by default) on to the end. */
export function playPlan(scenario: Scenario, plan: MatchPlan, opts: PlayOptions = {}): Played {
  const initial = createMatch(scenario, plan.settings, plan.seed);
  opts.onInitial?.(initial);
  let state = initial;
  const log: CommandEnvelope[] = [];
  const accepted: boolean[] = [];
  const run = (env: CommandEnvelope): void => {
    const before = state;
    const result = apply(scenario, before, env);
    const after = result.ok ? result.state : before;
    log.push(env);
    accepted.push(result.ok);
    opts.onCommand?.({ index: log.length - 1, before, env, result, after });
    state = after;
  };
  run(controlEnv(0, { type: 'start' }));
  // Once the match has ended nearly everything is refused the same way: a few such steps are enough.
  let afterEnd = 0;
  for (const step of plan.steps) {
    if (state.phase === 'ended' && ++afterEnd > POST_END_STEPS) break;
    run(commandFor(scenario, state, step));
  }
  if (opts.finish ?? true) {
    // Each advance ends a phase; a round has at most four. The bound only guards against a stuck engine.
    for (let guard = 0; guard < 8 * (state.rounds + 2); guard++) {
      const env = finishingCommand(state);
      if (!env) break;
      run(env);
    }
  }
  return { scenario, settings: plan.settings, seed: plan.seed, initial, final: state, log, accepted };
}

/** Fold a log over a new match, as a server restoring from its store would. Refused commands stay refused. */
export function replay(scenario: Scenario, settings: MatchSettings, seed: string, log: readonly CommandEnvelope[]): { state: GameState; events: unknown[][] } {
  let state = createMatch(scenario, settings, seed);
  const events: unknown[][] = [];
  for (const env of log) {
    const r = apply(scenario, state, env);
    if (r.ok) state = r.state;
    events.push(r.ok ? r.events : []);
  }
  return { state, events };
}
