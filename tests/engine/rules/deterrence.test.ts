import { describe, expect, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import { attack, boards, nation, NEXT, ORDERS, pact, runRow, treaty, withTreaties } from '../helpers/ruleTable';
import { boardOf, deterrenceOf, view } from '../../../shared';

/**
 * GAME.md §4 deterrence index of a region, shown before orders:
 *   expected defense / strongest attack that any foreign neighbour could bring,
 * where expected defense = own units in the region (·T·home bonus) + own units next to it (·T)
 *   + each obliged ally's eligible units ·T·I(owner, ally)·C/100 + friendly guests in the region ·T·I,
 * and the strongest attack is the largest Σ units·T of one non-friendly state in the neighbouring regions.
 * No threat shows the cap 10; a neutral region has no index. Bots and players read the same number (the view).
 * a2: 4·1.25 + a1's 4 = 9 against boros's 6 in b2. c2: 4·1.25 + c1's 2 = 7 against boros's 6 (dacia has 3).
 */
const spectator = { role: 'spectator' as const };
const det = (region: string, value: number | null): Row['view'] => ({ as: spectator, expect: { [`regions.${region}.deterrence`]: value } });
const cd = withTreaties(pact('p', ['corvin', 'dacia']));

const rows: Row[] = [
  { name: 'deterrence: own units (home bonus) and own neighbours against the strongest foreign neighbour: 9/6 = 1.5', view: det('a2', 1.5) },
  { name: 'deterrence: a region no foreign force borders shows the cap, 10', view: det('a1', 10) },
  { name: 'deterrence: a neutral region has no index', view: det('s1', null) },
  { name: 'deterrence: the strongest single neighbour counts, not the sum of all (c2: 7/6)', view: det('c2', 1.17) },
  {
    name: 'deterrence: an obliged ally counts eligible units ·T·I·C/100 (dacia 3·0.6·0.6: 8.08/6)',
    board: cd,
    view: det('c2', 1.35),
  },
  {
    name: 'deterrence: the same forces deter more when the ally\'s credibility is higher (C 100: 8.8/6)',
    board: boards(cd, nation('dacia', { credibility: 100 })),
    view: det('c2', 1.47),
  },
  {
    name: 'deterrence: an ally with no credibility adds nothing (7/6)',
    board: boards(cd, nation('dacia', { credibility: 0 })),
    view: det('c2', 1.17),
  },
  {
    name: 'deterrence: intelligence sharing raises the ally\'s I by 0.05 (3·0.65·0.6: 8.17/6)',
    board: boards(cd, withTreaties(treaty('i', { kind: 'intelligence', members: ['corvin', 'dacia'] }))),
    view: det('c2', 1.36),
  },
  {
    name: 'deterrence: a friendly neighbour (non-aggression) is no threat',
    board: withTreaties(treaty('n', { kind: 'non-aggression', members: ['alba', 'boros'] })),
    view: det('a2', 10),
  },
  {
    name: 'deterrence: the threat is weighted by technology (boros T 1.5: 9/9)',
    board: nation('boros', { technology: 1.5 }),
    view: det('a2', 1),
  },
  {
    name: 'deterrence: a basing guest in the region counts ·T·I (9 + 2·0.6 = 10.2, /6)',
    board: withTreaties(treaty('b', { kind: 'basing', host: 'alba', guest: 'dacia' })),
    prep: (s) => { s.regions.a2!.units.dacia = 2; },
    view: det('a2', 1.7),
  },
  {
    name: 'deterrence: shown before orders, the same number for every seat and for the engine (no fog)',
    board: cd,
    steps: [ORDERS],
    check: (m) => {
      const b = boardOf(m.scenario);
      for (const state of ['alba', 'boros', 'corvin', 'dacia']) {
        const v = view(m.scenario, m.state, { role: 'seat', state });
        for (const r of b.regionIds) expect(v.regions[r]!.deterrence, `${state} ${r}`).toBe(deterrenceOf(b, m.state, r)?.index ?? null);
      }
    },
  },
  {
    name: 'deterrence: the breakdown names the threat and the obliged allies',
    board: cd,
    check: (m) => {
      expect(deterrenceOf(boardOf(m.scenario), m.state, 'c2')).toEqual({ index: 1.35, expectedDefense: 8.08, strongestAttack: 6, threat: 'boros', obliged: ['dacia'] });
    },
  },
  {
    name: 'deterrence: the index of every attacked region when orders closed is kept in the round\'s history',
    board: cd,
    steps: [ORDERS, attack('boros', 'b2', 'c2', 2), NEXT],
    expect: { 'history.0.attacks': [{ region: 'c2', defender: 'corvin', attackers: ['boros'], deterrence: 1.35, meanAllyCredibility: 60, taken: false }] },
  },
];

describe('deterrence index (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
