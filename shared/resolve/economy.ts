import type { Budget } from '../budget';
import { refreshOutput, round3 } from '../engine/deck';
import type { Turn } from '../engine/turn';
import { growth, recruitment, technologyAfter } from '../rules/formulas';
import { activeTreaties } from '../treaties/queries';
import { unitsByState } from './tally';
import type { TerritoryOutcome } from './territory';

/** What the economy step decided per state, for support and cohesion. */
export interface EconomyOutcome {
  budget: Map<string, Budget>;
  /** Growth taken by sanctions (a fraction). */
  sanctions: Map<string, number>;
  recruited: Map<string, number>;
  demobilized: Map<string, number>;
}

/** Budgets are revealed and paid; units raised or stood down; economies grow; technology advances (GAME.md §4). */
export function resolveEconomy(t: Turn, territory: TerritoryOutcome): EconomyOutcome {
  const out: EconomyOutcome = { budget: new Map(), sanctions: new Map(), recruited: new Map(), demobilized: new Map() };
  const ids = t.stateIds;
  // Aid moves output between states for this year's spending.
  const aidIn = new Map<string, number>();
  const aidOut = new Map<string, number>();
  for (const from of ids) {
    let left = t.s.nations[from]!.output;
    for (const [to, amount] of Object.entries(t.s.orders[from]?.aid ?? {}).sort()) {
      const a = Math.min(amount, left);
      if (a <= 0 || !t.s.nations[to]) continue;
      left -= a;
      aidOut.set(from, (aidOut.get(from) ?? 0) + a);
      aidIn.set(to, (aidIn.get(to) ?? 0) + a);
      t.emit({ kind: 'aid/sent', audience: 'all', from, to, amount: a });
    }
  }
  // Sanctions: members decide in their orders whether to enforce; the choice becomes public now.
  for (const tr of activeTreaties(t.s.treaties, 'sanctions')) {
    if (tr.terms.kind !== 'sanctions') continue;
    const live = t.s.treaties[tr.id]!;
    for (const m of tr.terms.members) live.enforcing[m] = t.s.orders[m]?.sanctions[tr.id] ?? live.enforcing[m] ?? true;
  }
  const world = ids.reduce((a, id) => a + t.s.nations[id]!.output, 0) || 1;
  const sanctionsOn = new Map<string, number>();
  const memberCost = new Map<string, number>();
  for (const tr of activeTreaties(t.s.treaties, 'sanctions')) {
    if (tr.terms.kind !== 'sanctions') continue;
    const enforcing = tr.terms.members.filter((m) => t.s.treaties[tr.id]!.enforcing[m]);
    const weight = enforcing.reduce((a, m) => a + t.s.nations[m]!.output, 0) / world;
    if (enforcing.length === 0) continue;
    sanctionsOn.set(tr.terms.target, (sanctionsOn.get(tr.terms.target) ?? 0) + t.c.sanctionsK * weight);
    for (const m of enforcing) memberCost.set(m, (memberCost.get(m) ?? 0) + t.c.sanctionsMemberCost);
  }
  const trades = new Map<string, number>();
  for (const tr of activeTreaties(t.s.treaties, 'trade')) {
    if (tr.terms.kind === 'trade') for (const m of tr.terms.members) trades.set(m, (trades.get(m) ?? 0) + 1);
  }
  // Read before anyone recruits or stands down: each state changes only its own units below.
  const units = unitsByState(t);
  for (const id of ids) {
    const n = t.s.nations[id]!;
    let budget = t.s.orders[id]?.budget ?? n.budget;
    if (n.defenseCap !== null && budget.defense > n.defenseCap) {
      budget = { ...budget, defense: n.defenseCap, domestic: budget.domestic + budget.defense - n.defenseCap };
    }
    n.defenseCap = null;
    n.budget = budget;
    n.revealedBudget = budget;
    out.budget.set(id, budget);
    t.emit({ kind: 'budget/revealed', audience: 'all', state: id, ...budget });
    // Defense spending pays upkeep first; what is left raises new units at the capital.
    const spend = Math.max(0, n.output - (aidOut.get(id) ?? 0) + (aidIn.get(id) ?? 0)) * (budget.defense / 100);
    const paid = recruitment(t.c, spend, units.get(id) ?? 0);
    if (paid.recruits > 0) recruit(t, id, paid.recruits, out);
    if (paid.demobilized > 0) demobilize(t, id, paid.demobilized, out);
    out.sanctions.set(id, sanctionsOn.get(id) ?? 0);
    const g = growth(t.c, {
      budget, tradeAgreements: trades.get(id) ?? 0, tradeSuspended: t.s.effects.tradeSuspended,
      sanctions: (sanctionsOn.get(id) ?? 0) + (memberCost.get(id) ?? 0), battles: territory.foughtIn.get(id) ?? 0,
    });
    const previous = n.output;
    n.core = Math.max(0, Math.round(n.core * (1 + g.growth)));
    refreshOutput(t, id);
    t.emit({ kind: 'economy', audience: 'all', state: id, output: n.output, previous, growth: round3(g.growth), trade: round3(g.trade), sanctions: round3(g.sanctions), warDamage: round3(g.warDamage), defenseDrag: round3(g.defenseDrag) });
    const before = n.technology;
    n.technology = technologyAfter(t.c, n.technology, budget);
    if (n.technology !== before) t.emit({ kind: 'technology', audience: 'all', state: id, technology: n.technology, previous: before });
  }
  // Technology pacts pull members toward the best of them.
  for (const tr of activeTreaties(t.s.treaties, 'technology')) {
    if (tr.terms.kind !== 'technology') continue;
    const best = Math.max(...tr.terms.members.map((m) => t.s.nations[m]!.technology));
    for (const m of tr.terms.members) {
      const n = t.s.nations[m]!;
      const next = Math.min(5, round3(n.technology + t.c.techPactConvergence * (best - n.technology)));
      if (next !== n.technology) {
        t.emit({ kind: 'technology', audience: 'all', state: m, technology: next, previous: n.technology });
        n.technology = next;
      }
    }
  }
  return out;
}

function recruit(t: Turn, state: string, n: number, out: EconomyOutcome): void {
  const cap = t.board.capital.get(state);
  let where: string | undefined = cap && t.s.regions[cap]!.owner === state ? cap : undefined;
  if (!where) {
    const own = t.board.regionIds.filter((r) => t.s.regions[r]!.owner === state);
    own.sort((a, b) => (t.s.regions[b]!.units[state] ?? 0) - (t.s.regions[a]!.units[state] ?? 0) || (a < b ? -1 : 1));
    where = own[0];
  }
  if (!where) return;
  const r = t.s.regions[where]!;
  r.units[state] = (r.units[state] ?? 0) + n;
  out.recruited.set(state, n);
  t.emit({ kind: 'units/recruited', audience: t.s.settings.fog ? [state] : 'all', state, region: where, units: n });
}

/** Stand down units one at a time from the largest stack: upkeep could not be paid. */
function demobilize(t: Turn, state: string, n: number, out: EconomyOutcome): void {
  for (let k = 0; k < n; k++) {
    let best: string | null = null;
    for (const rid of t.board.regionIds) {
      const u = t.s.regions[rid]!.units[state] ?? 0;
      if (u > 0 && (best === null || u > (t.s.regions[best]!.units[state] ?? 0))) best = rid;
    }
    if (!best) break;
    const r = t.s.regions[best]!;
    r.units[state] = (r.units[state] ?? 0) - 1;
    if (r.units[state] === 0) delete r.units[state];
  }
  out.demobilized.set(state, n);
  t.emit({ kind: 'units/demobilized', audience: 'all', state, units: n });
}
