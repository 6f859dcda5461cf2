import { z } from 'zod';
import { BudgetSchema } from './budget';
import { IdSchema } from './ids';
import { ForceOrderSchema } from './orders';
import { EVENT_KINDS } from './scenario/schema';
import { TreatyTermsSchema } from './treaties/terms';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a seat may ask for. The server adds who asked and when. */
export const SeatCommandSchema = z.discriminatedUnion('type', [
  // --- diplomacy (GAME.md §5) ---
  z.object({ type: z.literal('propose'), terms: TreatyTermsSchema }),
  z.object({ type: z.literal('respond'), treaty: IdSchema, accept: z.boolean() }),
  z.object({
    type: z.literal('proposeVote'), treaty: IdSchema,
    vote: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('admit'), candidate: IdSchema }),
      z.object({ kind: z.literal('guideline'), guideline: z.number().int().min(0).max(100) }),
      z.object({ kind: z.literal('expel'), member: IdSchema }),
    ]),
  }),
  z.object({ type: z.literal('castVote'), vote: IdSchema, yes: z.boolean() }),
  z.object({ type: z.literal('withdraw'), treaty: IdSchema, mode: z.enum(['notice', 'immediate']) }),
  z.object({ type: z.literal('declare'), text: text(280) }),
  z.object({ type: z.literal('message'), channel: z.string().min(1).max(80), text: text(1000) }),
  z.object({ type: z.literal('ready'), ready: z.boolean() }),
  // --- orders (GAME.md §3.3) ---
  z.object({ type: z.literal('setBudget'), budget: BudgetSchema }),
  z.object({ type: z.literal('order'), order: ForceOrderSchema }),
  /** Withdraw one order (its slot), leaving those units to hold. */
  z.object({ type: z.literal('cancelOrder'), order: ForceOrderSchema }),
  /** Every unit of the stack holds: clears the stack's orders. */
  z.object({ type: z.literal('hold'), from: IdSchema }),
  z.object({ type: z.literal('aid'), to: IdSchema, amount: z.number().int().min(0).max(100_000) }),
  z.object({ type: z.literal('sanctionsVote'), treaty: IdSchema, enforce: z.boolean() }),
  // --- crisis (GAME.md §3.4) ---
  z.object({ type: z.literal('crisisChoice'), crisis: IdSchema, choice: z.enum(['honor', 'abstain']), units: z.number().int().min(0).max(10_000) }),
]);
export type SeatCommand = z.infer<typeof SeatCommandSchema>;

/** What the server's clock, a facilitator or a host may ask for. */
export const ControlCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('advancePhase') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('extend'), seconds: z.number().int().min(1).max(7 * 24 * 3600) }),
  z.object({
    type: z.literal('injectEvent'),
    card: z.union([z.enum(EVENT_KINDS), z.literal('custom')]),
    /** A state id for cards that strike one state; omitted: the deck's seeded choice. */
    target: IdSchema.optional(),
    text: z.string().trim().max(500).optional(),
  }),
  z.object({ type: z.literal('endMatch') }),
  z.object({ type: z.literal('setSeat'), state: IdSchema, controller: z.enum(['open', 'human', 'bot']), doctrine: z.string().max(40).nullable().optional() }),
  z.object({ type: z.literal('broadcast'), text: text(1000) }),
]);
export type ControlCommand = z.infer<typeof ControlCommandSchema>;

export const ActorSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('seat'), state: IdSchema }),
  z.object({ role: z.literal('facilitator') }),
  z.object({ role: z.literal('system') }),
]);
export type Actor = z.infer<typeof ActorSchema>;

/** One entry of the command log: who, when (server clock, ms), what. */
export const CommandEnvelopeSchema = z.union([
  z.object({ at: z.number().int().min(0), actor: z.object({ role: z.literal('seat'), state: IdSchema }), command: SeatCommandSchema }),
  z.object({ at: z.number().int().min(0), actor: z.object({ role: z.enum(['facilitator', 'system']) }), command: ControlCommandSchema }),
]);
export type CommandEnvelope = z.infer<typeof CommandEnvelopeSchema>;
export type SeatEnvelope = Extract<CommandEnvelope, { actor: { role: 'seat' } }>;
export type ControlEnvelope = Extract<CommandEnvelope, { actor: { role: 'facilitator' | 'system' } }>;
