import type { SeatCommand } from '../commands';
import type { Turn } from '../engine/turn';
import { sameSlot } from '../orderSlots';
import type { Rejection } from '../rejection';
import { reject } from '../rejection';
import { checkForceOrder } from '../rules/forceOrders';

type Cmd<T extends SeatCommand['type']> = Extract<SeatCommand, { type: T }>;

export function setBudget(t: Turn, seat: string, c: Cmd<'setBudget'>): Rejection | null {
  const cap = t.s.nations[seat]!.defenseCap;
  if (cap !== null && c.budget.defense > cap) {
    return reject('budget/capped', `After the fall of your government, defense may be at most ${cap}% this round.`);
  }
  t.s.orders[seat]!.budget = c.budget;
  return null;
}

export function order(t: Turn, seat: string, c: Cmd<'order'>): Rejection | null {
  const mine = t.s.orders[seat]!;
  const bad = checkForceOrder(t.board, t.s, seat, c.order, mine.force);
  if (bad) return bad;
  mine.force = [...mine.force.filter((o) => !sameSlot(o, c.order)), c.order];
  return null;
}

export function cancelOrder(t: Turn, seat: string, c: Cmd<'cancelOrder'>): Rejection | null {
  const mine = t.s.orders[seat]!;
  if (!mine.force.some((o) => sameSlot(o, c.order))) return reject('order/not-found', 'There is no such order to cancel.');
  mine.force = mine.force.filter((o) => !sameSlot(o, c.order));
  return null;
}

export function hold(t: Turn, seat: string, c: Cmd<'hold'>): Rejection | null {
  if ((t.s.regions[c.from]?.units[seat] ?? 0) === 0) return reject('order/no-units', 'You have no units there.');
  const mine = t.s.orders[seat]!;
  mine.force = mine.force.filter((o) => o.from !== c.from);
  return null;
}

export function aid(t: Turn, seat: string, c: Cmd<'aid'>): Rejection | null {
  if (c.to === seat) return reject('aid/self', 'Aid goes to another state.');
  if (!t.s.nations[c.to]) return reject('aid/unknown-state', `There is no state "${c.to}".`);
  const mine = t.s.orders[seat]!;
  const others = Object.entries(mine.aid).filter(([k]) => k !== c.to).reduce((a, [, v]) => a + v, 0);
  const output = t.s.nations[seat]!.output;
  if (others + c.amount > output) return reject('aid/too-much', `Total aid may not exceed your output of ${output}.`);
  if (c.amount === 0) delete mine.aid[c.to];
  else mine.aid[c.to] = c.amount;
  return null;
}

export function sanctionsVote(t: Turn, seat: string, c: Cmd<'sanctionsVote'>): Rejection | null {
  const tr = t.s.treaties[c.treaty];
  if (!tr || tr.status !== 'active' || tr.terms.kind !== 'sanctions' || !tr.terms.members.includes(seat)) {
    return reject('sanctions/not-member', 'You are not a member of an active sanctions coalition with that id.');
  }
  t.s.orders[seat]!.sanctions[c.treaty] = c.enforce;
  return null;
}
