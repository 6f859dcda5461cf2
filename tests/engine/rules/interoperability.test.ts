import { describe, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import { attack, boards, coefficients, exercise, NEXT, ORDERS, runRow, treaty, withTreaties } from '../helpers/ruleTable';

/**
 * GAME.md §4 interoperability I(x,y) in [0.5, 1.0]: strangers 0.6; +0.05 per joint exercise; −0.01 per round
 * without one; intelligence sharing adds a small bonus (+0.05 in combat); forums add +0.02 a round.
 * A joint exercise needs a treaty partner with units in the same theater that orders one back.
 */
const partners = withTreaties(treaty('t', { kind: 'trade', members: ['alba', 'boros'] }));
const drill = [ORDERS, exercise('alba', 'a2', 'boros', 2), exercise('boros', 'b2', 'alba', 2), NEXT];

const rows: Row[] = [
  {
    name: 'interoperability: strangers start at 0.6',
    expect: { 'interop.alba|boros': 0.6, 'interop.corvin|dacia': 0.6 },
  },
  {
    name: 'interoperability: −0.01 per round without a joint exercise',
    steps: [NEXT],
    expect: { 'interop.alba|boros': 0.59 },
  },
  {
    name: 'interoperability: a matched joint exercise adds 0.05, and there is no decay that round',
    board: partners,
    steps: drill,
    expect: { 'interop.alba|boros': 0.65, 'interop.alba|corvin': 0.59 },
    events: [{ kind: 'exercise/held', states: ['alba', 'boros'], theater: 'west', interoperability: 0.65, audience: 'all' }],
  },
  {
    name: 'interoperability: an unmatched exercise changes nothing and is told to its sender only',
    board: partners,
    steps: [ORDERS, exercise('alba', 'a2', 'boros', 2), NEXT],
    expect: { 'interop.alba|boros': 0.59 },
    events: [{ kind: 'exercise/unmatched', state: 'alba', partner: 'boros', audience: ['alba'] }],
  },
  {
    name: 'interoperability: several exercises of the same pair in one round count once',
    board: partners,
    steps: [ORDERS, exercise('alba', 'a2', 'boros', 2), exercise('alba', 'a1', 'boros', 2), exercise('boros', 'b2', 'alba', 2), exercise('boros', 'b1', 'alba', 2), NEXT],
    expect: { 'interop.alba|boros': 0.65 },
  },
  {
    name: 'interoperability: exercises ordered in different theaters do not match',
    board: partners,
    prep: (s) => { s.regions.c1!.units.boros = 2; s.regions.d1!.units.alba = 2; },
    steps: [ORDERS, exercise('alba', 'a2', 'boros', 2), exercise('boros', 'c1', 'alba', 2), NEXT],
    expect: { 'interop.alba|boros': 0.59 },
    absent: [{ kind: 'exercise/held' }],
  },
  {
    name: 'forum: members gain 0.02 a round (net +0.01 after decay)',
    board: withTreaties(treaty('f', { kind: 'forum', name: 'Talks', members: ['alba', 'boros', 'corvin'] })),
    steps: [NEXT],
    expect: { 'interop.alba|boros': 0.61, 'interop.boros|corvin': 0.61, 'interop.alba|dacia': 0.59 },
  },
  {
    name: 'interoperability: never below 0.5',
    prep: (s) => { s.interop['alba|boros'] = 0.5; },
    steps: [NEXT],
    expect: { 'interop.alba|boros': 0.5 },
  },
  {
    name: 'interoperability: never above 1.0',
    board: partners,
    prep: (s) => { s.interop['alba|boros'] = 0.98; },
    steps: drill,
    expect: { 'interop.alba|boros': 1 },
  },
  {
    name: 'intelligence sharing: +0.05 to I in combat — co-attackers at 0.65 bring (4+4)·0.65 = 5.2 > 5',
    board: boards(coefficients({ unitCost: 1000 }), withTreaties(treaty('i', { kind: 'intelligence', members: ['boros', 'corvin'] }))),
    prep: (s) => { s.regions.s1!.units.corvin = 4; },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), attack('corvin', 's1', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'boros' },
    events: [{ kind: 'combat', region: 'a2', attack: 5.2, defense: 5, taken: true }],
  },
];

describe('interoperability (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
