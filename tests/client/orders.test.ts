import { describe, expect, it } from 'vitest';
import { buildOrder, clickRegion, describeOrder, maxUnitsFor, ownStacks, refusal, stackOptions } from '../../client/display/orderBuilder';
import { scenario, Table } from './fixtures';

const tutorial = scenario('tutorial');

describe('building force orders from clicks', () => {
  const t = new Table(tutorial).toOrders();
  const v = t.view('drakmor');

  it('lists own stacks with their free units', () => {
    expect(ownStacks(tutorial, v).map((s) => [s.region, s.units, s.free])).toEqual([['dra-west', 5, 5], ['dra-capital', 3, 3], ['dra-east', 4, 4]]);
  });

  it('a click on an own stack selects it; a click on a neighbour offers the legal kinds', () => {
    expect(clickRegion(tutorial, v, null, 'dra-west')).toEqual({ type: 'select', from: 'dra-west' });
    const r = clickRegion(tutorial, v, 'dra-west', 'cor-hills');
    expect(r.type).toBe('target');
    if (r.type === 'target') expect(r.options.map((o) => o.kind)).toEqual(['attack']);
    const own = clickRegion(tutorial, v, 'dra-west', 'dra-capital');
    if (own.type === 'target') expect(own.options.map((o) => o.kind).sort()).toEqual(['move', 'support']);
    expect(clickRegion(tutorial, v, 'dra-west', 'dra-west')).toEqual({ type: 'clear' });
  });

  it('a target no order can reach says why, in the engine’s words, before anything is sent', () => {
    const r = clickRegion(tutorial, v, 'dra-west', 'lis-capital');
    expect(r).toMatchObject({ type: 'refused' });
    if (r.type === 'refused') expect(r.reason).toMatch(/is not next to/);
  });

  it('explains too many units and orders outside the orders phase', () => {
    expect(refusal(tutorial, v, buildOrder('attack', 'dra-west', 'cor-hills', 6))).toMatch(/Only 5 of your 5 units/);
    expect(refusal(tutorial, v, buildOrder('attack', 'dra-west', 'cor-hills', 5))).toBeNull();
    const early = new Table(tutorial);
    early.control({ type: 'start' });
    expect(refusal(tutorial, early.view('drakmor'), buildOrder('attack', 'dra-west', 'cor-hills', 1))).toMatch(/orders phase/);
  });

  it('counts units already ordered from the stack', () => {
    const o = new Table(tutorial).toOrders().seat('drakmor', { type: 'order', order: { kind: 'attack', from: 'dra-west', to: 'cor-hills', units: 3 } });
    const ov = o.view('drakmor');
    expect(maxUnitsFor(ov, buildOrder('attack', 'dra-west', 'border-hills', 1))).toBe(2);
    // Giving the same slot again replaces it, so its own units count as free.
    expect(maxUnitsFor(ov, buildOrder('attack', 'dra-west', 'cor-hills', 1))).toBe(5);
    const others = stackOptions(tutorial, ov, 'dra-west').filter((x) => !(x.kind === 'attack' && x.target === 'cor-hills'));
    expect(others.every((x) => x.maxUnits === 2)).toBe(true);
  });

  it('builds and describes each kind', () => {
    expect(buildOrder('exercise', 'dra-west', 'valdoria', 2)).toEqual({ kind: 'exercise', from: 'dra-west', partner: 'valdoria', units: 2 });
    expect(describeOrder(tutorial, buildOrder('attack', 'dra-west', 'cor-hills', 1))).toBe('Attack Corvan Hills from Drak Marches with 1 unit');
    expect(describeOrder(tutorial, buildOrder('move', 'dra-west', 'dra-capital', 2))).toBe('Move 2 units from Drak Marches to Drakhold');
  });

  it('spectators and other phases do not give orders', () => {
    expect(clickRegion(tutorial, t.view(null), null, 'dra-west')).toEqual({ type: 'none' });
  });
});
