import { describe, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import { budget, NEXT, ORDERS, nation, runRow, treaty, withTreaties } from '../helpers/ruleTable';

/**
 * GAME.md §4 technology: T starts at 1.0 and rises with investment (T += 0.05·i); technology pacts pull
 * members together upwards (each closes 25% of its gap to the best member per round), capped at 5.
 */
const techPact = (...members: string[]) => withTreaties(treaty('tp', { kind: 'technology', members }));

const rows: Row[] = [
  {
    name: 'technology: starts at 1.0 unless the scenario says otherwise',
    expect: { 'nations.alba.technology': 1, 'nations.boros.technology': 1 },
  },
  {
    name: 'technology: rises with investment, T += 0.05·i (i 30%: 1.015)',
    steps: [NEXT],
    expect: { 'nations.alba.technology': 1.015 },
    events: [{ kind: 'technology', state: 'alba', technology: 1.015, previous: 1 }],
  },
  {
    name: 'technology: all-in investment (i 100%) adds 0.05',
    steps: [ORDERS, budget('alba', 0, 0, 100), NEXT],
    expect: { 'nations.alba.technology': 1.05 },
  },
  {
    name: 'technology: no investment, no change',
    steps: [ORDERS, budget('alba', 20, 80, 0), NEXT],
    expect: { 'nations.alba.technology': 1 },
    absent: [{ kind: 'technology', state: 'alba' }],
  },
  {
    name: 'technology pact: a member closes 25% of its gap to the best (1.015 + 0.25·0.4 = 1.115)',
    board: (s) => { nation('boros', { technology: 1.4 })(s); techPact('alba', 'boros')(s); },
    steps: [NEXT],
    expect: { 'nations.alba.technology': 1.115 },
  },
  {
    name: 'technology pact: convergence is upwards only — the best member keeps its level (1.415)',
    board: (s) => { nation('boros', { technology: 1.4 })(s); techPact('alba', 'boros')(s); },
    steps: [NEXT],
    expect: { 'nations.boros.technology': 1.415 },
  },
  {
    name: 'technology pact: with three members each closes on the best (corvin 1.215 + 0.25·0.2 = 1.265)',
    board: (s) => { nation('boros', { technology: 1.4 })(s); nation('corvin', { technology: 1.2 })(s); techPact('alba', 'boros', 'corvin')(s); },
    steps: [NEXT],
    expect: { 'nations.alba.technology': 1.115, 'nations.corvin.technology': 1.265, 'nations.boros.technology': 1.415 },
  },
  {
    name: 'technology pact: non-members are not pulled (dacia 1.015)',
    board: (s) => { nation('boros', { technology: 1.4 })(s); techPact('alba', 'boros')(s); },
    steps: [NEXT],
    expect: { 'nations.dacia.technology': 1.015 },
  },
  {
    name: 'technology: capped at 5',
    prep: (s) => { s.nations.alba!.technology = 4.99; },
    steps: [NEXT],
    expect: { 'nations.alba.technology': 5 },
  },
];

describe('technology (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
