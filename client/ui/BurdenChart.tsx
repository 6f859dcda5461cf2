import { useEffect, useRef } from 'preact/hooks';
import type { PactBurden } from '../display/stats';

/**
 * Burden sharing of one pact: each member's defense share against the guideline (a line).
 * Chart.js is loaded on demand, in its own chunk.
 */
export function BurdenChart({ pact }: { pact: PactBurden }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let dead = false;
    void import('chart.js/auto').then(({ default: Chart }) => {
      if (dead || !ref.current) return;
      chart = new Chart(ref.current, {
        data: {
          labels: pact.bars.map((b) => b.name),
          datasets: [
            { type: 'bar', label: 'Defense share (%)', data: pact.bars.map((b) => b.defense ?? 0), backgroundColor: pact.bars.map((b) => b.color), borderColor: '#0b0f14', borderWidth: 1 },
            { type: 'line', label: `Guideline ${pact.guideline}%`, data: pact.bars.map(() => pact.guideline), borderColor: '#ffffff', borderDash: [6, 4], pointRadius: 0, borderWidth: 2 },
          ],
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { labels: { color: '#e6edf3' } } },
          scales: {
            x: { ticks: { color: '#e6edf3' }, grid: { color: '#2a3440' } },
            y: { beginAtZero: true, suggestedMax: Math.max(40, pact.guideline + 10), ticks: { color: '#e6edf3' }, grid: { color: '#2a3440' } },
          },
        },
      });
    });
    return () => {
      dead = true;
      chart?.destroy();
    };
  }, [JSON.stringify(pact)]);
  const text = pact.bars.map((b) => `${b.name} ${b.defense === null ? 'not yet revealed' : `${b.defense}%`}${b.below ? ' (below the guideline)' : ''}`).join('; ');
  return (
    <figure class="burden">
      <div class="chart-box"><canvas ref={ref} role="img" aria-label={`Burden sharing in ${pact.name}: ${text}. Guideline ${pact.guideline}%.`} /></div>
      <figcaption class="muted small">Defense share revealed at the last resolution against the guideline. {pact.bars.some((b) => b.below) ? `Below it: ${pact.bars.filter((b) => b.below).map((b) => b.name).join(', ')}.` : ''}</figcaption>
    </figure>
  );
}
