import type { BoardIndex } from '../../shared/board';
import { boardOf } from '../../shared/board';
import type { OrderOption } from '../../shared/legal';
import { legalOrders } from '../../shared/legal';
import type { ForceOrder, ForceOrderKind } from '../../shared/orders';
import { sameSlot } from '../../shared/orderSlots';
import { checkForceOrder, mayStation, unitsOf, unitsOrdered } from '../../shared/rules/forceOrders';
import type { Scenario } from '../../shared/scenario/schema';
import type { PlayerView } from '../../shared/view';
import { stateName } from './palette';

/**
 * Building force orders from clicks, as pure functions over a view. The legal options come from
 * the engine (legalOrders), and an order it would refuse is explained by the engine's own check
 * (checkForceOrder) before anything is sent. The client never decides an outcome.
 */

export const ORDER_VERBS: Record<ForceOrderKind, string> = {
  move: 'Move',
  attack: 'Attack',
  support: 'Support',
  exercise: 'Exercise with',
};

/** What each order kind does, in a sentence for the panel. */
export const ORDER_HELP: Record<ForceOrderKind, string> = {
  move: 'Reposition units into your own region, a neutral one, or a host’s region under basing access.',
  attack: 'Strike a neighbouring region held by another state (or nobody). Allies of its owner may be called to defend it.',
  support: 'Add strength to the defense of a neighbouring friendly region. Supporting units still defend where they stand.',
  exercise: 'A joint exercise with a treaty partner present in this theater raises interoperability, if the partner orders one back.',
};

/** A stack the seat may give orders to: its units in one region. */
export interface StackInfo {
  region: string;
  name: string;
  units: number;
  /** Units not yet given an order (they hold). */
  free: number;
  orders: ForceOrder[];
}

export function ownStacks(scenario: Scenario, view: PlayerView): StackInfo[] {
  if (!view.own) return [];
  const b = boardOf(scenario);
  const me = view.own.state;
  const orders = view.own.orders.force;
  const out: StackInfo[] = [];
  for (const r of scenario.regions) {
    const units = unitsOf(view, me, r.id);
    if (units === 0) continue;
    const mine = orders.filter((o) => o.from === r.id);
    out.push({ region: r.id, name: b.region.get(r.id)!.name, units, free: units - unitsOrdered(orders, r.id), orders: mine });
  }
  return out;
}

/** Legal options of one stack, grouped as the panel lists them. */
export function stackOptions(scenario: Scenario, view: PlayerView, from: string): OrderOption[] {
  return legalOrders(scenario, view).filter((o) => o.from === from);
}

/** Build the order for an option with a unit count. */
export function buildOrder(kind: ForceOrderKind, from: string, target: string, units: number): ForceOrder {
  if (kind === 'exercise') return { kind, from, partner: target, units };
  return { kind, from, to: target, units };
}

/** The order already standing in the same slot, if any (giving it again replaces its count). */
export function standingOrder(view: PlayerView, order: ForceOrder): ForceOrder | null {
  return view.own?.orders.force.find((o) => sameSlot(o, order)) ?? null;
}

/** Most units this order may take: the stack's free units plus what its own slot already holds. */
export function maxUnitsFor(view: PlayerView, order: ForceOrder): number {
  if (!view.own) return 0;
  const have = unitsOf(view, view.own.state, order.from);
  return have - unitsOrdered(view.own.orders.force, order.from, order);
}

/** Why the engine would refuse this order now, or null if it would accept it. */
export function refusal(scenario: Scenario, view: PlayerView, order: ForceOrder): string | null {
  if (!view.own) return 'Only a seat gives orders.';
  if (view.phase !== 'orders') return 'Force orders are given in the orders phase.';
  const bad = checkForceOrder(boardOf(scenario), view, view.own.state, order, view.own.orders.force);
  return bad ? bad.message : null;
}

/** The order a click on `target` most naturally means from `from`: move where one may station, else attack. */
export function naturalKind(b: BoardIndex, view: PlayerView, me: string, target: string): 'move' | 'attack' {
  void b;
  return mayStation(view, me, target) ? 'move' : 'attack';
}

export type ClickResult =
  /** The click selected a stack to give orders to. */
  | { type: 'select'; from: string }
  /** The click named a target: these legal kinds apply (the panel asks which if several). */
  | { type: 'target'; from: string; target: string; options: OrderOption[] }
  /** The click named a target no order may reach: the engine's reason. */
  | { type: 'refused'; from: string; target: string; reason: string }
  /** Clicking the selected stack again, or a region that is not one's own with nothing selected. */
  | { type: 'clear' }
  | { type: 'none' };

/**
 * A click on the board while giving orders: with nothing selected, a region with own units selects
 * that stack; with a stack selected, another region is a target.
 */
export function clickRegion(scenario: Scenario, view: PlayerView, selected: string | null, region: string): ClickResult {
  if (!view.own || view.phase !== 'orders') return { type: 'none' };
  const me = view.own.state;
  const mine = unitsOf(view, me, region) > 0;
  if (selected === null) return mine ? { type: 'select', from: region } : { type: 'none' };
  if (selected === region) return { type: 'clear' };
  const options = stackOptions(scenario, view, selected).filter((o) => o.target === region);
  if (options.length > 0) return { type: 'target', from: selected, target: region, options };
  const b = boardOf(scenario);
  const kind = naturalKind(b, view, me, region);
  const probe = buildOrder(kind, selected, region, 1);
  const reason = refusal(scenario, view, probe);
  if (reason) {
    // A click on another own stack far away most likely means "select that one instead".
    if (mine && !b.adjacent.get(selected)?.has(region)) return { type: 'select', from: region };
    return { type: 'refused', from: selected, target: region, reason };
  }
  return { type: 'refused', from: selected, target: region, reason: 'No order can reach that region from here.' };
}

/** A sentence for an order, e.g. "Attack Border Hills from Drak Marches with 3 units". */
export function describeOrder(scenario: Scenario, order: ForceOrder): string {
  const b = boardOf(scenario);
  const n = (id: string) => b.region.get(id)?.name ?? id;
  const u = `${order.units} unit${order.units === 1 ? '' : 's'}`;
  switch (order.kind) {
    case 'move': return `Move ${u} from ${n(order.from)} to ${n(order.to)}`;
    case 'attack': return `Attack ${n(order.to)} from ${n(order.from)} with ${u}`;
    case 'support': return `Support ${n(order.to)} from ${n(order.from)} with ${u}`;
    case 'exercise': return `Exercise with ${stateName(scenario, order.partner)} in ${n(order.from)} with ${u}`;
  }
}

/** The name of an option's target: a region or, for an exercise, a state. */
export function optionTargetName(scenario: Scenario, o: OrderOption): string {
  if (o.kind === 'exercise') return stateName(scenario, o.target);
  return boardOf(scenario).region.get(o.target)?.name ?? o.target;
}
