import { describe, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import { attack, boards, coefficients, move, nation, NEXT, ORDERS, region, runRow, treaty, withTreaties } from '../helpers/ruleTable';

/**
 * GAME.md §3.5 combat → territory: the winner takes the region, attack survivors advance or go home,
 * moves arrive unless their destination changed hands, and defenders of a lost region retreat
 * (to a neighbouring region they may stand in, the one with most of their units first) or disband.
 * No row raises units (unitCost 1000).
 */
const noRecruits = coefficients({ unitCost: 1000 });
const bare = (...p: Array<Parameters<typeof boards>[0]>) => boards(noRecruits, ...p);

const rows: Row[] = [
  {
    name: 'territory: the winner takes the region and its attack survivors advance into it',
    board: bare(),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'regions.a2.owner': 'boros', 'regions.a2.units': { boros: 3 } },
    events: [{ kind: 'region/captured', region: 'a2', from: 'alba', to: 'boros' }],
  },
  {
    name: 'territory: survivors of a failed attack return to their origin',
    board: bare(),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'regions.b2.units': { boros: 3 }, 'regions.a2.owner': 'alba' },
  },
  {
    name: 'territory: a move into an own region arrives',
    board: bare(),
    steps: [ORDERS, move('alba', 'a1', 'a2', 3), NEXT],
    expect: { 'regions.a1.units': { alba: 1 }, 'regions.a2.units': { alba: 7 } },
    events: [{ kind: 'units/moved', state: 'alba', from: 'a1', to: 'a2', units: 3 }],
  },
  {
    name: 'territory: basing access lets the guest station units in the host\'s region (forward presence)',
    board: bare(withTreaties(treaty('base', { kind: 'basing', host: 'boros', guest: 'alba' }))),
    steps: [ORDERS, move('alba', 'a2', 'b2', 2), NEXT],
    expect: { 'regions.b2.units': { alba: 2, boros: 6 }, 'regions.b2.owner': 'boros', 'regions.a2.units': { alba: 2 } },
  },
  {
    name: 'territory: a move into a neutral region arrives but does not take it',
    board: bare(),
    steps: [ORDERS, move('alba', 'a2', 's1', 2), NEXT],
    expect: { 'regions.s1.owner': null, 'regions.s1.units': { alba: 2 } },
  },
  {
    name: 'territory: a move into a region that changes hands bounces back to its origin',
    board: bare(),
    steps: [ORDERS, move('alba', 'a1', 'a2', 2), attack('boros', 'b2', 'a2', 6), NEXT],
    // a2 fights with its 4 (5 with the home bonus) and falls; 1 survivor retreats and 2 bounce: a1 = 2 + 2 + 1.
    expect: { 'regions.a2.owner': 'boros', 'regions.a1.units': { alba: 5 } },
    events: [{ kind: 'units/bounced', state: 'alba', from: 'a1', to: 'a2', units: 2 }],
  },
  {
    name: 'territory: defenders of a lost region retreat to the neighbouring region with most of their units',
    board: bare(region('s1', { owner: 'alba' }), nation('alba', { units: { a1: 4, a2: 4, s1: 5 } })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'regions.s1.units': { alba: 6 }, 'regions.a1.units': { alba: 4 } },
    events: [{ kind: 'units/retreated', state: 'alba', from: 'a2', to: 's1', units: 1 }],
  },
  {
    name: 'territory: survivors with no region to retreat to disband (a combat loss)',
    board: bare(),
    // c2's 4 beat d1's 3·1.25 = 3.75; dacia loses round(2)=2 and its last unit has nowhere to go.
    steps: [ORDERS, attack('corvin', 'c2', 'd1', 4), NEXT],
    expect: { 'regions.d1.owner': 'corvin', 'regions.d1.units': { corvin: 2 }, 'regions.c2.units': {} },
    events: [{ kind: 'units/disbanded', state: 'dacia', region: 'd1', units: 1 }],
  },
  {
    name: 'territory: a basing guest in a lost region retreats to its host\'s neighbouring region',
    board: bare(nation('boros', { units: { b1: 4, b2: 10 } }), withTreaties(treaty('base', { kind: 'basing', host: 'alba', guest: 'dacia' }))),
    prep: (s) => { s.regions.a2!.units.dacia = 4; },
    // defense 4·1.25 + 4·0.6 = 7.4 < 10; defenders lose round(5)=5 as 3 (alba) + 2 (dacia).
    steps: [ORDERS, attack('boros', 'b2', 'a2', 10), NEXT],
    expect: { 'regions.a2.owner': 'boros', 'regions.a1.units': { alba: 5, dacia: 2 }, 'regions.a2.units': { boros: 6 } },
  },
  {
    name: 'territory: the captor counts the region\'s output at the economy step (boros 100 + 6, alba 99 + 2)',
    board: bare(),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'nations.boros.output': 106, 'nations.alba.output': 101 },
  },
  {
    name: 'territory: the owner of a region that is not attacked keeps it, even with foreign units next to it',
    board: bare(),
    steps: [ORDERS, NEXT],
    expect: { 'regions.a2.owner': 'alba', 'regions.b2.owner': 'boros', 'regions.a2.units': { alba: 4 } },
  },
];

describe('territory (GAME.md §3.5)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
