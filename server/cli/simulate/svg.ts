import type { MatchRecord } from './runMatch';
import type { Properties } from './properties';

/** Small, dependency-free SVG charts for the report folder (the debrief in the browser uses Chart.js). */

const W = 640;
const H = 400;
const M = { l: 64, r: 20, t: 40, b: 56 };
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function frame(title: string, xLabel: string, yLabel: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
    `<line x1="${M.l}" y1="${H - M.b}" x2="${W - M.r}" y2="${H - M.b}" stroke="#333"/>`,
    `<line x1="${M.l}" y1="${M.t}" x2="${M.l}" y2="${H - M.b}" stroke="#333"/>`,
    `<text x="${(M.l + W - M.r) / 2}" y="${H - 14}" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text transform="translate(16 ${(M.t + H - M.b) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
    body,
    '</svg>',
  ].join('\n');
}

function yAxis(max: number, fmt: (v: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i <= 5; i++) {
    const v = (max * i) / 5;
    const y = H - M.b - ((H - M.t - M.b) * i) / 5;
    out.push(`<line x1="${M.l - 4}" y1="${y}" x2="${W - M.r}" y2="${y}" stroke="#eee"/><text x="${M.l - 8}" y="${y + 4}" text-anchor="end">${fmt(v)}</text>`);
  }
  return out.join('\n');
}

/** Attack rate against deterrence index, one bar per bucket with its 95% Wilson interval. */
export function deterrenceChart(p: Properties): string {
  const buckets = p.deterrence.buckets;
  const max = Math.ceil(Math.max(0.05, ...buckets.map((b) => b.ci[1])) * 1.1 * 100 / 5) * 5 / 100;
  const bw = (W - M.l - M.r) / buckets.length;
  const y = (v: number): number => H - M.b - ((H - M.t - M.b) * v) / max;
  const bars = buckets.map((b, i) => {
    const x = M.l + i * bw;
    const r = Number.isFinite(b.rate) ? b.rate : 0;
    return [
      `<rect x="${x + bw * 0.15}" y="${y(r)}" width="${bw * 0.7}" height="${H - M.b - y(r)}" fill="#0072b2"/>`,
      `<line x1="${x + bw / 2}" y1="${y(b.ci[0])}" x2="${x + bw / 2}" y2="${y(b.ci[1])}" stroke="#d55e00" stroke-width="2"/>`,
      `<text x="${x + bw / 2}" y="${H - M.b + 16}" text-anchor="middle">${esc(b.index)}</text>`,
      `<text x="${x + bw / 2}" y="${H - M.b + 30}" text-anchor="middle" fill="#666">n=${b.n}</text>`,
    ].join('');
  });
  return frame('Attack rate by deterrence index (95% Wilson intervals)', 'deterrence index when orders closed', 'share of regions attacked', yAxis(max, (v) => `${(v * 100).toFixed(0)}%`) + bars.join('\n'));
}

const DOCTRINE_COLORS: Record<string, string> = { guardian: '#0072b2', 'free-rider': '#e69f00', opportunist: '#d55e00', hedger: '#009e73' };

/** Each pact member: its output relative to its pact's largest member, against its mean defense share. */
export function freeRidingChart(records: readonly MatchRecord[], p: Properties): string {
  const pts: Array<{ x: number; y: number; d: string }> = [];
  for (const m of records) {
    for (const pact of m.pacts) {
      if (pact.members.length < 3) continue;
      const top = Math.max(...pact.members.map((x) => x.output));
      for (const x of pact.members) pts.push({ x: x.output / top, y: x.defense, d: m.doctrines[x.state] ?? '' });
    }
  }
  const shown = pts.slice(0, 4000);
  const ymax = Math.ceil(Math.max(10, ...shown.map((q) => q.y)) / 5) * 5;
  const px = (v: number): number => M.l + (W - M.l - M.r) * v;
  const py = (v: number): number => H - M.b - ((H - M.t - M.b) * v) / ymax;
  const dots = shown.map((q) => `<circle cx="${px(q.x).toFixed(1)}" cy="${py(q.y).toFixed(1)}" r="2.5" fill="${DOCTRINE_COLORS[q.d] ?? '#666'}" fill-opacity="0.45"/>`);
  const legend = Object.entries(DOCTRINE_COLORS).map(([d, c], i) => `<circle cx="${M.l + 16 + i * 120}" cy="${M.t + 8}" r="5" fill="${c}"/><text x="${M.l + 26 + i * 120}" y="${M.t + 12}">${d}</text>`);
  const xt = [0, 0.25, 0.5, 0.75, 1].map((v) => `<text x="${px(v)}" y="${H - M.b + 16}" text-anchor="middle">${v}</text>`);
  const rho = p.freeRiding.rankCorrelation;
  return frame(`Output against defense share in pacts (mean within-pact ρ = ${rho.estimate})`, 'output relative to the pact\'s largest member', 'mean defense share (%)', yAxis(ymax, (v) => v.toFixed(0)) + xt.join('') + dots.join('\n') + legend.join(''));
}
