import type { SeatCommand } from '../commands';

/** Roles in a team that plays one state (classroom exercises, GAME.md §7). No zod here: the browser's first bundle uses it. */
export const TEAM_ROLES = ['head', 'defense', 'diplomat'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  head: 'Head of government',
  defense: 'Defense minister',
  diplomat: 'Diplomat',
};

/** Seat commands that are "orders" in the sense of an exercise's `orderRoles`. */
const ORDER_COMMANDS: ReadonlySet<SeatCommand['type']> = new Set(['setBudget', 'order', 'cancelOrder', 'hold', 'aid', 'sanctionsVote', 'crisisChoice']);

export function isOrderCommand(c: Pick<SeatCommand, 'type'>): boolean {
  return ORDER_COMMANDS.has(c.type);
}

/** Whether a team member with this role may give orders; `orderRoles` null lets every member. */
export function roleMayOrder(config: { orderRoles: readonly TeamRole[] | null }, role: TeamRole | null): boolean {
  if (config.orderRoles === null) return true;
  return role !== null && config.orderRoles.includes(role);
}
