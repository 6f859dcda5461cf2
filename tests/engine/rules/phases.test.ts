import { describe, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import { ADVANCE, attack, ctl, NEXT, ORDERS, ready, runRefusal, runRow, say } from '../helpers/ruleTable';

/**
 * GAME.md §3 a round: briefing → diplomacy (timed, or ended when every seat is ready) → orders → crisis (only when
 * an ally is called) → resolution → next round; after the last round the match ends. §7 facilitator controls.
 * The mini match: phases of 60 s (briefing 0 s, skipped), 5 rounds, the driver's clock steps 10 ms per command.
 */
const rows: Row[] = [
  {
    name: 'phases: start fills the seats nobody holds with bots, revisionists as opportunists, the rest as guardians',
    expect: { 'seats.boros': { controller: 'bot', doctrine: 'opportunist', ready: false }, 'seats.alba.doctrine': 'guardian' },
    events: [{ kind: 'match/started' }, { kind: 'seat/changed', state: 'boros', controller: 'bot', doctrine: 'opportunist' }],
  },
  {
    name: 'phases: with botsFill off, open seats stay open',
    settings: { botsFill: false },
    expect: { 'seats.boros.controller': 'open' },
  },
  {
    name: 'phases: round 1 opens in diplomacy when the briefing lasts 0 s; the deadline is now + 60 s',
    expect: { round: 1, phase: 'diplomacy', deadline: 1010 + 60_000 },
  },
  {
    name: 'phases: with a briefing, the round opens with it',
    settings: { phaseSeconds: { briefing: 15, diplomacy: 60, orders: 60, crisis: 60 } },
    expect: { phase: 'briefing', deadline: 1010 + 15_000 },
  },
  {
    name: 'phases: diplomacy ends in orders, orders (with no crisis) in the next round\'s diplomacy',
    steps: [ADVANCE, ADVANCE],
    expect: { round: 2, phase: 'diplomacy', 'history.length': 1 },
  },
  {
    name: 'phases: a phase ends early when every playing seat is ready',
    steps: [ready('alba'), ready('boros'), ready('corvin'), ready('dacia')],
    expect: { phase: 'orders', 'seats.alba.ready': false },
  },
  {
    name: 'phases: seats nobody plays do not hold up the ready check',
    settings: { botsFill: false },
    steps: [ctl({ type: 'setSeat', state: 'alba', controller: 'human' }), ready('alba')],
    expect: { phase: 'orders' },
  },
  {
    name: 'phases: one seat not ready keeps the phase open',
    steps: [ready('alba'), ready('boros'), ready('corvin')],
    expect: { phase: 'diplomacy' },
  },
  {
    name: 'phases: a crisis phase follows orders only when an ally is called',
    board: (s) => { s.treaties = [{ id: 'g', terms: { kind: 'guarantee', guarantor: 'alba', protected: 'boros' } }]; },
    steps: [ORDERS, attack('corvin', 'c2', 'b2', 4), ADVANCE],
    expect: { phase: 'crisis', round: 1 },
  },
  {
    name: 'phases: the crisis phase runs on its own (short) timer',
    board: (s) => { s.treaties = [{ id: 'g', terms: { kind: 'guarantee', guarantor: 'alba', protected: 'boros' } }]; },
    settings: { phaseSeconds: { briefing: 0, diplomacy: 300, orders: 180, crisis: 30 } },
    steps: [ORDERS, attack('corvin', 'c2', 'b2', 4), ADVANCE],
    expect: { phase: 'crisis', deadline: 1040 + 30_000 },
  },
  {
    name: 'phases: pause holds the time left; resume restores it from the resume time',
    steps: [ctl({ type: 'pause' }), ctl({ type: 'resume' })],
    // paused at 1020 with deadline 61010 (59990 ms left), resumed at 1030.
    expect: { paused: false, deadline: 1030 + 59_990, remaining: null },
    events: [{ kind: 'match/paused' }, { kind: 'match/resumed', deadline: 61_020 }],
  },
  {
    name: 'phases: while paused there is no deadline, only the time left',
    steps: [ctl({ type: 'pause' })],
    expect: { paused: true, deadline: null, remaining: 59_990 },
  },
  {
    name: 'phases: the facilitator may advance a paused match (the next phase keeps its full time in reserve)',
    steps: [ctl({ type: 'pause' }), ctl({ type: 'advancePhase' })],
    expect: { phase: 'orders', paused: true, deadline: null, remaining: 60_000 },
  },
  {
    name: 'phases: extend adds seconds to the deadline',
    steps: [ctl({ type: 'extend', seconds: 30 })],
    expect: { deadline: 61_010 + 30_000 },
  },
  {
    name: 'phases: after the last round the match ends with scores and winners',
    board: (s) => { s.rounds = 1; },
    steps: [NEXT],
    expect: { phase: 'ended', round: 1, deadline: null, winners: ['alba'] },
    events: [{ kind: 'match/ended', winners: ['alba'] }],
  },
  {
    name: 'phases: the match setting overrides the scenario\'s number of rounds',
    settings: { rounds: 2 },
    steps: [NEXT, NEXT],
    expect: { phase: 'ended', rounds: 2 },
  },
  {
    name: 'phases: the facilitator may end the match at any time',
    steps: [ctl({ type: 'endMatch' })],
    expect: { phase: 'ended', 'scores.alba.total': 82 },
  },
  {
    name: 'phases: the facilitator may hand a seat to a bot',
    settings: { botsFill: false },
    steps: [ctl({ type: 'setSeat', state: 'alba', controller: 'bot' })],
    expect: { 'seats.alba': { controller: 'bot', doctrine: 'guardian', ready: false } },
  },
  {
    name: 'phases: a seat that submits nothing keeps its budget and holds',
    steps: [ORDERS, say('alba', { type: 'setBudget', budget: { defense: 40, domestic: 30, investment: 30 } }), NEXT, NEXT],
    expect: { 'history.1.nations.alba.budget': { defense: 40, domestic: 30, investment: 30 }, 'regions.a2.units': { alba: 4 } },
  },
];

const seatCmd = { type: 'ready' as const, ready: true };
const refusals: RefusalRow[] = [
  { name: 'phase/wrong: no force orders in diplomacy', by: 'boros', command: { type: 'order', order: { kind: 'attack', from: 'b2', to: 'a2', units: 1 } }, code: 'phase/wrong' },
  { name: 'phase/wrong: no proposals in the orders phase', steps: [ORDERS], by: 'alba', command: { type: 'propose', terms: { kind: 'trade', members: ['alba', 'boros'] } }, code: 'phase/wrong' },
  { name: 'phase/wrong: no withdrawal in the orders phase', steps: [ORDERS], by: 'alba', command: { type: 'withdraw', treaty: 'x', mode: 'notice' }, code: 'phase/wrong' },
  { name: 'phase/wrong: no crisis answers outside a crisis', steps: [ORDERS], by: 'alba', command: { type: 'crisisChoice', crisis: 'crisis-1', choice: 'abstain', units: 0 }, code: 'phase/wrong' },
  { name: 'phase/wrong: nothing but messages before the match starts', unstarted: true, by: 'alba', command: seatCmd, code: 'phase/wrong' },
  { name: 'phase/wrong: no budget after the match ended', steps: [ctl({ type: 'endMatch' })], by: 'alba', command: { type: 'setBudget', budget: { defense: 10, domestic: 60, investment: 30 } }, code: 'phase/wrong' },
  { name: 'phase/started: a match starts once', by: 'facilitator', command: { type: 'start' }, code: 'phase/started' },
  { name: 'phase/not-running: no advancing before the start', unstarted: true, by: 'system', command: { type: 'advancePhase' }, code: 'phase/not-running' },
  { name: 'phase/not-running: no pause before the start', unstarted: true, by: 'facilitator', command: { type: 'pause' }, code: 'phase/not-running' },
  { name: 'phase/not-running: no extension after the end', steps: [ctl({ type: 'endMatch' })], by: 'facilitator', command: { type: 'extend', seconds: 60 }, code: 'phase/not-running' },
  { name: 'phase/not-running: no injected event before the start', unstarted: true, by: 'facilitator', command: { type: 'injectEvent', card: 'election', target: 'alba' }, code: 'phase/not-running' },
  { name: 'phase/paused: the clock does not advance a paused match', steps: [ctl({ type: 'pause' })], by: 'system', command: { type: 'advancePhase' }, code: 'phase/paused' },
  { name: 'phase/paused: a paused match is not paused again', steps: [ctl({ type: 'pause' })], by: 'facilitator', command: { type: 'pause' }, code: 'phase/paused' },
  { name: 'phase/not-paused: only a paused match resumes', by: 'facilitator', command: { type: 'resume' }, code: 'phase/not-paused' },
  { name: 'phase/ended: a match ends once', steps: [ctl({ type: 'endMatch' })], by: 'facilitator', command: { type: 'endMatch' }, code: 'phase/ended' },
  { name: 'phase/ended: no seat changes after the end', steps: [ctl({ type: 'endMatch' })], by: 'facilitator', command: { type: 'setSeat', state: 'alba', controller: 'bot' }, code: 'phase/ended' },
  { name: 'seat/unknown: commands come from existing states', by: 'zenda', command: seatCmd, code: 'seat/unknown' },
  { name: 'seat/unknown: the facilitator assigns existing seats', by: 'facilitator', command: { type: 'setSeat', state: 'zenda', controller: 'bot' }, code: 'seat/unknown' },
  { name: 'time/backwards: a command may not be earlier than the last one', by: 'alba', at: 5, command: seatCmd, code: 'time/backwards' },
];

describe('phases and facilitator controls (GAME.md §3, §7)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
