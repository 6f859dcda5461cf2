import type { SeatCommand } from '../commands';
import type { Turn } from '../engine/turn';
import type { Rejection } from '../rejection';
import { reject } from '../rejection';
import { allocate, eligibleStacks } from '../rules/crisisRules';

type Cmd<T extends SeatCommand['type']> = Extract<SeatCommand, { type: T }>;

/** Honor with N eligible units, or abstain. A choice, once made, stands. */
export function crisisChoice(t: Turn, seat: string, c: Cmd<'crisisChoice'>): Rejection | null {
  const crisis = t.s.crises.find((x) => x.id === c.crisis);
  if (!crisis || crisis.ally !== seat) return reject('crisis/unknown', 'There is no crisis with that id calling on you.');
  if (crisis.choice !== null) return reject('crisis/decided', 'You have already answered this crisis.');
  if (c.choice === 'abstain') {
    crisis.choice = 'abstain';
    return null;
  }
  const stacks = eligibleStacks(t.board, t.s, seat, crisis.region, crisis.id);
  const free = stacks.reduce((a, x) => a + x.units, 0);
  if (c.units < 1) return reject('crisis/no-units', 'Honoring means committing at least one unit.');
  if (c.units > free) return reject('crisis/too-many-units', `You have only ${free} eligible units for this crisis.`);
  crisis.choice = 'honor';
  crisis.committed = allocate(stacks, c.units);
  return null;
}
