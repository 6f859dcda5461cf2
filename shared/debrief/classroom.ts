import { z } from 'zod';
import { ControlCommandSchema } from '../commands';
import { IdSchema } from '../ids';
import { MatchSettingsSchema } from '../settings';
import type { TeamRole } from './roles';
import { TEAM_ROLES } from './roles';

export { isOrderCommand, roleMayOrder, TEAM_ROLE_LABELS, TEAM_ROLES } from './roles';
export type { TeamRole } from './roles';

/**
 * The wire formats of classroom exercises (GAME.md §7): a facilitator creates an exercise, students
 * arrive with a name, the facilitator seats them (several per state, with optional roles) and runs
 * the match. Server and client both parse with these schemas; the server's log of seating actions
 * is stored in the same shapes.
 */

export const TeamRoleSchema = z.enum(TEAM_ROLES);

/** How the exercise runs beyond the match settings. */
export const ExerciseConfigSchema = z.object({
  /** Shown to students and on the projector. */
  title: z.string().trim().min(1).max(80).default('Class exercise'),
  /**
   * Roles whose members may give orders (budget, force orders, aid, sanctions, crisis choices);
   * null: every member of a team may. Everyone may always talk and negotiate.
   */
  orderRoles: z.array(TeamRoleSchema).max(TEAM_ROLES.length).nullable().default(null),
});
export type ExerciseConfig = z.infer<typeof ExerciseConfigSchema>;

/** POST /api/exercises. An exercise is always a private match, joined with its code. */
export const CreateExerciseSchema = z.object({
  scenario: IdSchema,
  settings: MatchSettingsSchema,
  seed: z.string().max(64).optional(),
  exercise: ExerciseConfigSchema.default({ title: 'Class exercise', orderRoles: null }),
});
export type CreateExercise = z.infer<typeof CreateExerciseSchema>;
export type CreateExerciseInput = z.input<typeof CreateExerciseSchema>;

/** POST /api/exercises/arrive: a student arrives with the join code and a name. */
export const ArriveSchema = z.object({
  code: z.string().trim().min(4).max(16),
  name: z.string().trim().min(1).max(32),
});

/** What the facilitator does with the students (POST /api/exercises/:id/seating). */
export const SeatingActionSchema = z.discriminatedUnion('type', [
  /** Seat a student at a state (or move them there), with a role in the team or none. */
  z.object({ type: z.literal('assign'), participant: IdSchema, state: IdSchema, role: TeamRoleSchema.nullable().default(null) }),
  /** Back to the waiting list. */
  z.object({ type: z.literal('unassign'), participant: IdSchema }),
  /** Out of the exercise: the student's link stops working. */
  z.object({ type: z.literal('remove'), participant: IdSchema }),
]);
export type SeatingAction = z.infer<typeof SeatingActionSchema>;

/** One entry of an exercise's durable log: arrivals, the facilitator's seating actions, key re-issues. */
export const ExerciseActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('arrive'), participant: IdSchema, name: z.string(), tokenHash: z.string() }),
  z.object({ type: z.literal('assign'), participant: IdSchema, state: IdSchema, role: TeamRoleSchema.nullable() }),
  z.object({ type: z.literal('unassign'), participant: IdSchema }),
  z.object({ type: z.literal('remove'), participant: IdSchema }),
  /** The facilitator key was re-issued from the server's command line (the key itself is never logged). */
  z.object({ type: z.literal('keyReissued') }),
]);
export type ExerciseAction = z.infer<typeof ExerciseActionSchema>;

/** POST /api/exercises/:id/control: one engine control command, logged with the facilitator as author. */
export const FacilitatorControlSchema = z.object({ command: ControlCommandSchema });

/** A student as the facilitator's page lists them. */
export interface ParticipantInfo {
  id: string;
  name: string;
  /** The state they are seated at, or null while they wait. */
  state: string | null;
  role: TeamRole | null;
  /** Has the match page open now. */
  connected: boolean;
  /** ms since the epoch. */
  arrivedAt: number;
}

/** GET /api/exercises/:id/me: what a student's own page needs. */
export interface StudentStatus {
  matchId: string;
  title: string;
  name: string;
  state: string | null;
  role: TeamRole | null;
  mayOrder: boolean;
  phase: string;
  /** The facilitator sees everything in this match (players are told so before they join). */
  facilitatorSeesAll: boolean;
}

/** GET /api/exercises/info/:code: what a student is told before joining. */
export interface ExerciseInfo {
  matchId: string;
  title: string;
  scenario: string;
  scenarioName: string;
  facilitatorSeesAll: boolean;
  press: string;
  fog: boolean;
  phase: string;
  orderRoles: TeamRole[] | null;
}

/** GET /api/exercises/:id/dashboard: the facilitator's live picture. */
export interface Dashboard {
  matchId: string;
  code: string;
  title: string;
  scenario: string;
  config: ExerciseConfig;
  phase: string;
  round: number;
  rounds: number;
  paused: boolean;
  deadline: number | null;
  remaining: number | null;
  /** The server's clock, so the page can count down without trusting its own. */
  now: number;
  facilitatorSeesAll: boolean;
  participants: ParticipantInfo[];
  seats: {
    state: string;
    name: string;
    controller: 'open' | 'human' | 'bot';
    ready: boolean;
    /** Someone of the team has the match page open. */
    connected: boolean;
    output: number;
    credibility: number;
    publicSupport: number;
    /** Defense share revealed at the last resolution (whole points), null before the first. */
    defense: number | null;
    /** Highest guideline of the state's pacts (whole points), null outside pacts. */
    guideline: number | null;
    units: number;
    regions: number;
    score: number | null;
  }[];
  pacts: { id: string; name: string; members: string[]; cohesion: number; guideline: number; strained: boolean }[];
  /** Active treaties as edges of the alliance network. */
  treaties: { id: string; kind: string; parties: string[] }[];
  /** Crises of this phase: listed only when the facilitator sees everything. */
  crises: { id: string; region: string; defender: string; attackers: string[]; ally: string; choice: string | null }[];
  /** Allies still to decide in the crisis phase. */
  openCrises: number;
  /** Messages per channel; `texts` only when the facilitator sees everything. */
  channels: { channel: string; members: string[] | 'all'; count: number; texts: { from: string; text: string; at: number }[] | null }[];
  /** Cards the facilitator may inject, and what each may target. */
  cards: string[];
}
