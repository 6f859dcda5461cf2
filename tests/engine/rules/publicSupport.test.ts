import { describe, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import { attack, budget, NEXT, ORDERS, nation, pact, runRefusal, runRow, treaty, withTreaties } from '../helpers/ruleTable';

/**
 * GAME.md §4 public support S in [0,100]. Per round:
 *   ΔS = 0.3·(domestic − 40) − 0.5·max(0, defense − guideline) − 0.2·(100·units lost / units held)
 *        − 4·regions lost − 100·sanctions suffered + 1 if secure (not attacked, every home held).
 * The guideline is the highest of the state's pacts, else 20%. Below 25 the government falls: S resets to 45,
 * credibility −8, and the next budget's defense share is capped at 15%.
 * Everyone starts at 60 with 20/50/30, so a quiet round gives +3 + 1 = 64.
 */
const fallen = [ORDERS, budget('alba', 60, 0, 40), NEXT];
const weak = (s: Parameters<NonNullable<Row['prep']>>[0]) => { s.nations.alba!.publicSupport = 26; };

const rows: Row[] = [
  {
    name: 'public support: +0.3 per domestic point above 40% and +1 for security (60 → 64)',
    steps: [NEXT],
    expect: { 'nations.alba.publicSupport': 64 },
    events: [{ kind: 'support', state: 'alba', value: 64, delta: 4 }],
  },
  {
    name: 'public support: a domestic share below 40% lowers it (10%: −9 + 1 → 52)',
    steps: [ORDERS, budget('alba', 20, 10, 70), NEXT],
    expect: { 'nations.alba.publicSupport': 52 },
  },
  {
    name: 'public support: −0.5 per defense point above the guideline (default 20%; d 40, dom 40: −10 + 1 → 51)',
    steps: [ORDERS, budget('alba', 40, 40, 20), NEXT],
    expect: { 'nations.alba.publicSupport': 51 },
  },
  {
    name: 'public support: the reference is the state\'s highest pact guideline (40%: d 40 costs nothing → 61)',
    board: withTreaties(pact('pact', ['alba', 'boros'], 0.4)),
    steps: [ORDERS, budget('alba', 40, 40, 20), NEXT],
    expect: { 'nations.alba.publicSupport': 61 },
  },
  {
    name: 'public support: losses cost 0.2 per percent of units lost, and an attacked state is not secure (alba 2/8, boros 3/10: both 58)',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'nations.alba.publicSupport': 58, 'nations.boros.publicSupport': 58 },
  },
  {
    name: 'public support: −4 per region lost (60 + 3 − 7.5 − 4 = 51.5)',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'nations.alba.publicSupport': 51.5 },
  },
  {
    name: 'public support: sanctions suffered cost 1 per point of growth taken (boros: 60 + 3 − 8 + 1 = 56)',
    board: withTreaties(treaty('s', { kind: 'sanctions', members: ['alba', 'corvin'], target: 'boros' })),
    steps: [NEXT],
    expect: { 'nations.boros.publicSupport': 56 },
  },
  {
    name: 'government fall: below 25 the government falls and support resets to 45',
    prep: weak,
    steps: fallen,
    expect: { 'nations.alba.publicSupport': 45 },
    events: [{ kind: 'support', state: 'alba', value: 0 }, { kind: 'government/fell', state: 'alba', defenseCap: 15, audience: 'all' }],
  },
  {
    name: 'government fall: costs 8 credibility',
    prep: weak,
    steps: fallen,
    expect: { 'nations.alba.credibility': 52 },
    events: [{ kind: 'credibility', state: 'alba', delta: -8, reason: 'government fell' }],
  },
  {
    name: 'government fall: the next budget\'s defense share is capped at 15% (the kept 60/0/40 is paid as 15/45/40)',
    prep: weak,
    steps: [...fallen, NEXT],
    expect: { 'nations.alba.revealedBudget': { defense: 15, domestic: 45, investment: 40 }, 'nations.alba.defenseCap': null },
  },
  {
    name: 'government fall: a budget within the cap is accepted',
    prep: weak,
    steps: [...fallen, ORDERS, budget('alba', 15, 55, 30), NEXT],
    expect: { 'nations.alba.revealedBudget': { defense: 15, domestic: 55, investment: 30 } },
  },
  {
    name: 'public support: at exactly the threshold the government stands (21 + 4 = 25)',
    prep: (s) => { s.nations.alba!.publicSupport = 21; },
    steps: [NEXT],
    expect: { 'nations.alba.publicSupport': 25, 'nations.alba.defenseCap': null },
    absent: [{ kind: 'government/fell' }],
  },
  {
    name: 'public support: never above 100',
    board: nation('alba', { publicSupport: 99 }),
    steps: [NEXT],
    expect: { 'nations.alba.publicSupport': 100 },
  },
];

const refusals: RefusalRow[] = [
  {
    name: 'budget/capped: after a fall, a defense share above the cap is refused',
    prep: weak,
    steps: [...fallen, ORDERS],
    by: 'alba', command: { type: 'setBudget', budget: { defense: 20, domestic: 50, investment: 30 } }, code: 'budget/capped',
  },
];

describe('public support and government fall (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
