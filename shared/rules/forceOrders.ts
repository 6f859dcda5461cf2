import type { BoardIndex } from '../board';
import { isAdjacent } from '../board';
import type { ForceOrder } from '../orders';
import { sameSlot } from '../orderSlots';
import type { Rejection } from '../rejection';
import { reject } from '../rejection';
import type { TreatyBook } from '../treaties/queries';
import { activeTreaties, areFriendly, hasBasing, isParty } from '../treaties/queries';

/** What order rules read: the game state and a seat's view both have this shape (units null = fogged). */
export interface BoardLike {
  regions: Record<string, { owner: string | null; units: Record<string, number> | null }>;
  treaties: TreatyBook;
}

const rname = (b: BoardIndex, id: string): string => b.region.get(id)?.name ?? id;

/** May `seat` station units in `region`? Own regions, a host's regions under basing access, neutral regions. */
export function mayStation(view: BoardLike, seat: string, region: string): boolean {
  const owner = view.regions[region]?.owner ?? null;
  return owner === null || owner === seat || hasBasing(view.treaties, owner, seat);
}

export function unitsOf(view: BoardLike, seat: string, region: string): number {
  return view.regions[region]?.units?.[seat] ?? 0;
}

/** Units of the stack already given to other orders (the order's own slot excluded). */
export function unitsOrdered(orders: readonly ForceOrder[], from: string, except?: ForceOrder): number {
  return orders.filter((o) => o.from === from && !(except && sameSlot(o, except))).reduce((a, o) => a + o.units, 0);
}

/** Is this force order legal for the seat now? The same check serves the engine, the client's hints and the bots. */
export function checkForceOrder(b: BoardIndex, view: BoardLike, seat: string, order: ForceOrder, existing: readonly ForceOrder[]): Rejection | null {
  if (!b.region.has(order.from)) return reject('order/unknown-region', `There is no region "${order.from}".`);
  const have = unitsOf(view, seat, order.from);
  if (have === 0) return reject('order/no-units', `You have no units in ${rname(b, order.from)}.`);
  const free = have - unitsOrdered(existing, order.from, order);
  if (order.units > free) {
    return reject('order/too-many-units', `Only ${free} of your ${have} units in ${rname(b, order.from)} are free for this order.`);
  }
  if (order.kind === 'exercise') {
    if (order.partner === seat) return reject('order/exercise-self', 'A joint exercise needs another state.');
    if (!b.stateIds.includes(order.partner)) return reject('order/unknown-state', `There is no state "${order.partner}".`);
    const partnered = activeTreaties(view.treaties).some((t) => isParty(t, seat) && isParty(t, order.partner));
    if (!partnered) return reject('order/exercise-no-treaty', 'Joint exercises are held with treaty partners only.');
    const theater = b.theaterOf.get(order.from);
    const present = (b.theaterRegions.get(theater ?? '') ?? []).some((r) => unitsOf(view, order.partner, r) > 0);
    if (!present) return reject('order/exercise-partner-absent', 'Your partner has no units in this theater.');
    return null;
  }
  const to = order.to;
  if (!b.region.has(to)) return reject('order/unknown-region', `There is no region "${to}".`);
  if (to === order.from) return reject('order/same-region', 'An order must name another region.');
  if (!isAdjacent(b, order.from, to)) return reject('order/not-adjacent', `${rname(b, to)} is not next to ${rname(b, order.from)}.`);
  const owner = view.regions[to]?.owner ?? null;
  switch (order.kind) {
    case 'move':
      if (!mayStation(view, seat, to)) {
        return reject('order/move-foreign', `${rname(b, to)} belongs to another state: you may move there only with basing access; otherwise attack.`);
      }
      return null;
    case 'attack':
      if (owner === seat) return reject('order/attack-own', `${rname(b, to)} is already yours.`);
      return null;
    case 'support':
      if (owner === null || !areFriendly(view.treaties, seat, owner)) {
        return reject('order/support-unfriendly', `You can support only your own regions and those of your pact, guarantee, basing or non-aggression partners.`);
      }
      return null;
  }
}
