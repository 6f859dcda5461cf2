import { describe, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import {
  ADVANCE, abstain, attack, boards, budget, coefficients, honor, nation, NEXT, ORDERS, pact, runRow, treaty, withdraw, withTreaties,
} from '../helpers/ruleTable';

/**
 * GAME.md §4 credibility C in [0,100], public: honor +5, abstain −15, withdrawal without notice −10
 * (with notice −2), attacking a treaty partner −25, +1 per round at or above a pact's guideline,
 * −2 per round below it. Everyone starts at 60.
 */
const guarantee = withTreaties(treaty('g', { kind: 'guarantee', guarantor: 'boros', protected: 'corvin' }));
const daciaStrong = boards(coefficients({ unitCost: 1000 }), nation('dacia', { units: { d1: 8 } }));
const nap = treaty('nap', { kind: 'non-aggression', members: ['alba', 'boros'] });
const trade = treaty('t', { kind: 'trade', members: ['alba', 'boros'] });

const rows: Row[] = [
  {
    name: 'credibility: honoring a guarantee +5 (60 → 65)',
    board: boards(daciaStrong, guarantee),
    steps: [ORDERS, attack('dacia', 'd1', 'c2', 8), ADVANCE, honor('boros', 2)],
    expect: { 'nations.boros.credibility': 65 },
  },
  {
    name: 'credibility: abstaining from a guarantee −15 (60 → 45)',
    board: boards(daciaStrong, guarantee),
    steps: [ORDERS, attack('dacia', 'd1', 'c2', 8), ADVANCE, abstain('boros')],
    expect: { 'nations.boros.credibility': 45 },
    events: [{ kind: 'credibility', state: 'boros', value: 45, delta: -15, reason: 'abstained from an obligation', audience: 'all' }],
  },
  {
    name: 'credibility: withdrawing with notice costs 2, at once',
    board: withTreaties(trade),
    steps: [withdraw('alba', 't', 'notice')],
    expect: { 'nations.alba.credibility': 58, 'treaties.t.status': 'active', 'treaties.t.notices': { alba: 2 } },
    events: [{ kind: 'treaty/notice', treaty: 't', state: 'alba', effectiveRound: 2 }],
  },
  {
    name: 'credibility: withdrawing without notice costs 10, at once',
    board: withTreaties(trade),
    steps: [withdraw('alba', 't', 'immediate')],
    expect: { 'nations.alba.credibility': 50, 'treaties.t.status': 'ended' },
  },
  {
    name: 'non-aggression: attacking the other party is a breach: −25 and the treaty ends',
    board: boards(coefficients({ unitCost: 1000 }), withTreaties(nap)),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'nations.boros.credibility': 35, 'treaties.nap.status': 'ended' },
    events: [{ kind: 'treaty/breached', treaty: 'nap', state: 'boros', victim: 'alba' }, { kind: 'credibility', state: 'boros', delta: -25, reason: 'attacked a treaty partner' }],
  },
  {
    name: 'credibility: attacking a partner under any treaty (here trade) costs 25 and ends the treaty',
    board: withTreaties(trade),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'nations.boros.credibility': 35, 'treaties.t.status': 'ended' },
  },
  {
    name: 'credibility: one attack on a partner bound by two treaties costs 25 once and ends both',
    board: withTreaties(trade, nap),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'nations.boros.credibility': 35, 'treaties.t.status': 'ended', 'treaties.nap.status': 'ended' },
  },
  {
    name: 'credibility: attacking a fellow pact member costs 25, expels the attacker and costs the pact 15 cohesion',
    board: withTreaties(pact('pact', ['alba', 'boros', 'corvin'])),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'nations.boros.credibility': 35, 'treaties.pact.terms.members': ['alba', 'corvin'], 'treaties.pact.cohesion': 55, 'treaties.pact.status': 'active' },
    events: [{ kind: 'treaty/left', treaty: 'pact', state: 'boros', breach: true }],
  },
  {
    name: 'credibility: a sanctions target attacking a coalition member breaches nothing (the target is no party)',
    board: withTreaties(treaty('s', { kind: 'sanctions', members: ['alba'], target: 'boros' })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'nations.boros.credibility': 60, 'treaties.s.status': 'active' },
  },
  {
    name: 'credibility: +1 per round at or above a pact\'s guideline (20% at 20%)',
    board: withTreaties(pact('pact', ['alba', 'boros'])),
    steps: [NEXT],
    expect: { 'nations.alba.credibility': 61, 'nations.boros.credibility': 61 },
  },
  {
    name: 'credibility: −2 per round below a pact\'s guideline (10% under 20%)',
    board: withTreaties(pact('pact', ['alba', 'boros'])),
    steps: [ORDERS, budget('alba', 10, 60, 30), NEXT],
    expect: { 'nations.alba.credibility': 58 },
    events: [{ kind: 'credibility', state: 'alba', delta: -2, reason: 'below the guideline of PACT' }],
  },
  {
    name: 'credibility: the guideline test is per pact (two pacts met: +2)',
    board: withTreaties(pact('p1', ['alba', 'boros']), pact('p2', ['alba', 'corvin'])),
    steps: [NEXT],
    expect: { 'nations.alba.credibility': 62 },
  },
  {
    name: 'credibility: a state in no pact has no guideline to meet (stays 60)',
    steps: [NEXT],
    expect: { 'nations.alba.credibility': 60 },
    absent: [{ kind: 'credibility', state: 'alba' }],
  },
  {
    name: 'credibility: never above 100',
    board: boards(nation('alba', { credibility: 100 }), withTreaties(pact('pact', ['alba', 'boros']))),
    steps: [NEXT],
    expect: { 'nations.alba.credibility': 100 },
  },
  {
    name: 'credibility: never below 0',
    board: boards(nation('alba', { credibility: 4 }), withTreaties(trade)),
    steps: [withdraw('alba', 't', 'immediate')],
    expect: { 'nations.alba.credibility': 0 },
    events: [{ kind: 'credibility', state: 'alba', value: 0, delta: -4 }],
  },
];

describe('credibility (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
