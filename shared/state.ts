import { z } from 'zod';
import { BudgetSchema } from './budget';
import { GameEventSchema } from './events';
import { ForceOrderSchema } from './orders';
import { EVENT_KINDS } from './scenario/schema';
import { MatchSettingsSchema } from './settings';
import { TreatyTermsSchema } from './treaties/terms';

export const PHASES = ['setup', 'briefing', 'diplomacy', 'orders', 'crisis', 'ended'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

const id = z.string();
const pct = z.number().min(0).max(100);

export const RegionStateSchema = z.object({
  owner: id.nullable(),
  /** Units stationed here, by state. Guests under basing access and allies may share a region. */
  units: z.record(id, z.number().int().min(0)),
});
export type RegionState = z.infer<typeof RegionStateSchema>;

export const NationSchema = z.object({
  /** Output E: the core economy plus the output of the regions held. */
  output: z.number().int().min(0),
  /** The core economy, which grows by g each round; regions add their output on top. */
  core: z.number().int().min(0),
  startOutput: z.number().int().min(1),
  technology: z.number().min(0.5).max(5),
  credibility: pct,
  publicSupport: pct,
  /** The budget in force: the last one submitted, kept when a seat submits nothing. */
  budget: BudgetSchema,
  /** The budget revealed at the last resolution (public). */
  revealedBudget: BudgetSchema.nullable(),
  /** After a government falls, the next budget's defense share is capped (whole points). */
  defenseCap: z.number().int().min(0).max(100).nullable(),
  /** Regions held at the start, for scores. */
  startRegions: z.number().int().min(0),
  /** Sum of every past round's peace dividend. */
  peaceDividends: z.number().min(0),
});
export type Nation = z.infer<typeof NationSchema>;

export const SeatSchema = z.object({
  controller: z.enum(['open', 'human', 'bot']),
  /** The bot doctrine that plays this seat when a bot does. */
  doctrine: z.string().nullable(),
  ready: z.boolean(),
});
export type Seat = z.infer<typeof SeatSchema>;

export const TreatySchema = z.object({
  id,
  terms: TreatyTermsSchema,
  /** proposed → accepted (every party agreed) → active at the end of the phase → ended. */
  status: z.enum(['proposed', 'accepted', 'active', 'ended']),
  proposer: id,
  accepted: z.array(id),
  proposedRound: z.number().int(),
  activeSince: z.number().int().nullable(),
  /** Defense pacts only. */
  cohesion: pct.nullable(),
  strained: z.boolean(),
  /** Withdrawals with notice: state → the round after whose resolution it leaves. */
  notices: z.record(id, z.number().int()),
  /** Sanctions coalitions: whether each member enforced at the last resolution (public). */
  enforcing: z.record(id, z.boolean()),
  endedRound: z.number().int().nullable(),
  endReason: z.string().nullable(),
});
export type Treaty = z.infer<typeof TreatySchema>;

export const VoteSchema = z.object({
  id,
  treatyId: id,
  kind: z.enum(['admit', 'guideline', 'expel']),
  /** The candidate (admit) or the member (expel). */
  subject: id.nullable(),
  /** The proposed guideline, whole points (guideline votes). */
  guideline: z.number().int().min(0).max(100).nullable(),
  proposer: id,
  voters: z.array(id),
  ballots: z.record(id, z.boolean()),
  round: z.number().int(),
  status: z.enum(['open', 'passed', 'failed']),
});
export type Vote = z.infer<typeof VoteSchema>;

export const SeatOrdersSchema = z.object({
  /** null: keep the budget in force. */
  budget: BudgetSchema.nullable(),
  force: z.array(ForceOrderSchema),
  /** Output given to other states this round. */
  aid: z.record(id, z.number().int().min(0)),
  /** Sanctions coalitions: enforce this round or not (secret until resolution; default: as last round). */
  sanctions: z.record(id, z.boolean()),
});
export type SeatOrders = z.infer<typeof SeatOrdersSchema>;

export const CrisisSchema = z.object({
  id,
  region: id,
  defender: id,
  attackers: z.array(id),
  /** The attacking units as ordered: what the ally is told it faces. */
  attackUnits: z.number().int().min(0),
  ally: id,
  obligation: z.enum(['defense-pact', 'guarantee']),
  treatyId: id,
  /** Units the ally could commit: in the region's theater or adjacent to it, not already ordered away. */
  eligible: z.number().int().min(0),
  choice: z.enum(['honor', 'abstain']).nullable(),
  /** Committed units by region, chosen by the engine nearest first. */
  committed: z.record(id, z.number().int().min(0)),
});
export type Crisis = z.infer<typeof CrisisSchema>;

export const MessageSchema = z.object({
  id,
  round: z.number().int(),
  /** 'public', 'pair:a:b' (ids sorted) or 'treaty:<id>'. */
  channel: z.string(),
  /** A state id, or 'facilitator'. */
  from: z.string(),
  kind: z.enum(['chat', 'declaration', 'broadcast']),
  text: z.string(),
  at: z.number(),
});
export type Message = z.infer<typeof MessageSchema>;

export const DrawnEventSchema = z.object({
  kind: z.union([z.enum(EVENT_KINDS), z.literal('custom')]),
  /** The state or region it strikes, when it strikes one. */
  target: id.nullable(),
  text: z.string(),
});
export type DrawnEvent = z.infer<typeof DrawnEventSchema>;

export const ScoreSchema = z.object({
  security: z.number(),
  prosperity: z.number(),
  influence: z.number(),
  regionsGained: z.number(),
  objectives: z.number(),
  peace: z.number(),
  total: z.number(),
});
export type Score = z.infer<typeof ScoreSchema>;

export const RoundStatsSchema = z.object({
  round: z.number().int(),
  nations: z.record(id, z.object({
    output: z.number(), credibility: z.number(), publicSupport: z.number(), technology: z.number(),
    budget: BudgetSchema, units: z.number().int(), regions: z.number().int(), score: z.number(),
    /** Highest guideline among the state's pacts, whole points; null outside pacts. */
    guideline: z.number().nullable(),
  })),
  pacts: z.record(id, z.object({ cohesion: z.number(), guideline: z.number(), members: z.array(id) })),
  treaties: z.array(z.object({ id, kind: z.string(), parties: z.array(id) })),
  /** Every region attacked this round, with its deterrence index when orders closed. */
  attacks: z.array(z.object({ region: id, defender: id.nullable(), attackers: z.array(id), deterrence: z.number(), meanAllyCredibility: z.number().nullable(), taken: z.boolean() })),
  war: z.boolean(),
});
export type RoundStats = z.infer<typeof RoundStatsSchema>;

export const GameStateSchema = z.object({
  /** Version of the state and log format. */
  format: z.literal(1),
  scenarioId: id,
  seed: z.string(),
  settings: MatchSettingsSchema,
  rng: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  round: z.number().int().min(0),
  rounds: z.number().int().min(1),
  phase: PhaseSchema,
  paused: z.boolean(),
  /** Absolute server time (ms) at which the phase ends; null with no timer. */
  deadline: z.number().nullable(),
  /** While paused: what was left of the phase (ms). */
  remaining: z.number().nullable(),
  /** Timestamp of the last accepted command: commands never go back in time. */
  now: z.number(),
  nextId: z.number().int().min(1),
  regions: z.record(id, RegionStateSchema),
  nations: z.record(id, NationSchema),
  seats: z.record(id, SeatSchema),
  /** Pairwise interoperability, key "a|b" with a < b. */
  interop: z.record(z.string(), z.number().min(0.5).max(1)),
  treaties: z.record(id, TreatySchema),
  votes: z.record(id, VoteSchema),
  orders: z.record(id, SeatOrdersSchema),
  crises: z.array(CrisisSchema),
  messages: z.array(MessageSchema),
  deck: z.array(z.enum(EVENT_KINDS)),
  /** Events drawn at the last resolution, revealed at the next briefing. */
  pendingEvents: z.array(DrawnEventSchema),
  /** Effects of this round's events that last the round. */
  effects: z.object({ tradeSuspended: z.boolean(), earlyWarningOff: z.boolean() }),
  /** Events of the current round so far (the round report grows through the round). */
  report: z.array(GameEventSchema),
  /** The finished report of the last resolved round. */
  lastReport: z.array(GameEventSchema),
  history: z.array(RoundStatsSchema),
  scores: z.record(id, ScoreSchema),
  winners: z.array(id),
});
export type GameState = z.infer<typeof GameStateSchema>;

export { pairKey } from './pairKey';
