import { describe, expect, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import { attack, move, NEXT, ORDERS, pact, runRefusal, runRow, say, support, treaty, withTreaties } from '../helpers/ruleTable';
import type { ForceOrder } from '../../../shared';
import { apply, legalOrders, view } from '../../../shared';

/**
 * GAME.md §3.3 force orders per region stack: hold, move (own region, a partner's under basing access, or a
 * neutral one), support (a neighbouring friendly region), attack (a neighbouring foreign region), exercise (with a
 * treaty partner present in the same theater). Units left without an order hold. Orders are secret.
 */
const o = (order: ForceOrder) => ({ type: 'order' as const, order });
const trade = (a: string, b: string) => withTreaties(treaty('t', { kind: 'trade', members: [a, b] }));

const rows: Row[] = [
  {
    name: 'orders: a later order for the same slot replaces the earlier one',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 3), attack('boros', 'b2', 'a2', 5)],
    expect: { 'orders.boros.force': [{ kind: 'attack', from: 'b2', to: 'a2', units: 5 }] },
  },
  {
    name: 'orders: one stack may be split over several orders up to its size',
    steps: [ORDERS, move('boros', 'b2', 'b1', 2), attack('boros', 'b2', 'a2', 4)],
    expect: { 'orders.boros.force.length': 2 },
  },
  {
    name: 'orders: hold clears every order of the stack',
    steps: [ORDERS, move('boros', 'b2', 'b1', 2), attack('boros', 'b2', 'a2', 4), say('boros', { type: 'hold', from: 'b2' })],
    expect: { 'orders.boros.force': [] },
  },
  {
    name: 'orders: cancelling withdraws one order and leaves the others',
    steps: [ORDERS, move('boros', 'b2', 'b1', 2), attack('boros', 'b2', 'a2', 4), say('boros', { type: 'cancelOrder', order: { kind: 'move', from: 'b2', to: 'b1', units: 1 } })],
    expect: { 'orders.boros.force': [{ kind: 'attack', from: 'b2', to: 'a2', units: 4 }] },
  },
  {
    name: 'orders: units left without orders hold where they are',
    steps: [ORDERS, move('boros', 'b2', 'b1', 2), NEXT],
    expect: { 'regions.b2.units': { boros: 4 } },
  },
  {
    name: 'orders: an attack on a treaty partner is a legal order (its price comes at resolution)',
    board: trade('alba', 'boros'),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 1)],
    expect: { 'orders.boros.force.length': 1 },
  },
  {
    name: 'orders: support may be given to a pact partner\'s neighbouring region',
    board: withTreaties(pact('p', ['alba', 'boros'])),
    steps: [ORDERS, support('boros', 'b2', 'a2', 3)],
    expect: { 'orders.boros.force': [{ kind: 'support', from: 'b2', to: 'a2', units: 3 }] },
  },
  {
    name: 'orders: orders are kept until resolution, then cleared (the budget in force stays)',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 1), NEXT],
    expect: { 'orders.boros.force': [], 'orders.boros.budget': null },
  },
  {
    name: 'orders: the engine offers the legal orders (legalOrders) and accepts every one of them',
    board: withTreaties(pact('p', ['alba', 'boros']), treaty('b', { kind: 'basing', host: 'alba', guest: 'boros' })),
    steps: [ORDERS],
    check: (m) => {
      const options = legalOrders(m.scenario, view(m.scenario, m.state, { role: 'seat', state: 'boros' }));
      const keys = options.map((x) => `${x.kind} ${x.from}→${x.target} ≤${x.maxUnits}`).sort();
      expect(keys).toEqual([
        'attack b2→a2 ≤6', 'attack b2→c2 ≤6', 'exercise b1→alba ≤4', 'exercise b2→alba ≤6', 'move b1→b2 ≤4', 'move b2→a2 ≤6', 'move b2→b1 ≤6', 'support b1→b2 ≤4', 'support b2→a2 ≤6', 'support b2→b1 ≤6',
      ]);
      for (const x of options) {
        const order: ForceOrder = x.kind === 'exercise'
          ? { kind: 'exercise', from: x.from, partner: x.target, units: x.maxUnits }
          : { kind: x.kind, from: x.from, to: x.target, units: x.maxUnits };
        const r = apply(m.scenario, m.state, { at: m.clock + 1, actor: { role: 'seat', state: 'boros' }, command: o(order) });
        expect(r.ok, `${x.kind} ${x.from} ${x.target}`).toBe(true);
      }
    },
  },
];

const refusals: RefusalRow[] = [
  { name: 'order/unknown-region: the stack\'s region must exist', steps: [ORDERS], by: 'boros', command: o({ kind: 'move', from: 'zz', to: 'b1', units: 1 }), code: 'order/unknown-region' },
  { name: 'order/unknown-region: the destination must exist', steps: [ORDERS], by: 'boros', command: o({ kind: 'attack', from: 'b2', to: 'zz', units: 1 }), code: 'order/unknown-region' },
  { name: 'order/no-units: a state orders only its own units', steps: [ORDERS], by: 'boros', command: o({ kind: 'attack', from: 'a2', to: 'a1', units: 1 }), code: 'order/no-units' },
  { name: 'order/too-many-units: no more units than the stack holds (7 of 6)', steps: [ORDERS], by: 'boros', command: o({ kind: 'attack', from: 'b2', to: 'a2', units: 7 }), code: 'order/too-many-units' },
  {
    name: 'order/too-many-units: orders of one stack share its units (4 + 3 > 6)',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4)], by: 'boros', command: o({ kind: 'move', from: 'b2', to: 'b1', units: 3 }), code: 'order/too-many-units',
  },
  { name: 'order/same-region: a move names another region', steps: [ORDERS], by: 'boros', command: o({ kind: 'move', from: 'b2', to: 'b2', units: 1 }), code: 'order/same-region' },
  { name: 'order/not-adjacent: attacks reach only neighbouring regions', steps: [ORDERS], by: 'boros', command: o({ kind: 'attack', from: 'b2', to: 'a1', units: 1 }), code: 'order/not-adjacent' },
  { name: 'order/move-foreign: no moving into another state\'s region without basing access', steps: [ORDERS], by: 'boros', command: o({ kind: 'move', from: 'b2', to: 'a2', units: 1 }), code: 'order/move-foreign' },
  {
    name: 'order/move-foreign: basing access is one-way (the host may not move into the guest\'s region)',
    board: withTreaties(treaty('b', { kind: 'basing', host: 'alba', guest: 'boros' })),
    steps: [ORDERS], by: 'alba', command: o({ kind: 'move', from: 'a2', to: 'b2', units: 1 }), code: 'order/move-foreign',
  },
  { name: 'order/attack-own: a state does not attack its own region', steps: [ORDERS], by: 'boros', command: o({ kind: 'attack', from: 'b2', to: 'b1', units: 1 }), code: 'order/attack-own' },
  { name: 'order/support-unfriendly: no support for a region of a state with no friendly treaty', steps: [ORDERS], by: 'boros', command: o({ kind: 'support', from: 'b2', to: 'a2', units: 1 }), code: 'order/support-unfriendly' },
  { name: 'order/support-unfriendly: no support for a neutral region', steps: [ORDERS], by: 'alba', command: o({ kind: 'support', from: 'a2', to: 's1', units: 1 }), code: 'order/support-unfriendly' },
  {
    name: 'order/support-unfriendly: a trade partner is not a friendly treaty for support',
    board: trade('alba', 'boros'), steps: [ORDERS], by: 'boros', command: o({ kind: 'support', from: 'b2', to: 'a2', units: 1 }), code: 'order/support-unfriendly',
  },
  { name: 'order/exercise-self: an exercise needs another state', steps: [ORDERS], by: 'boros', command: o({ kind: 'exercise', from: 'b2', partner: 'boros', units: 1 }), code: 'order/exercise-self' },
  { name: 'order/unknown-state: the exercise partner must exist', steps: [ORDERS], by: 'boros', command: o({ kind: 'exercise', from: 'b2', partner: 'zenda', units: 1 }), code: 'order/unknown-state' },
  { name: 'order/exercise-no-treaty: exercises are held with treaty partners only', steps: [ORDERS], by: 'boros', command: o({ kind: 'exercise', from: 'b2', partner: 'alba', units: 1 }), code: 'order/exercise-no-treaty' },
  {
    name: 'order/exercise-partner-absent: the partner needs units in the same theater',
    board: trade('alba', 'dacia'), steps: [ORDERS], by: 'alba', command: o({ kind: 'exercise', from: 'a2', partner: 'dacia', units: 1 }), code: 'order/exercise-partner-absent',
  },
  { name: 'order/not-found: only an existing order can be cancelled', steps: [ORDERS], by: 'boros', command: { type: 'cancelOrder', order: { kind: 'move', from: 'b2', to: 'b1', units: 1 } }, code: 'order/not-found' },
  { name: 'order/no-units: hold needs units in the region', steps: [ORDERS], by: 'boros', command: { type: 'hold', from: 'a2' }, code: 'order/no-units' },
];

describe('force orders (GAME.md §3.3)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
