import { describe, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import {
  attack, boards, budget, coefficients, NEXT, ORDERS, nation, runRefusal, runRow, say, treaty, withTreaties,
} from '../helpers/ruleTable';

/**
 * GAME.md §4 output and growth.
 *   D = E·d pays upkeep (units·1) first; new units floor((D − upkeep)/10) at the capital; a shortfall demobilizes.
 *   g = 0.02 + 0.06·i + trade − sanctions − warDamage − defenseDrag;  core' = round(core·(1+g));  E' = core' + regions.
 * Mini board at start: alba and boros E 100 (core 96 + regions 4), corvin 60 (56 + 4), dacia 40 (38 + 2).
 * Default budget 20/50/30: g = 0.038, so core 96 → round(99.648) = 100 and E' = 104.
 */
const sanctions = (members: string[], target: string) => withTreaties(treaty('sanc', { kind: 'sanctions', members, target }));
const trade = (id: string, a: string, b: string) => treaty(id, { kind: 'trade', members: [a, b] });

const rows: Row[] = [
  {
    name: 'economy: E\' = round(core·(1+g)) + regions with g = 0.02 + 0.06·0.3 (alba 104, corvin 62, dacia 41)',
    steps: [NEXT],
    expect: { 'nations.alba.core': 100, 'nations.alba.output': 104, 'nations.corvin.output': 62, 'nations.dacia.output': 41 },
    events: [{ kind: 'economy', state: 'alba', output: 104, previous: 100, growth: 0.038 }],
  },
  {
    name: 'growth: investment share raises growth (i = 0.8: g = 0.068, 96 → 103, E\' 107)',
    steps: [ORDERS, budget('alba', 20, 0, 80), NEXT],
    expect: { 'nations.alba.output': 107 },
  },
  {
    name: 'output: new units floor((D − upkeep)/unitCost) = floor((20 − 8)/10) = 1, raised at the capital',
    steps: [NEXT],
    expect: { 'regions.a1.units': { alba: 5 }, 'regions.a2.units': { alba: 4 } },
    events: [{ kind: 'units/recruited', state: 'alba', region: 'a1', units: 1 }],
  },
  {
    name: 'output: heavier defense spending raises more units (d 50%: floor((50 − 8)/10) = 4)',
    steps: [ORDERS, budget('alba', 50, 20, 30), NEXT],
    expect: { 'regions.a1.units': { alba: 8 } },
  },
  {
    name: 'output: D exactly covering upkeep raises and loses nothing (dacia: 8 units, D = 8)',
    board: nation('dacia', { units: { d1: 8 } }),
    steps: [NEXT],
    expect: { 'regions.d1.units': { dacia: 8 } },
    absent: [{ kind: 'units/recruited', state: 'dacia' }, { kind: 'units/demobilized', state: 'dacia' }],
  },
  {
    name: 'output: when D cannot pay upkeep units demobilize one by one from the largest stack (D 5 < 8: 3 stood down)',
    steps: [ORDERS, budget('alba', 5, 65, 30), NEXT],
    expect: { 'regions.a1.units': { alba: 2 }, 'regions.a2.units': { alba: 3 } },
    events: [{ kind: 'units/demobilized', state: 'alba', units: 3 }],
  },
  {
    name: 'growth: defense drag 0.1 per point of defense share above 30% (d 50%: g = 0.018, E\' 102)',
    steps: [ORDERS, budget('alba', 50, 20, 30), NEXT],
    expect: { 'nations.alba.output': 102 },
    events: [{ kind: 'economy', state: 'alba', defenseDrag: 0.02 }],
  },
  {
    name: 'growth: no defense drag at exactly the threshold (d 30%, i 30%: E\' 104)',
    steps: [ORDERS, budget('alba', 30, 40, 30), NEXT],
    expect: { 'nations.alba.output': 104 },
    events: [{ kind: 'economy', state: 'alba', defenseDrag: 0 }],
  },
  {
    name: 'trade agreement: +1% growth for both partners (g 0.048: 105 each)',
    board: withTreaties(trade('t', 'alba', 'boros')),
    steps: [NEXT],
    expect: { 'nations.alba.output': 105, 'nations.boros.output': 105, 'nations.corvin.output': 62 },
    events: [{ kind: 'economy', state: 'alba', trade: 0.01 }],
  },
  {
    name: 'trade agreement: the bonus is capped (cap 1.5% with two agreements: g 0.053, E\' 105 not 106)',
    board: boards(coefficients({ tradeCap: 0.015 }), withTreaties(trade('t1', 'alba', 'boros'), trade('t2', 'alba', 'corvin'))),
    steps: [NEXT],
    expect: { 'nations.alba.output': 105 },
    events: [{ kind: 'economy', state: 'alba', trade: 0.015 }],
  },
  {
    name: 'sanctions coalition: the target loses k·(coalition output / world output) = 0.15·160/300 = 0.08 of growth',
    board: sanctions(['alba', 'corvin'], 'boros'),
    steps: [NEXT],
    // g = 0.038 − 0.08 = −0.042: 96 → round(91.968) = 92, E' 96.
    expect: { 'nations.boros.output': 96 },
    events: [{ kind: 'economy', state: 'boros', sanctions: 0.08 }],
  },
  {
    name: 'sanctions coalition: each enforcing member pays a small cost (0.2%: alba g 0.036, E\' 103)',
    board: sanctions(['alba', 'corvin'], 'boros'),
    steps: [NEXT],
    expect: { 'nations.alba.output': 103 },
    events: [{ kind: 'economy', state: 'alba', sanctions: 0.002 }],
  },
  {
    name: 'sanctions coalition: a member that votes not to enforce neither weighs nor pays (0.15·100/300 = 0.05)',
    board: sanctions(['alba', 'corvin'], 'boros'),
    steps: [ORDERS, say('corvin', { type: 'sanctionsVote', treaty: 'sanc', enforce: false }), NEXT],
    // boros g = −0.012: 96 → round(94.848) = 95, E' 99.
    expect: { 'nations.boros.output': 99, 'treaties.sanc.enforcing': { alba: true, corvin: false } },
    events: [{ kind: 'economy', state: 'boros', sanctions: 0.05 }, { kind: 'economy', state: 'corvin', sanctions: 0 }],
  },
  {
    name: 'sanctions coalition: a member\'s enforcement choice stays in force in later rounds until changed',
    board: sanctions(['alba', 'corvin'], 'boros'),
    steps: [ORDERS, say('corvin', { type: 'sanctionsVote', treaty: 'sanc', enforce: false }), NEXT, NEXT],
    expect: { 'treaties.sanc.enforcing.corvin': false },
  },
  {
    name: 'growth: war damage costs 1% per own region fought over (alba g 0.028, E\' 103)',
    board: coefficients({ unitCost: 1000 }),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'nations.alba.output': 103, 'nations.boros.output': 104 },
    events: [{ kind: 'economy', state: 'alba', warDamage: 0.01 }],
  },
  {
    name: 'aid: output given moves into the recipient\'s spending this year (dacia D = 90·0.2 raises 1, alba raises none)',
    steps: [ORDERS, say('alba', { type: 'aid', to: 'dacia', amount: 50 }), NEXT],
    expect: { 'regions.d1.units': { dacia: 4 }, 'regions.a1.units': { alba: 4 }, 'nations.alba.output': 104, 'nations.dacia.output': 41 },
    events: [{ kind: 'aid/sent', from: 'alba', to: 'dacia', amount: 50 }],
  },
  {
    name: 'budget: a seat that submits nothing keeps last round\'s budget',
    steps: [ORDERS, budget('alba', 30, 40, 30), NEXT, NEXT],
    expect: { 'nations.alba.budget': { defense: 30, domestic: 40, investment: 30 }, 'history.1.nations.alba.budget': { defense: 30, domestic: 40, investment: 30 } },
  },
  {
    name: 'budget: the budget is revealed to all at resolution',
    steps: [ORDERS, budget('alba', 25, 45, 30), NEXT],
    expect: { 'nations.alba.revealedBudget': { defense: 25, domestic: 45, investment: 30 } },
    events: [{ kind: 'budget/revealed', state: 'alba', defense: 25, domestic: 45, investment: 30, audience: 'all' }],
  },
  {
    name: 'output: never below zero (crushing sanctions take the core to 0; the region still pays 2)',
    board: boards(coefficients({ sanctionsK: 10 }), sanctions(['alba', 'corvin'], 'dacia')),
    steps: [NEXT],
    expect: { 'nations.dacia.core': 0, 'nations.dacia.output': 2 },
  },
  {
    name: 'output: the regions held pay their output times regionOutputFactor (2: core 92 → 95, E\' 95 + 8)',
    board: coefficients({ regionOutputFactor: 2 }),
    steps: [NEXT],
    expect: { 'nations.alba.output': 103 },
  },
];

const refusals: RefusalRow[] = [
  {
    name: 'aid/self: aid goes to another state',
    steps: [ORDERS], by: 'alba', command: { type: 'aid', to: 'alba', amount: 5 }, code: 'aid/self',
  },
  {
    name: 'aid/unknown-state: no such recipient',
    steps: [ORDERS], by: 'alba', command: { type: 'aid', to: 'zenda', amount: 5 }, code: 'aid/unknown-state',
  },
  {
    name: 'aid/too-much: total aid may not exceed output (60 + 50 > 100)',
    steps: [ORDERS, say('alba', { type: 'aid', to: 'boros', amount: 60 })], by: 'alba', command: { type: 'aid', to: 'dacia', amount: 50 }, code: 'aid/too-much',
  },
  {
    name: 'sanctions/not-member: only coalition members vote on enforcement',
    board: sanctions(['alba', 'corvin'], 'boros'),
    steps: [ORDERS], by: 'dacia', command: { type: 'sanctionsVote', treaty: 'sanc', enforce: false }, code: 'sanctions/not-member',
  },
  {
    name: 'sanctions/not-member: there is no active coalition with that id',
    steps: [ORDERS], by: 'alba', command: { type: 'sanctionsVote', treaty: 'nope', enforce: true }, code: 'sanctions/not-member',
  },
];

describe('economy (GAME.md §4 output and growth)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
