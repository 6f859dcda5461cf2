import { boardOf } from './board';
import type { Budget } from './budget';
import { deterrenceOf } from './deterrence';
import type { ForceOrderKind } from './orders';
import { checkForceOrder, unitsOf, unitsOrdered } from './rules/forceOrders';
import type { Growth, Recruitment } from './rules/formulas';
import { growth, recruitment, supportDelta, technologyAfter } from './rules/formulas';
import type { Scenario } from './scenario/schema';
import { activeTreaties, guidelineOf, obligationsTo } from './treaties/queries';
import type { PlayerView } from './view';

/** One legal force order a stack could be given, with the most units it may take. */
export interface OrderOption {
  kind: ForceOrderKind;
  from: string;
  /** Target region (move, attack, support) or partner state (exercise). */
  target: string;
  maxUnits: number;
}

/**
 * Every legal force order for the viewing seat, from the same rule code the engine enforces.
 * The UI offers these; bots choose among them.
 */
export function legalOrders(scenario: Scenario, v: PlayerView): OrderOption[] {
  if (!v.own || v.phase !== 'orders') return [];
  const b = boardOf(scenario);
  const me = v.own.state;
  const existing = v.own.orders.force;
  const out: OrderOption[] = [];
  for (const from of b.regionIds) {
    const have = unitsOf(v, me, from);
    if (have === 0) continue;
    for (const to of [...(b.adjacent.get(from) ?? [])].sort()) {
      for (const kind of ['move', 'attack', 'support'] as const) {
        const probe = { kind, from, to, units: 1 };
        if (checkForceOrder(b, v, me, probe, existing) === null) out.push({ kind, from, target: to, maxUnits: have - unitsOrdered(existing, from, probe) });
      }
    }
    for (const partner of b.stateIds) {
      if (partner === me) continue;
      const probe = { kind: 'exercise' as const, from, partner, units: 1 };
      if (checkForceOrder(b, v, me, probe, existing) === null) out.push({ kind: 'exercise', from, target: partner, maxUnits: have - unitsOrdered(existing, from, probe) });
    }
  }
  return out;
}

export interface BudgetPreview {
  output: number;
  defenseSpending: number;
  recruitment: Recruitment;
  growth: Growth;
  /** Output next round if nothing else changes (regions held stay). */
  nextOutput: number;
  technology: number;
  /** Change of public support from the budget alone, assuming a quiet round. */
  supportDelta: number;
  /** Highest guideline of the seat's pacts, whole points; null outside pacts. */
  guideline: number | null;
  /** Capped defense share after a government fall, if any. */
  defenseCap: number | null;
}

/** What a budget would do, computed with the engine's own formulas (GAME.md §4). */
export function previewBudget(scenario: Scenario, v: PlayerView, budget: Budget): BudgetPreview | null {
  if (!v.own) return null;
  const c = scenario.coefficients;
  const me = v.own.state;
  const n = v.nations[me]!;
  let units = 0;
  for (const r of Object.values(v.regions)) units += r.units?.[me] ?? 0;
  const aid = Object.values(v.own.orders.aid).reduce((a, x) => a + x, 0);
  const spend = Math.max(0, n.output - aid) * (budget.defense / 100);
  const trades = activeTreaties(v.treaties, 'trade').filter((t) => t.terms.kind === 'trade' && t.terms.members.includes(me)).length;
  const g = growth(c, { budget, tradeAgreements: trades, tradeSuspended: false, sanctions: 0, battles: 0 });
  let regionOutput = 0;
  for (const r of scenario.regions) if (v.regions[r.id]?.owner === me) regionOutput += r.output * c.regionOutputFactor;
  const core = Math.max(0, n.output - Math.round(regionOutput));
  const guideline = guidelineOf(v.treaties, me);
  return {
    output: n.output,
    defenseSpending: Math.round(spend * 100) / 100,
    recruitment: recruitment(c, spend, units),
    growth: g,
    nextOutput: Math.round(core * (1 + g.growth)) + Math.round(regionOutput),
    technology: technologyAfter(c, n.technology, budget),
    supportDelta: Math.round(supportDelta(c, { budget, reference: guideline ?? Math.round(c.defaultGuideline * 100), lost: 0, unitsBefore: units, regionsLost: 0, sanctions: 0, secure: true }) * 100) / 100,
    guideline,
    defenseCap: v.own.defenseCap,
  };
}

/** The hover card for a region: owner, units, output, deterrence and who is obliged to answer an attack there. */
export function regionBrief(scenario: Scenario, v: PlayerView, region: string) {
  const b = boardOf(scenario);
  const r = v.regions[region];
  const meta = b.region.get(region);
  if (!r || !meta) return null;
  const active = Object.fromEntries(Object.entries(v.treaties).filter(([, t]) => t.status === 'active'));
  const breakdown = r.units === null ? null : deterrenceOf(b, { regions: v.regions, nations: v.nations, treaties: active, interop: v.interop }, region);
  return {
    id: region, name: meta.name, kind: meta.kind, theater: meta.theater, owner: r.owner, units: r.units, output: meta.output,
    home: meta.home, capital: meta.capital,
    deterrence: breakdown,
    obliged: r.owner ? obligationsTo(active, r.owner).map((o) => o.ally) : [],
  };
}
