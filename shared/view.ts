import { z } from 'zod';
import { boardOf } from './board';
import { BudgetSchema } from './budget';
import type { GameEvent } from './events';
import { GameEventSchema } from './events';
import { ObjectiveSchema } from './scenario/schema';
import type { Scenario } from './scenario/schema';
import { MatchSettingsSchema } from './settings';
import type { GameState } from './state';
import { CrisisSchema, DrawnEventSchema, MessageSchema, PhaseSchema, ScoreSchema, SeatOrdersSchema, TreatySchema, VoteSchema } from './state';
import {
  crisesPart, cutFor, eventsPart, fogOf, indexesFor, interopPart, messagesPart, nationsPart, ownPart, publicObjectivesPart, regionsPart,
  seatsPart, treatiesPart, votesPart,
} from './viewParts';

export { visibleRegions } from './fog';
export { VIEW_MESSAGES_PER_CHANNEL } from './viewParts';

export const ViewerSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('seat'), state: z.string() }),
  z.object({ role: z.literal('facilitator') }),
  z.object({ role: z.literal('spectator') }),
]);
export type Viewer = z.infer<typeof ViewerSchema>;

export const PlayerViewSchema = z.object({
  viewer: ViewerSchema,
  /** The facilitator sees everything in this match: players are told so. */
  omniscient: z.boolean(),
  scenarioId: z.string(),
  round: z.number().int(),
  rounds: z.number().int(),
  phase: PhaseSchema,
  paused: z.boolean(),
  deadline: z.number().nullable(),
  remaining: z.number().nullable(),
  now: z.number(),
  settings: MatchSettingsSchema,
  regions: z.record(z.string(), z.object({
    owner: z.string().nullable(),
    /** Units by state; null where fog hides them. */
    units: z.record(z.string(), z.number().int()).nullable(),
    /** Deterrence index from what this viewer can see; null for neutral or fogged regions. */
    deterrence: z.number().nullable(),
  })),
  nations: z.record(z.string(), z.object({
    output: z.number(), technology: z.number(), credibility: z.number(), publicSupport: z.number(),
    revealedBudget: BudgetSchema.nullable(),
  })),
  seats: z.record(z.string(), z.object({ controller: z.enum(['open', 'human', 'bot']), ready: z.boolean() })),
  treaties: z.record(z.string(), TreatySchema),
  votes: z.record(z.string(), VoteSchema),
  /** Interoperability of pairs this viewer belongs to (all pairs for an omniscient facilitator). */
  interop: z.record(z.string(), z.number()),
  crises: z.array(CrisisSchema),
  messages: z.array(MessageSchema),
  report: z.array(GameEventSchema),
  lastReport: z.array(GameEventSchema),
  scores: z.record(z.string(), ScoreSchema),
  winners: z.array(z.string()),
  /** The seat's own secrets: its orders, budget, cap and objectives. */
  own: z.object({
    state: z.string(),
    orders: SeatOrdersSchema,
    budget: BudgetSchema,
    defenseCap: z.number().int().nullable(),
    objectives: z.array(z.intersection(ObjectiveSchema, z.object({ met: z.boolean() }))),
  }).nullable(),
  /** Objectives that scenarios make public, by state (secret ones only ever appear in `own`). */
  publicObjectives: z.record(z.string(), z.array(ObjectiveSchema)),
  /** Everyone's orders and the next cards: only for an omniscient facilitator. */
  allOrders: z.record(z.string(), SeatOrdersSchema).nullable(),
  pendingEvents: z.array(DrawnEventSchema).nullable(),
});
export type PlayerView = z.infer<typeof PlayerViewSchema>;

/**
 * The one visibility function (GAME.md §6): what a seat, the facilitator or a spectator may know.
 * Everything a client ever receives is cut from this. The reference for ViewMemo, which must always agree with it:
 * every part is built afresh here (only deterrence comes from its shared cache, deterrenceCache.ts). A view shares
 * what it shows with the state (units, treaties, orders…), so, like a state, it is never to be changed.
 */
export function view(scenario: Scenario, s: GameState, viewer: Viewer): PlayerView {
  const b = boardOf(scenario);
  const cut = cutFor(s, viewer);
  const { me, omniscient } = cut;
  const treaties = treatiesPart(s, cut);
  return {
    viewer, omniscient, scenarioId: s.scenarioId, round: s.round, rounds: s.rounds, phase: s.phase, paused: s.paused,
    deadline: s.deadline, remaining: s.remaining, now: s.now, settings: s.settings,
    regions: regionsPart(b, s, indexesFor(b, s, fogOf(cut))),
    nations: nationsPart(s),
    seats: seatsPart(s),
    treaties,
    votes: votesPart(s, treaties),
    interop: interopPart(s, cut),
    crises: crisesPart(s, cut),
    messages: messagesPart(s, cut),
    report: eventsPart(s.report, cut),
    lastReport: eventsPart(s.lastReport, cut),
    scores: s.scores,
    winners: s.winners,
    own: me === null ? null : ownPart(scenario, s, me),
    publicObjectives: publicObjectivesPart(scenario, omniscient),
    allOrders: omniscient ? s.orders : null,
    pendingEvents: omniscient ? s.pendingEvents : null,
  };
}

/** Events as one viewer may see them (for round reports sent outside a full view). */
export function visibleEvents(events: readonly GameEvent[], s: GameState, viewer: Viewer): GameEvent[] {
  return eventsPart(events, cutFor(s, viewer));
}
