import type { Scenario } from '../../shared/scenario/schema';
import type { PlayerView } from '../../shared/view';
import { stateStyles } from './palette';

/** Data for the state panel and the burden charts, read from the view. */

export interface NationRow {
  id: string;
  name: string;
  color: string;
  initials: string;
  role: 'status-quo' | 'revisionist';
  output: number;
  credibility: number;
  publicSupport: number;
  technology: number;
  /** Defense share revealed at the last resolution (whole points), null before the first. */
  defense: number | null;
  regions: number;
  /** Units the viewer can see; null if fog hides any of them. */
  units: number | null;
  score: number | null;
  mine: boolean;
}

export function nationRows(scenario: Scenario, view: PlayerView): NationRow[] {
  const styles = stateStyles(scenario);
  return scenario.states.map((s) => {
    const n = view.nations[s.id]!;
    let regions = 0;
    let units: number | null = 0;
    for (const r of Object.values(view.regions)) {
      if (r.owner === s.id) regions++;
      if (r.units === null) units = null;
      else if (units !== null) units += r.units[s.id] ?? 0;
    }
    return {
      id: s.id, name: s.name, color: s.color, initials: styles.get(s.id)!.initials, role: s.role,
      output: n.output, credibility: n.credibility, publicSupport: n.publicSupport, technology: n.technology,
      defense: n.revealedBudget?.defense ?? null, regions, units, score: view.scores[s.id]?.total ?? null,
      mine: view.own?.state === s.id,
    };
  });
}

export interface BurdenBar {
  state: string;
  name: string;
  color: string;
  /** Revealed defense share, whole points; null before the first resolution. */
  defense: number | null;
  output: number;
  /** Below the guideline: a free rider this round. */
  below: boolean;
}

export interface PactBurden {
  treaty: string;
  name: string;
  /** Guideline in whole points. */
  guideline: number;
  cohesion: number;
  strained: boolean;
  bars: BurdenBar[];
}

/** Burden sharing per active defense pact: each member's defense share against the guideline. */
export function pactBurdens(scenario: Scenario, view: PlayerView): PactBurden[] {
  const styles = stateStyles(scenario);
  const out: PactBurden[] = [];
  for (const t of Object.values(view.treaties).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (t.status !== 'active' || t.terms.kind !== 'defense-pact') continue;
    const guideline = Math.round(t.terms.guideline * 100);
    out.push({
      treaty: t.id, name: t.terms.name, guideline, cohesion: t.cohesion ?? 0, strained: t.strained,
      bars: t.terms.members.map((m) => {
        const defense = view.nations[m]?.revealedBudget?.defense ?? null;
        return { state: m, name: styles.get(m)?.name ?? m, color: styles.get(m)?.color ?? '#999999', defense, output: view.nations[m]?.output ?? 0, below: defense !== null && defense < guideline };
      }),
    });
  }
  return out;
}
