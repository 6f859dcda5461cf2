import type { Properties } from './properties';

const pct = (x: number, d = 1): string => (Number.isFinite(x) ? `${(x * 100).toFixed(d)}%` : '—');
const ci = (c: [number, number], d = 1): string => `[${pct(c[0], d)}, ${pct(c[1], d)}]`;
const num = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : '—');
const mark = (h: boolean): string => (h ? 'HOLDS' : 'FAILS');
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export interface ReportHeader {
  scenario: string;
  matches: number;
  seed: string;
  workers: number;
  seconds: number;
  rounds: number | null;
}

/** The human-readable report: the four properties of GAME.md §10, each with its test and the figures behind it. */
export function textReport(h: ReportHeader, p: Properties): string {
  const L: string[] = [];
  L.push(`Entente simulation — scenario ${h.scenario}, ${h.matches} matches, seed "${h.seed}", ${h.workers} workers, ${h.seconds.toFixed(1)} s (${(h.matches / Math.max(h.seconds, 1e-9)).toFixed(1)} matches/s)`);
  L.push('');
  const d = p.deterrence;
  L.push(`1. Deterrence works — ${mark(d.holds)}`);
  L.push(`   ${d.claim}`);
  L.push(`   ${pad('index', 8)} ${lpad('regions', 8)} ${lpad('attacked', 9)} ${lpad('rate', 7)}  95% CI (Wilson)`);
  for (const b of d.buckets) L.push(`   ${pad(b.index, 8)} ${lpad(String(b.n), 8)} ${lpad(String(b.attacked), 9)} ${lpad(pct(b.rate), 7)}  ${ci(b.ci)}`);
  L.push(`   index < 1: ${pct(d.belowOne.rate)} ${ci(d.belowOne.ci)}   index ≥ 2: ${pct(d.twoOrMore.rate)} ${ci(d.twoOrMore.ci)}`);
  L.push(`   trend slope per bucket ${num(d.trendSlope.estimate, 4)} [${num(d.trendSlope.lo, 4)}, ${num(d.trendSlope.hi, 4)}] (bootstrap over matches)`);
  L.push(`   Test: ${d.test}`);
  L.push('');
  const c = p.credibility;
  L.push(`2. Credibility matters — ${mark(c.holds)}`);
  L.push(`   ${c.claim}`);
  L.push(`   ${pad('forces', 8)} ${lpad('low cred: n', 12)} ${lpad('rate', 7)} ${lpad('high cred: n', 13)} ${lpad('rate', 7)}`);
  for (const s of c.strata) {
    if (s.lowCredibility.n + s.highCredibility.n === 0) continue;
    L.push(`   ${pad(s.forcesIndex, 8)} ${lpad(String(s.lowCredibility.n), 12)} ${lpad(pct(s.lowCredibility.rate), 7)} ${lpad(String(s.highCredibility.n), 13)} ${lpad(pct(s.highCredibility.rate), 7)}`);
  }
  L.push(`   risk difference (low − high), Mantel–Haenszel: ${pct(c.riskDifference.estimate, 2)} [${pct(c.riskDifference.lo, 2)}, ${pct(c.riskDifference.hi, 2)}]`);
  L.push(`   Test: ${c.test}`);
  L.push('');
  const f = p.freeRiding;
  L.push(`3. Free-riding where theory expects it — ${mark(f.holds)}`);
  L.push(`   ${f.claim}`);
  L.push(`   pacts measured: ${f.pacts}; mean Spearman ρ(output, defense share) ${num(f.rankCorrelation.estimate)} [${num(f.rankCorrelation.lo)}, ${num(f.rankCorrelation.hi)}]; positive in ${pct(f.rankCorrelation.positiveShare)} of pacts`);
  L.push(`   Fisher z pooled (pacts of 4+): ${num(f.fisherZ.estimate)} [${num(f.fisherZ.lo)}, ${num(f.fisherZ.hi)}] over ${f.fisherZ.pacts} pacts`);
  L.push(`   Test: ${f.test}`);
  L.push('');
  const b = p.balance;
  L.push(`4. No dominant strategy — ${mark(b.holds)}`);
  L.push(`   ${b.claim}`);
  for (const [k, x] of Object.entries(b.roles)) L.push(`   role ${pad(k, 12)} won ${lpad(String(x.won), 5)} of ${lpad(String(x.matches), 5)}  ${lpad(pct(x.share), 6)} ${ci(x.ci)}`);
  for (const [k, x] of Object.entries(b.doctrines)) L.push(`   doctrine ${pad(k, 12)} won ${lpad(String(x.won), 5)} of ${lpad(String(x.matches), 5)}  ${lpad(pct(x.share), 6)} ${ci(x.ci)}  (per seat ${pct(x.seatWinRate)})`);
  L.push(`   matches ended ${b.ended}/${b.matches}; stalled phases ${b.stalls}; illegal bot commands ${b.illegalCommands}`);
  L.push(`   Test: ${b.test}`);
  L.push('');
  const all = d.holds && c.holds && f.holds && b.holds;
  L.push(all ? 'All four properties hold.' : `Not holding: ${(['deterrence', 'credibility', 'freeRiding', 'balance'] as const).filter((k) => !p[k].holds).join(', ')}.`);
  return L.join('\n');
}
