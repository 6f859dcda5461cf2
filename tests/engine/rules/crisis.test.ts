import { describe, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import {
  abstain, ADVANCE, attack, boards, coefficients, honor, move, nation, NEXT, ORDERS, pact, runRefusal, runRow, treaty, withTreaties,
} from '../helpers/ruleTable';

/**
 * GAME.md §3.4: an attack on a member of a defense pact or a guaranteed state opens a crisis for each
 * obligated ally, which honors (with eligible units: in the attacked region's theater or adjacent to it)
 * or abstains. Credibility: honor +5, abstain −15; cohesion: honor +5, abstain −10.
 *
 * Base: a pact of boros and corvin (guideline 20%, both at 20%: +1 credibility each at resolution);
 * dacia with 8 units in d1 attacks corvin's c2. Boros's b2 (6 units) is next to c2; b1 is not, and is in the west.
 */
const base = boards(coefficients({ unitCost: 1000 }), nation('dacia', { units: { d1: 8 } }));
const bc = boards(base, withTreaties(pact('pact', ['boros', 'corvin'])));
const daciaStrikes = [ORDERS, attack('dacia', 'd1', 'c2', 8), ADVANCE];

const rows: Row[] = [
  {
    name: 'defense pact: an attack on any member opens a crisis for the others, told only to the ally and the defender',
    board: bc,
    steps: daciaStrikes,
    expect: { phase: 'crisis', 'crises.length': 1, 'crises.0.ally': 'boros', 'crises.0.defender': 'corvin', 'crises.0.obligation': 'defense-pact', 'crises.0.treatyId': 'pact', 'crises.0.attackUnits': 8 },
    events: [{ kind: 'crisis/opened', region: 'c2', defender: 'corvin', attackers: ['dacia'], ally: 'boros', eligible: 6, audience: ['corvin', 'boros'] }],
  },
  {
    name: 'crisis: eligible units are those adjacent to the attacked region (b2), not those elsewhere in another theater (b1)',
    board: bc,
    steps: daciaStrikes,
    expect: { 'crises.0.eligible': 6 },
  },
  {
    name: 'crisis: units in the attacked region\'s theater are eligible even when not adjacent (a1 and a2 for b2)',
    board: boards(base, withTreaties(pact('pact', ['alba', 'boros']))),
    steps: [ORDERS, attack('corvin', 'c2', 'b2', 4), ADVANCE],
    expect: { 'crises.0.ally': 'alba', 'crises.0.eligible': 8 },
  },
  {
    name: 'crisis: units ordered to move or attack are not eligible',
    board: bc,
    steps: [ORDERS, move('boros', 'b2', 'b1', 2), attack('dacia', 'd1', 'c2', 8), ADVANCE],
    expect: { 'crises.0.eligible': 4 },
  },
  {
    name: 'crisis: an ally with no eligible units is not called, and the round resolves at once',
    board: bc,
    steps: [ORDERS, move('boros', 'b2', 'b1', 6), attack('dacia', 'd1', 'c2', 8), ADVANCE],
    expect: { round: 2, phase: 'diplomacy', 'nations.boros.credibility': 61 },
    absent: [{ kind: 'crisis/opened' }],
  },
  {
    name: 'guarantee: obliges the guarantor to answer an attack on the protected state',
    board: boards(base, withTreaties(treaty('g', { kind: 'guarantee', guarantor: 'boros', protected: 'corvin' }))),
    steps: daciaStrikes,
    expect: { phase: 'crisis', 'crises.0.ally': 'boros', 'crises.0.obligation': 'guarantee', 'crises.0.treatyId': 'g' },
  },
  {
    name: 'guarantee: one-way (hub and spoke) — an attack on the guarantor calls on nobody',
    board: boards(base, withTreaties(treaty('g', { kind: 'guarantee', guarantor: 'corvin', protected: 'boros' }))),
    steps: daciaStrikes,
    expect: { round: 2, phase: 'diplomacy' },
    absent: [{ kind: 'crisis/opened' }],
  },
  {
    name: 'forum: no obligation — an attack on a fellow member opens no crisis',
    board: boards(base, withTreaties(treaty('f', { kind: 'forum', name: 'Talks', members: ['boros', 'corvin'] }))),
    steps: daciaStrikes,
    expect: { round: 2 },
    absent: [{ kind: 'crisis/opened' }],
  },
  {
    name: 'crisis: the attacker\'s own pact partners are not called against it (only boros is)',
    board: boards(base, withTreaties(pact('pact', ['boros', 'corvin', 'dacia']))),
    steps: daciaStrikes,
    expect: { 'crises.length': 1, 'crises.0.ally': 'boros' },
  },
  {
    name: 'crisis: honoring an obligation is worth +5 credibility (66 with the guideline\'s +1)',
    board: bc,
    steps: [...daciaStrikes, honor('boros', 6)],
    expect: { 'nations.boros.credibility': 66 },
    events: [{ kind: 'crisis/decided', ally: 'boros', choice: 'honor', units: 6 }, { kind: 'credibility', state: 'boros', delta: 5, reason: 'honored an obligation' }],
  },
  {
    name: 'crisis: abstaining costs 15 credibility (46 with the guideline\'s +1)',
    board: bc,
    steps: [...daciaStrikes, abstain('boros')],
    expect: { 'nations.boros.credibility': 46 },
    events: [{ kind: 'crisis/decided', ally: 'boros', choice: 'abstain', units: 0 }],
  },
  {
    name: 'crisis: an unanswered crisis counts as abstention when its timer ends',
    board: bc,
    steps: [...daciaStrikes, NEXT],
    expect: { 'nations.boros.credibility': 46, round: 2 },
    events: [{ kind: 'crisis/decided', ally: 'boros', choice: 'abstain' }],
  },
  {
    name: 'crisis: the phase ends as soon as every crisis is answered',
    board: bc,
    steps: [...daciaStrikes, abstain('boros')],
    expect: { round: 2, phase: 'diplomacy', crises: [] },
  },
  {
    name: 'crisis: honoring raises the pact\'s cohesion by 5 (70 → 75)',
    board: bc,
    steps: [...daciaStrikes, honor('boros', 3)],
    expect: { 'treaties.pact.cohesion': 75 },
  },
  {
    name: 'crisis: abstaining lowers the pact\'s cohesion by 10 (70 → 60)',
    board: bc,
    steps: [...daciaStrikes, abstain('boros')],
    expect: { 'treaties.pact.cohesion': 60 },
  },
  {
    name: 'crisis: honored units fight and then go home (b2: 6 − 2 lost = 4)',
    board: bc,
    steps: [...daciaStrikes, honor('boros', 6)],
    expect: { 'regions.c2.owner': 'corvin', 'regions.b2.units': { boros: 4 } },
  },
  {
    name: 'crisis: abandoned, the defender fights alone and falls (8 > 4·1.25)',
    board: bc,
    steps: [...daciaStrikes, abstain('boros')],
    expect: { 'regions.c2.owner': 'dacia', 'regions.b2.units': { boros: 6 } },
  },
  {
    name: 'crisis: committed units are taken nearest first: the adjacent stack (a2), then the theater (a1)',
    board: boards(base, withTreaties(pact('pact', ['alba', 'boros']))),
    steps: [ORDERS, attack('corvin', 'c2', 'b2', 4), ADVANCE, honor('alba', 5)],
    events: [{ kind: 'crisis/decided', ally: 'alba', choice: 'honor', units: 5 }],
    check: (m) => {
      // After resolution the crisis list is cleared; the battle shows who fought.
      const c = m.events.find((e) => e.kind === 'combat' && e.region === 'b2');
      if (c?.kind !== 'combat') throw new Error('no battle at b2');
      if (c.defenseUnits.alba !== 5) throw new Error(`alba fought with ${c.defenseUnits.alba}`);
    },
  },
  {
    name: 'crisis: early warning goes to the defender and its intelligence partners only',
    board: boards(base, withTreaties(treaty('i', { kind: 'intelligence', members: ['corvin', 'alba'] }))),
    steps: daciaStrikes,
    events: [{ kind: 'warning/attack', region: 'c2', attackers: ['dacia'], units: 8, audience: ['corvin', 'alba'] }],
  },
];

const refusals: RefusalRow[] = [
  {
    name: 'crisis/unknown: a state not called on cannot answer the crisis',
    board: bc, steps: daciaStrikes, by: 'alba',
    command: { type: 'crisisChoice', crisis: 'crisis-1', choice: 'honor', units: 1 }, code: 'crisis/unknown',
  },
  {
    name: 'crisis/unknown: there is no crisis with that id',
    board: bc, steps: daciaStrikes, by: 'boros',
    command: { type: 'crisisChoice', crisis: 'crisis-99', choice: 'abstain', units: 0 }, code: 'crisis/unknown',
  },
  {
    name: 'crisis/decided: a choice, once made, stands',
    board: boards(bc, withTreaties(treaty('g', { kind: 'guarantee', guarantor: 'alba', protected: 'corvin' }))),
    prep: (s) => { s.regions.s1!.units.alba = 2; },
    steps: [...daciaStrikes, abstain('boros')], by: 'boros',
    command: { type: 'crisisChoice', crisis: 'crisis-2', choice: 'honor', units: 2 }, code: 'crisis/decided',
  },
  {
    name: 'crisis/no-units: honoring commits at least one unit',
    board: bc, steps: daciaStrikes, by: 'boros',
    command: { type: 'crisisChoice', crisis: 'crisis-1', choice: 'honor', units: 0 }, code: 'crisis/no-units',
  },
  {
    name: 'crisis/too-many-units: no more than the eligible units',
    board: bc, steps: daciaStrikes, by: 'boros',
    command: { type: 'crisisChoice', crisis: 'crisis-1', choice: 'honor', units: 7 }, code: 'crisis/too-many-units',
  },
];

describe('crisis (GAME.md §3.4)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
