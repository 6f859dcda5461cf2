import { describe, expect, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import { boards, budget, coefficients, exercise, NEXT, ORDERS, pact, runRow, withdraw, withTreaties } from '../helpers/ruleTable';
import { burdenUnfairness } from '../../../shared';

/**
 * GAME.md §4 cohesion K in [0,100] per defense pact (70 at the start): falls with burden unfairness
 * Σ_m max(0, guideline − d_m)·E_m / Σ_m E_m (1.5 per point), abstentions (−10) and breaches (−15);
 * rises with honored crises (+5) and joint exercises (+2 per member pair). Below 30: alliance strain
 * (expulsion votes open); zero dissolves the pact.
 * After one quiet round alba and boros have E 104, dacia 41.
 */
const ab = withTreaties(pact('pact', ['alba', 'boros']));
const abc = withTreaties(pact('pact', ['alba', 'boros', 'corvin']));
const cohesionAt = (k: number, strained = false) => (s: Parameters<NonNullable<Row['prep']>>[0]) => {
  s.treaties.pact!.cohesion = k;
  s.treaties.pact!.strained = strained;
};

const rows: Row[] = [
  {
    name: 'cohesion: burden unfairness 0.1·104/208 = 0.05 (alba at 10% under 20%) costs 7.5 (70 → 62.5)',
    board: ab,
    steps: [ORDERS, budget('alba', 10, 60, 30), NEXT],
    expect: { 'treaties.pact.cohesion': 62.5 },
    events: [{ kind: 'cohesion', treaty: 'pact', value: 62.5, delta: -7.5, unfairness: 0.05 }],
  },
  {
    name: 'cohesion: unfairness is weighted by output — a small free rider (dacia 41 at 0%) costs 1.5·100·0.2·41/145',
    board: withTreaties(pact('pact', ['alba', 'dacia'])),
    steps: [ORDERS, budget('dacia', 0, 70, 30), NEXT],
    expect: { 'treaties.pact.cohesion': 61.52 },
  },
  {
    name: 'cohesion: a large free rider (alba 104 at 0%) costs far more: 1.5·100·0.2·104/145',
    board: withTreaties(pact('pact', ['alba', 'dacia'])),
    steps: [ORDERS, budget('alba', 0, 70, 30), NEXT],
    expect: { 'treaties.pact.cohesion': 48.48 },
  },
  {
    name: 'cohesion: members at or above the guideline cause no unfairness',
    board: ab,
    steps: [ORDERS, budget('alba', 35, 35, 30), NEXT],
    expect: { 'treaties.pact.cohesion': 70 },
    events: [{ kind: 'cohesion', treaty: 'pact', value: 70, delta: 0, unfairness: 0 }],
  },
  {
    name: 'cohesion: the starting cohesion is a scenario coefficient (90 instead of 70)',
    board: boards(coefficients({ cohesionStart: 90 }), ab),
    steps: [ORDERS, budget('alba', 35, 35, 30), NEXT],
    expect: { 'treaties.pact.cohesion': 90 },
  },
  {
    name: 'cohesion: +2 for each member pair that held a joint exercise',
    board: ab,
    steps: [ORDERS, exercise('alba', 'a2', 'boros', 1), exercise('boros', 'b2', 'alba', 1), NEXT],
    expect: { 'treaties.pact.cohesion': 72 },
  },
  {
    name: 'cohesion: an immediate withdrawal is a breach: −15 at once, and the pact goes on without the leaver',
    board: abc,
    steps: [withdraw('alba', 'pact', 'immediate')],
    expect: { 'treaties.pact.cohesion': 55, 'treaties.pact.terms.members': ['boros', 'corvin'], 'treaties.pact.status': 'active' },
    events: [{ kind: 'treaty/left', treaty: 'pact', state: 'alba', breach: true }],
  },
  {
    name: 'cohesion: a withdrawal with notice costs no cohesion',
    board: abc,
    steps: [withdraw('alba', 'pact', 'notice')],
    expect: { 'treaties.pact.cohesion': 70 },
  },
  {
    name: 'alliance strain: cohesion falling below 30 raises the event and marks the pact strained',
    board: ab,
    prep: cohesionAt(35),
    steps: [ORDERS, budget('alba', 10, 60, 30), NEXT],
    expect: { 'treaties.pact.cohesion': 27.5, 'treaties.pact.strained': true },
    events: [{ kind: 'alliance/strain', treaty: 'pact', cohesion: 27.5, audience: 'all' }],
  },
  {
    name: 'alliance strain: recovering to the threshold (28 + 2 = 30) ends the strain',
    board: ab,
    prep: cohesionAt(28, true),
    steps: [ORDERS, exercise('alba', 'a2', 'boros', 1), exercise('boros', 'b2', 'alba', 1), NEXT],
    expect: { 'treaties.pact.cohesion': 30, 'treaties.pact.strained': false },
  },
  {
    name: 'dissolution: cohesion reaching zero dissolves the pact',
    board: ab,
    prep: cohesionAt(5),
    steps: [ORDERS, budget('alba', 10, 60, 30), NEXT],
    expect: { 'treaties.pact.cohesion': 0, 'treaties.pact.status': 'ended', 'treaties.pact.endReason': 'cohesion collapsed' },
    events: [{ kind: 'treaty/ended', treaty: 'pact', reason: 'cohesion collapsed' }],
  },
  {
    name: 'dissolution (bug fixed): a breach that brings cohesion to zero dissolves the pact at once, not at resolution',
    board: abc,
    prep: cohesionAt(10),
    steps: [withdraw('alba', 'pact', 'immediate')],
    expect: { phase: 'diplomacy', 'treaties.pact.cohesion': 0, 'treaties.pact.status': 'ended', 'treaties.pact.endReason': 'cohesion collapsed' },
    events: [{ kind: 'treaty/left', treaty: 'pact', state: 'alba', breach: true }],
  },
  {
    name: 'cohesion: never above 100',
    board: ab,
    prep: cohesionAt(99),
    steps: [ORDERS, exercise('alba', 'a2', 'boros', 1), exercise('boros', 'b2', 'alba', 1), NEXT],
    expect: { 'treaties.pact.cohesion': 100 },
  },
];

/** The unfairness formula itself, as a table. */
const unfairness: Array<{ name: string; guideline: number; members: Array<{ defense: number; output: number }>; value: number }> = [
  { name: 'burden unfairness: everyone at the guideline is 0', guideline: 0.2, members: [{ defense: 0.2, output: 100 }, { defense: 0.3, output: 50 }], value: 0 },
  { name: 'burden unfairness: over-spending does not offset under-spending', guideline: 0.2, members: [{ defense: 0.1, output: 100 }, { defense: 0.5, output: 100 }], value: 0.05 },
  { name: 'burden unfairness: a pact of free riders at 0% is the guideline itself', guideline: 0.3, members: [{ defense: 0, output: 70 }, { defense: 0, output: 30 }], value: 0.3 },
  { name: 'burden unfairness: no output, no unfairness', guideline: 0.2, members: [{ defense: 0, output: 0 }], value: 0 },
];

describe('cohesion (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(unfairness)('$name', ({ guideline, members, value }) => {
    expect(burdenUnfairness(guideline, members)).toBeCloseTo(value, 9);
  });
});
