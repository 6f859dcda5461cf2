import type { Scenario } from '../scenario/schema';
import type { RoundStats } from '../state';

const COLUMNS = [
  'round', 'state', 'name', 'role', 'output', 'credibility', 'public_support', 'technology',
  'defense_pct', 'domestic_pct', 'investment_pct', 'guideline_pct', 'units', 'regions', 'score',
  'pacts', 'pact_cohesion', 'attacked_regions', 'mean_deterrence_attacked', 'regions_lost',
] as const;

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The debrief's CSV: one row per state per round with every figure the charts show (GAME.md §9). */
export function historyCsv(scenario: Scenario, history: readonly RoundStats[]): string {
  const lines = [COLUMNS.join(',')];
  for (const h of history) {
    for (const st of scenario.states) {
      const n = h.nations[st.id];
      if (!n) continue;
      const pacts = Object.entries(h.pacts).filter(([, p]) => p.members.includes(st.id));
      const attacked = h.attacks.filter((a) => a.defender === st.id);
      const meanDet = attacked.length ? attacked.reduce((a, x) => a + x.deterrence, 0) / attacked.length : null;
      const row = [
        h.round, st.id, st.name, st.role, n.output, n.credibility, n.publicSupport, n.technology,
        n.budget.defense, n.budget.domestic, n.budget.investment, n.guideline, n.units, n.regions, n.score,
        pacts.map(([id]) => id).join(' '), pacts.map(([, p]) => p.cohesion).join(' '),
        attacked.length, meanDet === null ? null : Math.round(meanDet * 100) / 100, attacked.filter((a) => a.taken).length,
      ];
      lines.push(row.map(cell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
