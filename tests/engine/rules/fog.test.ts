import { describe, expect, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import { ADVANCE, attack, boards, budget, coefficients, move, nation, NEXT, ORDERS, pact, runRow, treaty, withdraw, withTreaties } from '../helpers/ruleTable';
import { view, visibleEvents } from '../../../shared';

/**
 * GAME.md §6 information. Public: owners, phase, active treaties, credibility, output, cohesion, public channel,
 * round reports, scores. Private to a seat: its orders, proposals, private channels, budget until revealed,
 * secret objectives. Fog of war (a match setting): a seat sees units only in its own regions, regions adjacent to
 * them, its intelligence partners' regions, and where it has units. The facilitator sees everything only when
 * the match allows it. One function, view(state, viewer), decides it all.
 */
const fog = { fog: true };
const seat = (state: string) => ({ role: 'seat' as const, state });
const facilitator = { role: 'facilitator' as const };

const rows: Row[] = [
  {
    name: 'fog off: every seat sees every unit',
    view: { as: seat('alba'), expect: { 'regions.d1.units': { dacia: 3 }, 'regions.b1.units': { boros: 4 } } },
  },
  {
    name: 'fog: a seat sees the units in its own regions',
    settings: fog,
    view: { as: seat('alba'), expect: { 'regions.a1.units': { alba: 4 }, 'regions.a2.units': { alba: 4 } } },
  },
  {
    name: 'fog: and in the regions next to its own',
    settings: fog,
    view: { as: seat('alba'), expect: { 'regions.b2.units': { boros: 6 }, 'regions.s1.units': {} } },
  },
  {
    name: 'fog: but not beyond (units null, owners still public)',
    settings: fog,
    view: { as: seat('alba'), expect: { 'regions.b1.units': null, 'regions.c2.units': null, 'regions.d1.units': null, 'regions.d1.owner': 'dacia' } },
  },
  {
    name: 'fog: a seat sees where it has units (but not past a region it does not own)',
    settings: fog,
    prep: (s) => { s.regions.c1!.units.alba = 1; },
    view: { as: seat('alba'), expect: { 'regions.c1.units': { alba: 1, corvin: 2 }, 'regions.c2.units': null } },
  },
  {
    name: 'intelligence sharing: under fog a seat sees its partners\' regions',
    settings: fog,
    board: withTreaties(treaty('i', { kind: 'intelligence', members: ['alba', 'dacia'] })),
    view: { as: seat('alba'), expect: { 'regions.d1.units': { dacia: 3 }, 'regions.c2.units': null } },
  },
  {
    name: 'fog: a region whose units are hidden shows no deterrence',
    settings: fog,
    view: { as: seat('alba'), expect: { 'regions.b1.deterrence': null, 'regions.a2.deterrence': 1.5 } },
  },
  {
    name: 'fog: deterrence counts only what the viewer sees (boros sees alba\'s a2 and b2\'s neighbours: 5/6)',
    settings: fog,
    // boros sees a2 (next to b2) but not a1: a2's expected defense is 4·1.25 = 5 against its own 6.
    view: { as: seat('boros'), expect: { 'regions.a2.deterrence': 0.83 } },
  },
  {
    name: 'fog (bug fixed): under fog a retreat is news only to the retreating state',
    settings: fog,
    board: coefficients({ unitCost: 1000 }),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    events: [{ kind: 'units/retreated', state: 'alba', from: 'a2', to: 'a1', audience: ['alba'] }],
  },
  {
    name: 'fog (bug fixed): under fog units disbanded for want of a retreat are news only to their owner',
    settings: fog,
    board: coefficients({ unitCost: 1000 }),
    steps: [ORDERS, attack('corvin', 'c2', 'd1', 4), NEXT],
    events: [{ kind: 'units/disbanded', state: 'dacia', region: 'd1', units: 1, audience: ['dacia'] }],
  },
  {
    name: 'fog (bug fixed): under fog units sent home when basing access ends are news only to their owner',
    settings: fog,
    board: boards(coefficients({ unitCost: 1000 }), withTreaties(treaty('b', { kind: 'basing', host: 'boros', guest: 'alba' }))),
    steps: [ORDERS, move('alba', 'a2', 'b2', 2), NEXT, withdraw('boros', 'b', 'immediate')],
    events: [{ kind: 'units/retreated', state: 'alba', from: 'b2', to: 'a1', units: 2, audience: ['alba'] }],
  },
  {
    name: 'fog: under fog new units are news only to their owner',
    settings: fog,
    steps: [NEXT],
    events: [{ kind: 'units/recruited', state: 'alba', audience: ['alba'] }],
  },
  {
    name: 'view: a seat sees its own orders and never another\'s',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 3)],
    view: { as: seat('alba'), expect: { 'own.orders.force': [], allOrders: null } },
  },
  {
    name: 'view: the orders a seat gave are in its own view',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 3)],
    view: { as: seat('boros'), expect: { 'own.orders.force.length': 1 } },
  },
  {
    name: 'view: a budget is private until revealed at resolution',
    steps: [ORDERS, budget('alba', 35, 35, 30)],
    view: { as: seat('boros'), expect: { 'nations.alba.revealedBudget': null, 'nations.alba.budget': undefined } },
  },
  {
    name: 'view: after resolution the budget is public',
    steps: [ORDERS, budget('alba', 35, 35, 30), NEXT],
    view: { as: seat('boros'), expect: { 'nations.alba.revealedBudget': { defense: 35, domestic: 35, investment: 30 } } },
  },
  {
    name: 'view: a crisis is seen by its ally and its defender only',
    board: boards(nation('dacia', { units: { d1: 8 } }), withTreaties(pact('p', ['boros', 'corvin']))),
    steps: [ORDERS, attack('dacia', 'd1', 'c2', 8), ADVANCE],
    view: { as: seat('alba'), expect: { crises: [] } },
    check: (m) => {
      expect(view(m.scenario, m.state, seat('boros')).crises).toHaveLength(1);
      expect(view(m.scenario, m.state, seat('corvin')).crises).toHaveLength(1);
      expect(view(m.scenario, m.state, seat('alba')).report.some((e) => e.kind === 'crisis/opened')).toBe(false);
    },
  },
  {
    name: 'view: secret objectives are shown to their own seat only',
    board: nation('alba', { objectives: [{ id: 'o1', kind: 'hold-region', region: 'b2', points: 10 }] }),
    view: { as: seat('alba'), expect: { 'own.objectives.0.id': 'o1', 'own.objectives.0.met': false } },
    check: (m) => expect(JSON.stringify(view(m.scenario, m.state, seat('boros')))).not.toContain('"o1"'),
  },
  {
    name: 'view: interoperability is shown for the viewer\'s own pairs only',
    view: { as: seat('alba'), expect: { interop: { 'alba|boros': 0.6, 'alba|corvin': 0.6, 'alba|dacia': 0.6 } } },
  },
  {
    name: 'view: the facilitator sees everything when the match allows it (orders, next cards, fogged units)',
    settings: { fog: true, facilitatorSeesAll: true },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 3)],
    view: { as: facilitator, expect: { omniscient: true, 'allOrders.boros.force.length': 1, 'regions.d1.units': { dacia: 3 }, pendingEvents: [] } },
  },
  {
    name: 'view: otherwise the facilitator sees only what is public',
    settings: { fog: true },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 3)],
    view: { as: facilitator, expect: { omniscient: false, allOrders: null, pendingEvents: null, 'regions.d1.units': null } },
  },
  {
    name: 'view: a spectator has no seat secrets and sees no private events',
    steps: [{ kind: 'seat', state: 'alba', command: { type: 'propose', terms: { kind: 'trade', members: ['alba', 'boros'] } } }],
    view: { as: { role: 'spectator' }, expect: { own: null, treaties: {} } },
    check: (m) => {
      expect(view(m.scenario, m.state, { role: 'spectator' }).report.map((e) => e.kind)).not.toContain('treaty/proposed');
      expect(visibleEvents(m.events, m.state, { role: 'spectator' }).map((e) => e.kind)).not.toContain('treaty/proposed');
    },
  },
  {
    name: 'view: active treaties, credibility, output and cohesion are public',
    board: withTreaties(pact('p', ['boros', 'corvin'])),
    view: { as: seat('dacia'), expect: { 'treaties.p.cohesion': 70, 'nations.boros.credibility': 60, 'nations.boros.output': 100 } },
  },
];

describe('information and fog of war (GAME.md §6)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
