import type { DebriefData } from '../../../shared/debrief/data';
import { cohesionSeries, defenseSeries, deterrencePoints, nationSeries } from '../../../shared/debrief/series';
import type { Scenario } from '../../../shared/scenario/schema';
import { stateName, stateStyles } from '../../display/palette';
import type { LineSet } from './Charts';
import { LineChart, ScatterChart } from './Charts';

/** Pacts are not states: dark tones and their own point shapes, never a state's color. */
const PACT_COLORS = ['#1b1b1b', '#6a3d9a', '#8c510a', '#4d4d4d', '#01665e', '#762a83'];
const PACT_POINTS = ['rectRot', 'triangle', 'rect', 'star', 'crossRot'] as const;

const fmt = (v: number | null, digits = 0) => (v === null ? '–' : v.toFixed(digits));

/** "Valdoria 20→35; Drakmor 10→12" — first and last value of each series, for screen readers. */
function trend(sets: readonly LineSet[], digits = 0): string {
  return sets.map((s) => {
    const vals = s.values.filter((x): x is number => x !== null);
    return vals.length ? `${s.label} ${fmt(vals[0]!, digits)} to ${fmt(vals[vals.length - 1]!, digits)}` : `${s.label} none`;
  }).join('; ');
}

/** The debrief's charts by round (GAME.md §9). */
export function DebriefCharts({ scenario, data }: { scenario: Scenario; data: DebriefData }) {
  const ids = scenario.states.map((s) => s.id);
  const styles = stateStyles(scenario);
  const stateSet = (id: string, values: (number | null)[]): LineSet => ({ label: styles.get(id)?.name ?? id, color: styles.get(id)?.color ?? '#888888', values });
  if (data.history.length === 0) {
    return <p class="muted">No round has been resolved yet: the charts appear after the first resolution.</p>;
  }
  const defense = defenseSeries(data.history, ids);
  const cohesion = cohesionSeries(data.history);
  const pactName = (id: string) => data.treaties[id]?.name ?? id;
  const guidelineSets: LineSet[] = cohesion.guidelines.map((g, i) => ({
    label: `Guideline of ${pactName(g.id)}`, color: PACT_COLORS[i % PACT_COLORS.length]!, values: g.values, dashed: true, width: 3,
  }));
  const defenseSets = [...defense.series.map((s) => stateSet(s.id, s.values)), ...guidelineSets];
  const credibility = nationSeries(data.history, ids, 'credibility').series.map((s) => stateSet(s.id, s.values));
  const output = nationSeries(data.history, ids, 'output').series.map((s) => stateSet(s.id, s.values));
  const cohesionSets: LineSet[] = cohesion.series.map((s, i) => ({ label: pactName(s.id), color: PACT_COLORS[i % PACT_COLORS.length]!, values: s.values, point: PACT_POINTS[i % PACT_POINTS.length]! }));
  const points = deterrencePoints(data.history);
  const pointLabel = (p: (typeof points)[number]) =>
    `Round ${p.round}: ${p.attackers.map((a) => stateName(scenario, a)).join(' and ')} attacked ${scenario.regions.find((r) => r.id === p.region)?.name ?? p.region} (${stateName(scenario, p.defender)}), index ${p.deterrence.toFixed(2)}, ${p.taken ? 'taken' : 'held'}`;
  const rounds = defense.rounds;
  const maxDefense = Math.max(30, ...defenseSets.flatMap((s) => s.values.filter((x): x is number => x !== null)));
  return (
    <div class="chart-grid">
      <LineChart id="chart-defense" title="Defense share of output against the guideline" rounds={rounds} sets={defenseSets} yTitle="% of output on defense"
        suggestedMax={Math.ceil(maxDefense / 10) * 10} summary={`${trend(defense.series.map((s) => stateSet(s.id, s.values)))}. ${guidelineSets.map((g) => `${g.label} ${fmt(g.values.find((x) => x !== null) ?? null)}%`).join('; ') || 'No defense pact.'}`} />
      <LineChart id="chart-credibility" title="Credibility" rounds={rounds} sets={credibility} yTitle="credibility (0–100)" suggestedMax={100} summary={trend(credibility)} />
      <LineChart id="chart-output" title="Output" rounds={rounds} sets={output} yTitle="output" summary={trend(output)} />
      {cohesionSets.length > 0 ? (
        <LineChart id="chart-cohesion" title="Cohesion of each defense pact" rounds={rounds} sets={cohesionSets} yTitle="cohesion (0–100)" suggestedMax={100} summary={trend(cohesionSets)} />
      ) : (
        <figure class="chart" id="chart-cohesion"><figcaption><h3>Cohesion of each defense pact</h3></figcaption><p class="muted">No defense pact was in force in any resolved round.</p></figure>
      )}
      <ScatterChart id="chart-deterrence" title="Deterrence index of attacked regions" rounds={rounds[rounds.length - 1] ?? 1} xTitle="round" yTitle="deterrence index when orders closed"
        reference={{ y: 1, label: 'Index 1: defense equals the strongest attack' }}
        groups={[
          { label: 'Region taken', color: '#d55e00', shape: 'triangle', points: points.filter((p) => p.taken).map((p) => ({ x: p.round, y: Math.round(p.deterrence * 100) / 100, label: pointLabel(p) })) },
          { label: 'Attack repelled', color: '#0072b2', shape: 'circle', points: points.filter((p) => !p.taken).map((p) => ({ x: p.round, y: Math.round(p.deterrence * 100) / 100, label: pointLabel(p) })) },
        ]}
        summary={points.length ? points.map(pointLabel).join('. ') : 'No region was attacked.'} />
    </div>
  );
}
