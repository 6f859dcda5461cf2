import { describe, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import { attack, boards, coefficients, nation, NEXT, ORDERS, pact, runRow, treaty, withTreaties } from '../helpers/ruleTable';

/**
 * GAME.md §4 scores, recomputed at every resolution.
 *   status quo:  security 30·(homes held / homes) + 20·min(1, regions / starting regions), prosperity 20·E/E_start,
 *                influence 0.2·C + 2 per active treaty (at most 5), peace dividends (2 per round without war);
 *   revisionist: security 30·(homes held / homes), regions gained 8 each, influence.
 *   Both: scenario objectives. After a quiet round 1: alba E 104, corvin 62, dacia 41, everyone at C 60.
 */
const objective = (o: Record<string, unknown>) => nation('alba', { objectives: [{ id: 'o1', points: 10, ...o }] });
const trades = ['boros', 'corvin', 'dacia'].flatMap((x) => [
  treaty(`t-${x}`, { kind: 'trade', members: ['alba', x] }), treaty(`n-${x}`, { kind: 'non-aggression', members: ['alba', x] }),
]);

const rows: Row[] = [
  {
    name: 'scores: status-quo security = 30 for homes held + 20 for regions held (alba 50)',
    steps: [NEXT],
    expect: { 'scores.alba.security': 50 },
  },
  {
    name: 'scores: prosperity = 20·E_end/E_start (104/100: 20.8; corvin 62/60: 20.7)',
    steps: [NEXT],
    expect: { 'scores.alba.prosperity': 20.8, 'scores.corvin.prosperity': 20.7 },
  },
  {
    name: 'scores: influence = 0.2·C + 2 per treaty membership (alba in a pact, C 61: 14.2)',
    board: withTreaties(pact('p', ['alba', 'boros'])),
    steps: [NEXT],
    expect: { 'scores.alba.influence': 14.2 },
  },
  {
    name: 'scores: membership credit stops at 5 treaties (6 treaties, C 60: 22)',
    board: withTreaties(...trades),
    steps: [NEXT],
    expect: { 'scores.alba.influence': 22 },
  },
  {
    name: 'scores: the total adds the parts (alba 50 + 20.8 + 12 + 2 = 84.8)',
    steps: [NEXT],
    expect: { 'scores.alba': { security: 50, prosperity: 20.8, influence: 12, regionsGained: 0, objectives: 0, peace: 2, total: 84.8 } },
    events: [{ kind: 'scores', scores: { alba: 84.8, boros: 42, corvin: 84.7, dacia: 84.5 } }],
  },
  {
    name: 'peace dividend: a round without war pays 2 to every status-quo state and none to revisionists',
    steps: [NEXT],
    expect: { 'scores.alba.peace': 2, 'scores.boros.peace': 0, 'nations.alba.peaceDividends': 2, 'nations.boros.peaceDividends': 0 },
    events: [{ kind: 'peace/dividend', states: ['alba', 'corvin', 'dacia'], points: 2 }],
  },
  {
    name: 'peace dividend: dividends add up over the rounds',
    steps: [NEXT, NEXT],
    expect: { 'scores.alba.peace': 4 },
  },
  {
    name: 'peace dividend: a round with a battle pays none',
    steps: [ORDERS, attack('boros', 'b2', 'a2', 1), NEXT],
    expect: { 'scores.alba.peace': 0, 'history.0.war': true },
    absent: [{ kind: 'peace/dividend' }],
  },
  {
    name: 'scores: a revisionist scores 8 per region gained, home security and influence, no prosperity (boros 50)',
    board: coefficients({ unitCost: 1000 }),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'scores.boros': { security: 30, prosperity: 0, influence: 12, regionsGained: 8, objectives: 0, peace: 0, total: 50 } },
  },
  {
    name: 'scores: a status-quo state that loses a home region loses security (15 + 10 = 25)',
    board: coefficients({ unitCost: 1000 }),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'scores.alba.security': 25 },
  },
  {
    name: 'scores: objective "hold a region" adds its points while the region is held',
    board: objective({ kind: 'hold-region', region: 'a1' }),
    steps: [NEXT],
    expect: { 'scores.alba.objectives': 10, 'scores.alba.total': 94.8 },
  },
  {
    name: 'scores: objective "minimum credibility" is met at or above the value',
    board: objective({ kind: 'min-credibility', value: 60 }),
    steps: [NEXT],
    expect: { 'scores.alba.objectives': 10 },
  },
  {
    name: 'scores: objective "minimum credibility" unmet pays nothing',
    board: objective({ kind: 'min-credibility', value: 61 }),
    steps: [NEXT],
    expect: { 'scores.alba.objectives': 0 },
  },
  {
    name: 'scores: objective "party to a treaty kind" is met by an active treaty of that kind',
    board: boards(objective({ kind: 'treaty-kind', treaty: 'trade' }), withTreaties(treaty('t', { kind: 'trade', members: ['alba', 'boros'] }))),
    steps: [NEXT],
    expect: { 'scores.alba.objectives': 10 },
  },
  {
    name: 'scores: objective "output growth" is met at factor × starting output (104 ≥ 1.04·100)',
    board: objective({ kind: 'output-growth', factor: 1.04 }),
    steps: [NEXT],
    expect: { 'scores.alba.objectives': 10 },
  },
  {
    name: 'scores: the winners are the states with the highest total at the end',
    board: (s) => { s.rounds = 1; },
    steps: [NEXT],
    expect: { winners: ['alba'], 'scores.alba.total': 84.8 },
  },
];

describe('scores and peace dividend (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
