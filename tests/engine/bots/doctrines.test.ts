import { describe, expect, it } from 'vitest';
import type { SeatCommand } from '../../../shared';
import { decideBot, DOCTRINES, isDoctrine } from '../../../shared/bots';
import { BotMatch, fixtureScenario } from './fixture';

const all = { alba: 'guardian', corvin: 'guardian', boros: 'opportunist', dacia: 'hedger', elis: 'hedger' } as const;

/** Boros strikes Alba's a2 with everything at b2, then orders close: Corvin, Alba's pact partner, faces a crisis. */
function crisisOnAlba(corvin: (typeof DOCTRINES)[number]) {
  const m = new BotMatch(fixtureScenario(), { ...all, corvin });
  m.control({ type: 'advancePhase' });
  m.seat('boros', { type: 'order', order: { kind: 'attack', from: 'b2', to: 'a2', units: 8 } });
  m.control({ type: 'advancePhase' });
  expect(m.state.phase).toBe('crisis');
  const crisis = m.state.crises.find((c) => c.ally === 'corvin')!;
  expect(crisis.eligible).toBeGreaterThan(0);
  return { m, crisis, cmds: decideBot(m.scenario, m.view('corvin'), corvin, 'seed') };
}

function budgetOf(cmds: SeatCommand[], inForce: number): number {
  const b = cmds.find((c): c is Extract<SeatCommand, { type: 'setBudget' }> => c.type === 'setBudget');
  return b ? b.budget.defense : inForce;
}

describe('doctrine marks (GAME.md §8)', () => {
  it('names the four doctrines', () => {
    expect(DOCTRINES).toEqual(['guardian', 'free-rider', 'opportunist', 'hedger']);
    expect(DOCTRINES.every(isDoctrine)).toBe(true);
    expect(isDoctrine('pacifist')).toBe(false);
  });

  it('a guardian honors a crisis when it has eligible units', () => {
    const { m, crisis, cmds } = crisisOnAlba('guardian');
    expect(cmds).toHaveLength(1);
    const answer = cmds[0]!;
    expect(answer).toMatchObject({ type: 'crisisChoice', crisis: crisis.id, choice: 'honor' });
    if (answer.type !== 'crisisChoice') throw new Error('unreachable');
    expect(answer.units).toBeGreaterThanOrEqual(1);
    expect(answer.units).toBeLessThanOrEqual(crisis.eligible);
    m.seat('corvin', answer);
  });

  it('an opportunist abstains where a guardian honors', () => {
    const { cmds } = crisisOnAlba('opportunist');
    expect(cmds).toEqual([expect.objectContaining({ type: 'crisisChoice', choice: 'abstain' })]);
  });

  it('a free rider spends below its pact guideline, a guardian at or above it', () => {
    for (const [doctrine, below] of [['free-rider', true], ['guardian', false]] as const) {
      const m = new BotMatch(fixtureScenario(), { ...all, alba: doctrine });
      m.control({ type: 'advancePhase' });
      const v = m.view('alba');
      const defense = budgetOf(decideBot(m.scenario, v, doctrine, 'seed'), v.own!.budget.defense);
      if (below) expect(defense).toBeLessThan(25);
      else expect(defense).toBeGreaterThanOrEqual(25);
    }
  });

  it('an opportunist attacks the weakest-deterred neighbour it can take', () => {
    // Elis (one unit) is deterred less than Dacia (two), and Alba, backed by Corvin, most of all.
    const scenario = fixtureScenario((s) => {
      s.states.find((x) => x.id === 'elis')!.units = { e1: 1 };
    });
    const m = new BotMatch(scenario, all);
    m.control({ type: 'advancePhase' });
    const v = m.view('boros');
    const attacks = decideBot(scenario, v, 'opportunist', 'seed').flatMap((c) => (c.type === 'order' && c.order.kind === 'attack' ? [c.order] : []));
    expect(attacks.length).toBeGreaterThan(0);
    const index = (r: string): number => v.regions[r]!.deterrence!;
    expect(index('e1')).toBeLessThan(index('d1'));
    expect(index('d1')).toBeLessThan(index('a2'));
    expect(attacks[0]!.to).toBe('e1');
    expect(attacks.some((a) => a.to === 'a2')).toBe(false);
  });

  it('a hedger joins forums, not pacts, and leaves a pact it finds itself in', () => {
    const m = new BotMatch(fixtureScenario(), { ...all, alba: 'hedger', elis: 'hedger' });
    m.seat('corvin', { type: 'propose', terms: { kind: 'forum', name: 'Talks', members: ['corvin', 'elis'] } });
    m.seat('corvin', { type: 'propose', terms: { kind: 'defense-pact', name: 'East', members: ['corvin', 'elis'], guideline: 0.2 } });
    const elis = decideBot(m.scenario, m.view('elis'), 'hedger', 'seed');
    const kindOf = (id: string) => m.state.treaties[id]!.terms.kind;
    const answers = elis.flatMap((c) => (c.type === 'respond' ? [[kindOf(c.treaty), c.accept] as const] : []));
    expect(answers).toEqual(expect.arrayContaining([['forum', true], ['defense-pact', false]]));
    expect(elis.some((c) => c.type === 'propose' && (c.terms.kind === 'defense-pact' || c.terms.kind === 'guarantee'))).toBe(false);
    const alba = decideBot(m.scenario, m.view('alba'), 'hedger', 'seed');
    expect(alba).toContainEqual({ type: 'withdraw', treaty: 'pact', mode: 'notice' });
  });

  it('is a pure function of view, doctrine and seed', () => {
    const m = new BotMatch(fixtureScenario(), all);
    m.control({ type: 'advancePhase' });
    for (const d of DOCTRINES) {
      const v = m.view('boros');
      const frozen = JSON.stringify(v);
      const a = decideBot(m.scenario, v, d, 's');
      expect(decideBot(m.scenario, JSON.parse(frozen), d, 's')).toEqual(a);
      expect(JSON.stringify(v)).toBe(frozen);
    }
  });
});
