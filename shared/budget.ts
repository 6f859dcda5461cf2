import { z } from 'zod';

/**
 * A budget in whole percentage points of output: defense, domestic, investment.
 * Whole points keep the rule "shares sum to 1" exact, with no rounding drift.
 */
export const BudgetSchema = z.object({
  defense: z.number().int().min(0).max(100),
  domestic: z.number().int().min(0).max(100),
  investment: z.number().int().min(0).max(100),
}).refine((b) => b.defense + b.domestic + b.investment === 100, { message: 'budget shares must add up to 100%' });
export type Budget = z.infer<typeof BudgetSchema>;

/** Shares of 0..1 (as scenario files give them) to whole points that add up to exactly 100. */
export function budgetFromShares(s: { defense: number; domestic: number; investment: number }): Budget {
  const defense = Math.round(s.defense * 100);
  const investment = Math.round(s.investment * 100);
  const domestic = Math.max(0, 100 - defense - investment);
  return { defense, domestic, investment: 100 - defense - domestic };
}
