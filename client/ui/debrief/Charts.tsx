import type ChartJs from 'chart.js/auto';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Line and scatter charts for the debrief, drawn with Chart.js (loaded on demand into its own chunk).
 * No animation: a chart is complete the moment it appears, for the projector, screenshots and print.
 * Every chart also carries its numbers as text for screen readers (`summary`).
 */

export interface LineSet {
  label: string;
  color: string;
  values: (number | null)[];
  /** Dashed: a reference line such as a guideline. */
  dashed?: boolean;
  /** Point shape, so that series never differ by color alone. */
  point?: 'circle' | 'rectRot' | 'triangle' | 'rect' | 'star' | 'crossRot';
  width?: number;
}

const INK = '#1b2430';
const GRID = '#d5dbe2';

type ChartLike = { destroy(): void };

let printHook = false;
/** Charts size themselves to the screen; paper is another size. */
function resizeForPrint(Chart: typeof ChartJs): void {
  if (printHook) return;
  printHook = true;
  addEventListener('beforeprint', () => {
    for (const c of Object.values(Chart.instances)) c.resize();
  });
}

function useChart(make: (Chart: typeof ChartJs, canvas: HTMLCanvasElement) => ChartLike, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: ChartLike | null = null;
    let dead = false;
    void import('chart.js/auto').then(({ default: Chart }) => {
      if (dead || !ref.current) return;
      Chart.defaults.font.size = 14;
      Chart.defaults.color = INK;
      resizeForPrint(Chart);
      chart = make(Chart, ref.current);
      ref.current.dataset.ready = 'true';
    });
    return () => {
      dead = true;
      chart?.destroy();
    };
  }, deps);
  return ref;
}

export function LineChart({ id, title, rounds, sets, yTitle, suggestedMax, min = 0, summary }: {
  id: string;
  title: string;
  rounds: number[];
  sets: LineSet[];
  yTitle: string;
  suggestedMax?: number;
  min?: number;
  summary: string;
}) {
  const ref = useChart((Chart, canvas) => new Chart(canvas, {
    type: 'line',
    data: {
      labels: rounds.map((r) => (r === 0 ? 'Start' : `R${r}`)),
      datasets: sets.map((s) => ({
        label: s.label, data: s.values, borderColor: s.color, backgroundColor: s.color, borderWidth: s.width ?? (s.dashed ? 2 : 3),
        borderDash: s.dashed ? [10, 6] : [], pointRadius: s.dashed ? 0 : 4, pointStyle: s.point ?? 'circle', spanGaps: false, tension: 0,
        // Reference lines (guidelines) are drawn over the states' lines, which may coincide with them.
        order: s.dashed ? 0 : 1,
      })),
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 24, usePointStyle: false } }, title: { display: false } },
      scales: {
        x: { ticks: { color: INK }, grid: { color: GRID } },
        y: { min, suggestedMax, title: { display: true, text: yTitle, color: INK }, ticks: { color: INK }, grid: { color: GRID } },
      },
    },
  }), [JSON.stringify({ rounds, sets, suggestedMax, min })]);
  return (
    <figure class="chart" id={id}>
      <figcaption><h3>{title}</h3></figcaption>
      <div class="chart-area"><canvas ref={ref} role="img" aria-label={`${title}. ${summary}`} /></div>
    </figure>
  );
}

export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
}

export function ScatterChart({ id, title, groups, xTitle, yTitle, rounds, summary, reference }: {
  id: string;
  title: string;
  groups: { label: string; color: string; shape: 'circle' | 'triangle' | 'rectRot'; points: ScatterPoint[] }[];
  xTitle: string;
  yTitle: string;
  rounds: number;
  summary: string;
  /** A horizontal reference line (e.g. index 1: forces even). */
  reference?: { y: number; label: string };
}) {
  const ref = useChart((Chart, canvas) => new Chart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        ...groups.map((g) => ({
          label: g.label, data: g.points, borderColor: '#111111', backgroundColor: g.color, pointStyle: g.shape, pointRadius: 8, pointHoverRadius: 10, borderWidth: 1,
        })),
        ...(reference ? [{
          type: 'line' as const, label: reference.label, data: [{ x: 0.5, y: reference.y, label: reference.label }, { x: rounds + 0.5, y: reference.y, label: reference.label }],
          borderColor: '#555555', borderDash: [8, 5], pointRadius: 0, borderWidth: 2,
        }] : []),
      ],
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (c) => (c.raw as ScatterPoint).label ?? '' } },
      },
      scales: {
        x: {
          min: 0.5, max: Math.max(1, rounds) + 0.5, title: { display: true, text: xTitle, color: INK }, grid: { color: GRID },
          // One tick per round, at the round (the axis runs half a round beyond each end).
          afterBuildTicks: (axis) => { axis.ticks = Array.from({ length: Math.max(1, rounds) }, (_v, i) => ({ value: i + 1 })); },
          ticks: { color: INK, callback: (v) => `R${v}` },
        },
        y: { min: 0, suggestedMax: 3, title: { display: true, text: yTitle, color: INK }, ticks: { color: INK }, grid: { color: GRID } },
      },
    },
  }), [JSON.stringify({ groups, rounds, reference })]);
  return (
    <figure class="chart" id={id}>
      <figcaption><h3>{title}</h3></figcaption>
      <div class="chart-area"><canvas ref={ref} role="img" aria-label={`${title}. ${summary}`} /></div>
    </figure>
  );
}
