import type { Budget } from '../../shared/budget';

export type BudgetKey = keyof Budget;
export const BUDGET_KEYS: readonly BudgetKey[] = ['defense', 'domestic', 'investment'];

/**
 * Three linked sliders that always sum to 100: moving one shares the difference among the other
 * two in proportion to what they hold (evenly when both are zero). Whole points only.
 */
export function rebalance(b: Budget, key: BudgetKey, value: number, cap: number | null = null): Budget {
  const max = key === 'defense' && cap !== null ? Math.min(100, cap) : 100;
  const v = Math.max(0, Math.min(max, Math.round(value)));
  const [o1, o2] = BUDGET_KEYS.filter((k) => k !== key) as [BudgetKey, BudgetKey];
  const rest = 100 - v;
  const before = b[o1] + b[o2];
  let a = before === 0 ? Math.floor(rest / 2) : Math.round((b[o1] * rest) / before);
  a = Math.max(0, Math.min(rest, a));
  const out = { [key]: v, [o1]: a, [o2]: rest - a } as Budget;
  // A defense cap holds even when another slider pushes defense up.
  if (cap !== null && out.defense > cap) {
    const extra = out.defense - cap;
    out.defense = cap;
    const other = key === 'domestic' ? 'investment' : 'domestic';
    out[other] += extra;
  }
  return out;
}

export function sameBudget(a: Budget | null, b: Budget | null): boolean {
  return !!a && !!b && a.defense === b.defense && a.domestic === b.domestic && a.investment === b.investment;
}
