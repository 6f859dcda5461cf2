import type { Budget } from '../budget';
import type { Coefficients } from '../scenario/coefficients';

/** The formulas of GAME.md §4 as plain functions, shared by resolution and by previews for players and bots. */

export interface Recruitment {
  upkeep: number;
  recruits: number;
  demobilized: number;
}

/** Defense spending pays upkeep first; the rest raises units; a shortfall stands units down. */
export function recruitment(c: Coefficients, spend: number, units: number): Recruitment {
  const upkeep = units * c.upkeep;
  if (spend >= upkeep) return { upkeep, recruits: c.unitCost > 0 ? Math.floor((spend - upkeep) / c.unitCost) : 0, demobilized: 0 };
  return { upkeep, recruits: 0, demobilized: Math.min(units, Math.ceil((upkeep - spend) / Math.max(c.upkeep, 1e-9))) };
}

export interface GrowthInputs {
  budget: Budget;
  tradeAgreements: number;
  tradeSuspended: boolean;
  /** Growth taken by sanctions on this state plus its own enforcement costs. */
  sanctions: number;
  /** Own regions fought over this round. */
  battles: number;
}

export interface Growth {
  growth: number;
  trade: number;
  sanctions: number;
  warDamage: number;
  defenseDrag: number;
}

/** g = base + a·i + trade − sanctions − warDamage − defenseDrag. */
export function growth(c: Coefficients, x: GrowthInputs): Growth {
  const d = x.budget.defense / 100;
  const i = x.budget.investment / 100;
  const trade = x.tradeSuspended ? 0 : Math.min(c.tradeCap, c.tradeBonus * x.tradeAgreements);
  const warDamage = c.warDamage * x.battles;
  const defenseDrag = c.defenseDrag * Math.max(0, d - c.defenseDragThreshold);
  return { growth: c.baseGrowth + c.investmentGrowth * i + trade - x.sanctions - warDamage - defenseDrag, trade, sanctions: x.sanctions, warDamage, defenseDrag };
}

export interface SupportInputs {
  budget: Budget;
  /** Reference defense share in whole points: the highest pact guideline, or the default. */
  reference: number;
  lost: number;
  unitsBefore: number;
  regionsLost: number;
  sanctions: number;
  secure: boolean;
}

/** Change of public support in one round. */
export function supportDelta(c: Coefficients, x: SupportInputs): number {
  return (
    c.supportDomestic * (x.budget.domestic - c.supportDomesticNeutral * 100) -
    c.supportDefense * Math.max(0, x.budget.defense - x.reference) -
    c.supportLosses * (x.unitsBefore > 0 ? (100 * x.lost) / x.unitsBefore : 0) -
    c.supportRegionLost * x.regionsLost -
    c.supportSanctions * 100 * x.sanctions +
    (x.secure ? c.supportSecurity : 0)
  );
}

/** Technology after a round's investment. */
export function technologyAfter(c: Coefficients, technology: number, budget: Budget): number {
  return Math.min(5, Math.round((technology + (c.techGrowth * budget.investment) / 100) * 1000) / 1000);
}
