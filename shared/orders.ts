import { z } from 'zod';
import { IdSchema } from './ids';

const units = z.number().int().min(1).max(10_000);

/**
 * A force order for part or all of one stack (a state's units in one region).
 * Units left without an order hold. Holding, supporting and exercising units defend where they stand.
 */
export const ForceOrderSchema = z.discriminatedUnion('kind', [
  /** Reposition into an own region, a host's region under basing access, or a neutral one. */
  z.object({ kind: z.literal('move'), from: IdSchema, to: IdSchema, units }),
  /** Strike a neighbouring region held by another state, or a neutral one. */
  z.object({ kind: z.literal('attack'), from: IdSchema, to: IdSchema, units }),
  /** Add strength to the defense of a neighbouring friendly region. */
  z.object({ kind: z.literal('support'), from: IdSchema, to: IdSchema, units }),
  /** A joint exercise with a partner that has units in the same theater and orders one back. */
  z.object({ kind: z.literal('exercise'), from: IdSchema, partner: IdSchema, units }),
]);
export type ForceOrder = z.infer<typeof ForceOrderSchema>;
export type ForceOrderKind = ForceOrder['kind'];

export { sameSlot } from './orderSlots';
