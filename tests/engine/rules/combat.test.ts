import { describe, expect, it } from 'vitest';
import type { Row } from '../helpers/ruleTable';
import {
  attack, boards, coefficients, honor, move, nation, NEXT, ORDERS, region, runRow, support, treaty, withTreaties, pact,
} from '../helpers/ruleTable';

/**
 * GAME.md §4 combat:
 *   attack  = Σ attacking units · T_attacker · (mean I among co-attackers)
 *   defense = (local + supporting units) · T · homeBonus + Σ honored allies (units · T_ally · I(def, ally))
 * The attacker takes the region when attack > defense. Losses = round(lossRate · other side's strength),
 * never more than the units present. Defaults: homeBonus 1.25, lossRate 0.5, strangers' I 0.6,
 * intelligence bonus +0.05 to I, early warning ×1.1.
 *
 * Every row raises no new units (unitCost 1000) so that unit counts show combat alone.
 * Mini board: alba a1:4 a2:4 (both home) · boros b1:4 b2:6 · corvin c1:2 c2:4 · dacia d1:3.
 */
const noRecruits = coefficients({ unitCost: 1000 });
const bare = (...p: Array<Parameters<typeof boards>[0]>) => boards(noRecruits, ...p);

const rows: Row[] = [
  {
    name: 'combat: attack 6 > home defense 4·1.25 = 5 takes the region; losses round(0.5·5)=3 and round(0.5·6)=3',
    board: bare(),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'regions.a2.owner': 'boros', 'regions.a2.units': { boros: 3 }, 'regions.a1.units': { alba: 5 }, 'regions.b2.units': {} },
    events: [{ kind: 'combat', region: 'a2', defender: 'alba', attack: 6, defense: 5, taken: true, losses: { alba: 3, boros: 3 } }],
  },
  {
    name: 'combat: home bonus lets 4 defenders hold against 4 attackers (4 < 4·1.25)',
    board: bare(),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    // boros loses round(2.5)=3 and its 1 survivor goes back to b2 (2 stayed); alba loses round(2)=2.
    expect: { 'regions.a2.owner': 'alba', 'regions.a2.units': { alba: 2 }, 'regions.b2.units': { boros: 3 } },
    events: [{ kind: 'combat', region: 'a2', attack: 4, defense: 5, taken: false, losses: { alba: 2, boros: 3 } }],
  },
  {
    name: 'combat: outside a home region equal strength holds (the attacker must exceed the defense)',
    board: bare(region('a2', { home: false })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'alba', 'regions.a2.units': { alba: 2 }, 'regions.b2.units': { boros: 4 } },
    events: [{ kind: 'combat', region: 'a2', attack: 4, defense: 4, taken: false, losses: { alba: 2, boros: 2 } }],
  },
  {
    name: 'combat: outside a home region 5 attackers beat 4 defenders',
    board: bare(region('a2', { home: false })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 5), NEXT],
    // losses: boros round(2)=2, alba round(2.5)=3; alba's 1 survivor retreats to a1.
    expect: { 'regions.a2.owner': 'boros', 'regions.a2.units': { boros: 3 }, 'regions.a1.units': { alba: 5 }, 'regions.b2.units': { boros: 1 } },
  },
  {
    name: 'combat: supporting units join the defense with the home bonus: (4+4)·1.25 = 10 holds against 6',
    board: bare(),
    steps: [ORDERS, support('alba', 'a1', 'a2', 4), attack('boros', 'b2', 'a2', 6), NEXT],
    // boros loses round(5)=5; alba loses round(3)=3 spread 2 (a2) + 1 (a1), largest remainder to the first stack.
    expect: { 'regions.a2.owner': 'alba', 'regions.a2.units': { alba: 2 }, 'regions.a1.units': { alba: 3 }, 'regions.b2.units': { boros: 1 } },
    events: [{ kind: 'combat', region: 'a2', attack: 6, defense: 10, taken: false, defenseUnits: { alba: 8 } }],
  },
  {
    name: 'combat: a non-aggression partner\'s support counts units·T·I(def, supporter): 4·1.25 + 6·0.6 = 8.6 holds against 8',
    board: bare(nation('dacia', { units: { d1: 8 } }), withTreaties(treaty('nap', { kind: 'non-aggression', members: ['boros', 'corvin'] }))),
    steps: [ORDERS, support('boros', 'b2', 'c2', 6), attack('dacia', 'd1', 'c2', 8), NEXT],
    // dacia loses round(4.3)=4; defenders lose round(4)=4 spread over 4 (corvin) and 6 (boros) as 2 and 2.
    expect: { 'regions.c2.owner': 'corvin', 'regions.c2.units': { corvin: 2 }, 'regions.b2.units': { boros: 4 }, 'regions.d1.units': { dacia: 4 } },
    events: [{ kind: 'combat', region: 'c2', attack: 8, defense: 8.6, taken: false }],
  },
  {
    name: 'combat: a support is cut when its own region is attacked by another state',
    board: bare(nation('dacia', { units: { d1: 8 } }), withTreaties(treaty('nap', { kind: 'non-aggression', members: ['boros', 'corvin'] }))),
    steps: [ORDERS, support('boros', 'b2', 'c2', 6), attack('dacia', 'd1', 'c2', 8), attack('alba', 'a2', 'b2', 4), NEXT],
    // Without boros's 3.6 the defense is 5 < 8: dacia takes c2, corvin loses all 4 there.
    expect: { 'regions.c2.owner': 'dacia', 'regions.c2.units': { dacia: 5 }, 'regions.b2.owner': 'boros' },
    events: [
      { kind: 'support/cut', state: 'boros', from: 'b2', to: 'c2' },
      { kind: 'combat', region: 'c2', attack: 8, defense: 5, taken: true },
    ],
  },
  {
    name: 'combat: technology multiplies strength (4 units at T 1.5 = 6 beat 4·1.25 = 5)',
    board: bare(nation('boros', { technology: 1.5 })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'boros' },
    events: [{ kind: 'combat', region: 'a2', attack: 6, defense: 5, taken: true }],
  },
  {
    name: 'combat: defender technology multiplies defense (4·1.25·1.2 = 6 holds against 6)',
    board: bare(nation('alba', { technology: 1.2 })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'regions.a2.owner': 'alba' },
    events: [{ kind: 'combat', region: 'a2', attack: 6, defense: 6, taken: false }],
  },
  {
    name: 'combat: co-attackers are multiplied by their interoperability: (4+4)·0.6 = 4.8 fails against 5',
    board: bare(),
    prep: (s) => { s.regions.s1!.units.corvin = 4; },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), attack('corvin', 's1', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'alba' },
    events: [{ kind: 'combat', region: 'a2', attackers: ['boros', 'corvin'], attack: 4.8, defense: 5, taken: false }],
  },
  {
    name: 'combat: well-drilled co-attackers (I = 1) bring their full 8 and the larger contribution takes the region',
    board: bare(),
    prep: (s) => { s.regions.s1!.units.corvin = 5; s.interop['boros|corvin'] = 1; },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), attack('corvin', 's1', 'a2', 5), NEXT],
    expect: { 'regions.a2.owner': 'corvin' },
    events: [{ kind: 'combat', region: 'a2', attack: 9, taken: true }, { kind: 'region/captured', region: 'a2', from: 'alba', to: 'corvin' }],
  },
  {
    name: 'combat: equal co-attacker contributions: the region goes to the first by id',
    board: bare(),
    prep: (s) => { s.regions.s1!.units.corvin = 4; s.interop['boros|corvin'] = 1; },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), attack('corvin', 's1', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'boros' },
  },
  {
    name: 'combat: losses never exceed the units present (10 attackers vs 1 defender lose round(0.5·1)=1, the defender 1)',
    board: bare(nation('boros', { units: { b1: 4, b2: 10 } }), nation('alba', { units: { a1: 4, a2: 1 } }), region('a2', { home: false })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 10), NEXT],
    expect: { 'regions.a2.owner': 'boros', 'regions.a2.units': { boros: 9 }, 'regions.a1.units': { alba: 4 } },
    events: [{ kind: 'combat', region: 'a2', losses: { alba: 1, boros: 1 } }],
  },
  {
    name: 'combat: an empty neutral region falls to any attack, without losses',
    board: bare(),
    steps: [ORDERS, attack('alba', 'a2', 's1', 1), NEXT],
    expect: { 'regions.s1.owner': 'alba', 'regions.s1.units': { alba: 1 }, 'regions.a2.units': { alba: 3 } },
    events: [{ kind: 'combat', region: 's1', defender: null, attack: 1, defense: 0, taken: true, losses: { alba: 0 } }],
  },
  {
    name: 'combat: units that attack do not defend their origin (a simultaneous swap takes both regions)',
    board: bare(),
    steps: [ORDERS, attack('alba', 'a2', 'b2', 4), attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'regions.a2.owner': 'boros', 'regions.b2.owner': 'alba', 'regions.a2.units': { boros: 6 }, 'regions.b2.units': { alba: 4 } },
  },
  {
    name: 'combat: early warning from an intelligence partner multiplies defense by 1.1 (4·1.1 = 4.4 holds against 4·1.05)',
    board: bare(region('a2', { home: false }), nation('boros', { technology: 1.05 }),
      withTreaties(treaty('intel', { kind: 'intelligence', members: ['alba', 'dacia'] }))),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'alba' },
    events: [{ kind: 'combat', region: 'a2', attack: 4.2, defense: 4.4, taken: false }, { kind: 'warning/attack', region: 'a2', audience: ['alba', 'dacia'] }],
  },
  {
    name: 'combat: without intelligence sharing the same attack (4.2 > 4) takes the region',
    board: bare(region('a2', { home: false }), nation('boros', { technology: 1.05 })),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'boros' },
    absent: [{ kind: 'warning/attack' }],
  },
  {
    name: 'combat (bug fixed): an intelligence partner that is itself the attacker gives no early warning',
    board: bare(region('a2', { home: false }), nation('boros', { technology: 1.05 }),
      withTreaties(treaty('intel', { kind: 'intelligence', members: ['alba', 'boros'] }))),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 4), NEXT],
    expect: { 'regions.a2.owner': 'boros' },
    events: [{ kind: 'combat', region: 'a2', attack: 4.2, defense: 4, taken: true }],
    absent: [{ kind: 'warning/attack' }],
  },
  {
    name: 'combat: a basing guest in the region defends at I(host, guest): 4·1.25 + 2·0.6 = 6.2 holds against 6',
    board: bare(withTreaties(treaty('base', { kind: 'basing', host: 'alba', guest: 'dacia' }))),
    prep: (s) => { s.regions.a2!.units.dacia = 2; },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    expect: { 'regions.a2.owner': 'alba' },
    events: [{ kind: 'combat', region: 'a2', attack: 6, defense: 6.2, taken: false, defenseUnits: { alba: 4, dacia: 2 } }],
  },
  {
    name: 'combat: honored allies add units·T_ally·I(def, ally): 4·1.25 + 6·1·0.6 = 8.6 holds against 8',
    board: bare(nation('dacia', { units: { d1: 8 } }), withTreaties(pact('pact', ['boros', 'corvin']))),
    steps: [ORDERS, attack('dacia', 'd1', 'c2', 8), { kind: 'advance' }, honor('boros', 6)],
    expect: { 'regions.c2.owner': 'corvin', 'regions.c2.units': { corvin: 2 }, 'regions.b2.units': { boros: 4 }, 'regions.d1.units': { dacia: 4 } },
    events: [{ kind: 'combat', region: 'c2', attack: 8, defense: 8.6, taken: false, defenseUnits: { corvin: 4, boros: 6 }, losses: { corvin: 2, boros: 2, dacia: 4 } }],
  },
  {
    name: 'combat: units moving out of a region do not defend it',
    board: bare(),
    steps: [ORDERS, move('alba', 'a2', 'a1', 3), attack('boros', 'b2', 'a2', 2), NEXT],
    // 2 attackers against 1·1.25: taken; alba's last unit is lost (round(1)=1).
    expect: { 'regions.a2.owner': 'boros', 'regions.a1.units': { alba: 7 } },
    events: [{ kind: 'combat', region: 'a2', attack: 2, defense: 1.25, taken: true }],
  },
  {
    name: 'combat: seeded variance (a match setting) scales each side by U[0.8, 1.2]',
    board: bare(),
    settings: { combatVariance: true },
    steps: [ORDERS, attack('boros', 'b2', 'a2', 6), NEXT],
    check: (m) => {
      const c = m.events.find((e) => e.kind === 'combat');
      if (c?.kind !== 'combat') throw new Error('no combat');
      expect(c.attack).toBeGreaterThanOrEqual(6 * 0.8);
      expect(c.attack).toBeLessThanOrEqual(6 * 1.2);
      expect(c.defense).toBeGreaterThanOrEqual(5 * 0.8);
      expect(c.defense).toBeLessThanOrEqual(5 * 1.2);
      expect(c.attack === 6 && c.defense === 5).toBe(false);
    },
  },
  {
    name: 'combat: a stack may split: 4 attack elsewhere while the 2 left support (4·1.25 + 2·0.6 = 6.2 < 8)',
    board: bare(nation('dacia', { units: { d1: 8 } }), withTreaties(treaty('nap', { kind: 'non-aggression', members: ['boros', 'corvin'] }))),
    steps: [ORDERS, support('boros', 'b2', 'c2', 2), attack('boros', 'b2', 'a2', 4), attack('dacia', 'd1', 'c2', 8), NEXT],
    // c2: 4·1.25 + 2·0.6 = 6.2 < 8 — taken.
    events: [{ kind: 'combat', region: 'c2', defense: 6.2, taken: true }],
  },
  {
    name: 'combat: 5 attackers against 4·1.25 at home is a tie that holds; losses round half up to 3 each',
    board: bare(),
    steps: [ORDERS, attack('boros', 'b2', 'a2', 5), NEXT],
    events: [{ kind: 'combat', region: 'a2', attack: 5, defense: 5, taken: false, losses: { alba: 3, boros: 3 } }],
  },
];

describe('combat (GAME.md §4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
});
