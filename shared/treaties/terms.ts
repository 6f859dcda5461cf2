import { z } from 'zod';
import { IdSchema } from '../ids';

const members = (min: number, max: number) => z.array(IdSchema).min(min).max(max);
const guideline = z.number().min(0).max(1);
const name = z.string().trim().min(1).max(60);

/**
 * What a treaty says, one shape per kind (GAME.md §5). Directed kinds name their sides:
 * a guarantor protects, a host grants basing to a guest.
 */
export const TreatyTermsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('defense-pact'), name, members: members(2, 12), guideline }),
  z.object({ kind: z.literal('guarantee'), guarantor: IdSchema, protected: IdSchema }),
  z.object({ kind: z.literal('basing'), host: IdSchema, guest: IdSchema }),
  z.object({ kind: z.literal('intelligence'), members: members(2, 12) }),
  z.object({ kind: z.literal('trade'), members: members(2, 2) }),
  z.object({ kind: z.literal('sanctions'), members: members(1, 11), target: IdSchema }),
  z.object({ kind: z.literal('non-aggression'), members: members(2, 2) }),
  z.object({ kind: z.literal('technology'), members: members(2, 12) }),
  z.object({ kind: z.literal('forum'), name, members: members(2, 12) }),
]);
export type TreatyTerms = z.infer<typeof TreatyTermsSchema>;
export type TreatyKind = TreatyTerms['kind'];
// The helpers live in a zod-free module so the browser bundle need not carry zod for them.
export { MULTILATERAL_KINDS, TREATY_KINDS, treatyParties, withMembers } from './parties';
