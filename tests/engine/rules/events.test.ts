import { describe, expect, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import { attack, boards, coefficients, ctl, nation, NEXT, ORDERS, region, runRefusal, runRow, treaty, withTreaties } from '../helpers/ruleTable';
import type { ControlCommand, EventKind } from '../../../shared';
import { EVENT_KINDS } from '../../../shared';
import { play } from '../helpers/ruleTable';

/**
 * GAME.md §1: a seeded event deck (technology shift, rising competitor, cyber attack, election, financial shock,
 * sea-lane crisis, space incident) and facilitator-injected crises. Every card kind has a real effect (these are the
 * defaults; every magnitude is a scenario coefficient):
 *   technology shift +0.15 T · rising competitor core ×1.15 and 2 units at the capital · cyber attack core ×0.97
 *   and I −0.05 with everyone · election: S < 35 falls, else S → (S + 50)/2 · financial shock every core ×0.94 ·
 *   sea-lane crisis: trade pays nothing this round · space incident T −0.1 and no early warning this round.
 * Cards are drawn at each resolution (round 1: at the start) and take effect when revealed at the next briefing.
 */
const inject = (card: EventKind | 'custom', target?: string, text?: string): ControlCommand =>
  ({ type: 'injectEvent', card, ...(target ? { target } : {}), ...(text ? { text } : {}) });
const card = (c: EventKind | 'custom', target?: string, text?: string) => ctl(inject(c, target, text));

const rows: Row[] = [
  {
    name: 'events: technology shift lifts the target\'s technology by 0.15',
    steps: [card('technology-shift', 'alba')],
    expect: { 'nations.alba.technology': 1.15 },
    events: [{ kind: 'card/revealed', card: 'technology-shift', target: 'alba', audience: 'all' }],
  },
  {
    name: 'events: rising competitor grows the target\'s core by 15% (96 → 110) and raises 2 units at its capital',
    steps: [card('rising-competitor', 'boros')],
    expect: { 'nations.boros.core': 110, 'nations.boros.output': 114, 'regions.b1.units': { boros: 6 } },
  },
  {
    name: 'events: rising competitor, unaimed, strikes a revisionist (the seeded choice)',
    steps: [card('rising-competitor')],
    events: [{ kind: 'card/revealed', card: 'rising-competitor', target: 'boros' }],
  },
  {
    name: 'events: cyber attack cuts the target\'s core by 3% (96 → 93) and its interoperability by 0.05 with everyone',
    steps: [card('cyber-attack', 'alba')],
    expect: { 'nations.alba.output': 97, 'interop.alba|boros': 0.55, 'interop.alba|dacia': 0.55, 'interop.boros|corvin': 0.6 },
  },
  {
    name: 'events: an election moves public support halfway to 50 (60 → 55)',
    steps: [card('election', 'alba')],
    expect: { 'nations.alba.publicSupport': 55, 'nations.alba.defenseCap': null },
  },
  {
    name: 'events: an election brings down a government below 35 (support 45, credibility −8, defense cap 15%)',
    board: nation('alba', { publicSupport: 30 }),
    steps: [card('election', 'alba')],
    expect: { 'nations.alba.publicSupport': 45, 'nations.alba.credibility': 52, 'nations.alba.defenseCap': 15 },
    events: [{ kind: 'government/fell', state: 'alba', defenseCap: 15 }],
  },
  {
    name: 'events: a financial shock shrinks every core by 6% (alba 90 + 4, corvin 53 + 4, dacia 36 + 2)',
    steps: [card('financial-shock')],
    expect: { 'nations.alba.output': 94, 'nations.boros.output': 94, 'nations.corvin.output': 57, 'nations.dacia.output': 38 },
  },
  {
    name: 'events: card magnitudes are scenario coefficients (a 10% financial shock: alba core 96 → 86, output 90)',
    board: coefficients({ cardFinancialShock: 0.1 }),
    steps: [card('financial-shock')],
    expect: { 'nations.alba.core': 86, 'nations.alba.output': 90 },
  },
  {
    name: 'events: a scenario may make rising competitors raise no units (core still +15%)',
    board: coefficients({ cardCompetitorUnits: 0 }),
    steps: [card('rising-competitor', 'boros')],
    expect: { 'nations.boros.core': 110, 'regions.b1.units': { boros: 4 } },
  },
  {
    name: 'events: the election threshold is a coefficient (support 30 survives a threshold of 25: → 40)',
    board: boards(coefficients({ cardElectionFallBelow: 25 }), nation('alba', { publicSupport: 30 })),
    steps: [card('election', 'alba')],
    expect: { 'nations.alba.publicSupport': 40, 'nations.alba.defenseCap': null },
  },
  {
    name: 'events: a sea-lane crisis strikes a strait and trade pays nothing that round (alba 104, not 105)',
    board: withTreaties(treaty('t', { kind: 'trade', members: ['alba', 'boros'] })),
    steps: [card('sea-lane-crisis'), NEXT],
    expect: { 'nations.alba.output': 104, 'effects.tradeSuspended': false },
    events: [{ kind: 'card/revealed', card: 'sea-lane-crisis', target: 's1' }, { kind: 'economy', state: 'alba', trade: 0 }],
  },
  {
    name: 'events: a space incident lowers the target\'s technology by 0.1',
    steps: [card('space-incident', 'dacia')],
    expect: { 'nations.dacia.technology': 0.9, 'effects.earlyWarningOff': true },
  },
  {
    name: 'events: a space incident blinds early warning for the round (4 < 4·1.05 takes a2)',
    board: boards(coefficients({ unitCost: 1000 }), region('a2', { home: false }), nation('boros', { technology: 1.05 }),
      withTreaties(treaty('i', { kind: 'intelligence', members: ['alba', 'dacia'] }))),
    steps: [card('space-incident', 'dacia'), ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'boros' },
    absent: [{ kind: 'warning/attack' }],
  },
  {
    name: 'events: a custom crisis from the facilitator is revealed with its text',
    steps: [card('custom', undefined, 'Refugees cross the border.')],
    events: [{ kind: 'card/revealed', card: 'custom', target: null, text: 'Refugees cross the border.' }],
  },
  {
    name: 'events: the facilitator may replace a card\'s text',
    steps: [card('election', 'alba', 'Snap election!')],
    events: [{ kind: 'card/revealed', card: 'election', text: 'Snap election!' }],
  },
  {
    name: 'events: the deck deals eventsPerRound cards at each resolution, revealed at the next round\'s start',
    board: boards(coefficients({ eventsPerRound: 1 }), (s) => { s.eventDeck = { 'technology-shift': 5 }; }),
    steps: [NEXT],
    check: (m) => {
      const revealed = m.events.filter((e) => e.kind === 'card/revealed');
      expect(revealed.map((e) => e.round)).toEqual([1, 2]);
      expect(m.state.deck).toHaveLength(3);
      expect(m.state.pendingEvents).toEqual([]);
    },
  },
  {
    name: 'events: the deck is rebuilt from the scenario when it runs out',
    board: boards(coefficients({ eventsPerRound: 1 }), (s) => { s.eventDeck = { 'financial-shock': 1 }; }),
    steps: [NEXT, NEXT],
    check: (m) => expect(m.events.filter((e) => e.kind === 'card/revealed')).toHaveLength(3),
  },
  {
    name: 'events: the same seed deals the same cards, aimed at the same states',
    board: boards(coefficients({ eventsPerRound: 2 }), (s) => { s.eventDeck = Object.fromEntries(EVENT_KINDS.map((k) => [k, 2])); }),
    steps: [NEXT, NEXT],
    check: (m) => {
      const again = play({ board: boards(coefficients({ eventsPerRound: 2 }), (s) => { s.eventDeck = Object.fromEntries(EVENT_KINDS.map((k) => [k, 2])); }), steps: [NEXT, NEXT] });
      expect(again.state.deck).toEqual(m.state.deck);
      expect(again.events.filter((e) => e.kind === 'card/revealed')).toEqual(m.events.filter((e) => e.kind === 'card/revealed'));
    },
  },
];

const refusals: RefusalRow[] = [
  { name: 'event/no-text: a custom crisis needs its text', by: 'facilitator', command: inject('custom'), code: 'event/no-text' },
  { name: 'event/unknown-target: the target must be a state or a region', by: 'facilitator', command: inject('election', 'zenda'), code: 'event/unknown-target' },
  { name: 'event/unknown-target (bug fixed): a card that strikes a state cannot be aimed at a region', by: 'facilitator', command: inject('technology-shift', 'a1'), code: 'event/unknown-target' },
  { name: 'event/unknown-target (bug fixed): a sea-lane crisis is aimed at a region, not a state', by: 'facilitator', command: inject('sea-lane-crisis', 'alba'), code: 'event/unknown-target' },
];

describe('events (GAME.md §1: every card kind has a real effect)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
