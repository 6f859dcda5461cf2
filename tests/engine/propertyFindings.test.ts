import { describe, expect, it } from 'vitest';
import { GameStateSchema, view } from '../../shared';
import { Match, miniScenario } from './helpers/miniBoard';

/**
 * Bugs the property tests (properties.test.ts) found, each kept as a plain case so it fails on its own
 * should it come back (STYLE.md §7: every bug found becomes a new row).
 */
describe('findings of the property tests', () => {
  it('a two-member pact that loses a member ends with valid terms, so the state still validates', () => {
    const m = new Match(miniScenario((s) => {
      s.treaties = [{ id: 'duo', terms: { kind: 'defense-pact', name: 'Duo', members: ['alba', 'corvin'], guideline: 0.2 } }];
    })).start().to('diplomacy');
    m.must('alba', { type: 'withdraw', treaty: 'duo', mode: 'immediate' });
    const duo = m.state.treaties.duo!;
    expect(duo.status).toBe('ended');
    expect(duo.terms.kind === 'defense-pact' && duo.terms.members.length).toBeGreaterThanOrEqual(2);
    expect(GameStateSchema.safeParse(m.state).success).toBe(true);
  });

  it('under fog, the units a rising-competitor card raises are news only to their owner', () => {
    const m = new Match(miniScenario(), { fog: true }).start().to('diplomacy');
    expect(m.control({ type: 'injectEvent', card: 'rising-competitor', target: 'dacia' }, 'facilitator').ok).toBe(true);
    const recruited = (state: string) => view(m.scenario, m.state, { role: 'seat', state }).report.filter((e) => e.kind === 'units/recruited');
    expect(recruited('dacia')).toHaveLength(1);
    expect(recruited('alba')).toHaveLength(0);
  });

  it('an order shares everything but its seat\'s orders with the state it was given (and changes none of it)', () => {
    const m = new Match(miniScenario()).start().to('orders');
    const before = m.state;
    const text = JSON.stringify(before);
    m.must('alba', { type: 'order', order: { kind: 'move', from: 'a1', to: 'a2', units: 2 } });
    expect(JSON.stringify(before)).toBe(text);
    expect(m.state.regions).toBe(before.regions);
    expect(m.state.orders.boros).toBe(before.orders.boros);
    expect(m.state.orders.alba).not.toBe(before.orders.alba);
    expect(m.state.orders.alba!.force).toHaveLength(1);
  });
});
