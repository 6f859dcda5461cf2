import { DOCTRINES } from '../../../shared/bots';
import type { MatchRecord } from './runMatch';
import type { Interval } from './stats';
import { clusterBootstrap, fisherPooled, round, spearman, wilson } from './stats';

/**
 * GAME.md §10, checked on many seeded bot matches. Each property says what it measures, the figures behind it, and
 * whether it holds at 95% confidence. Everything inside one match is correlated, so intervals on the headline
 * statistics come from a bootstrap over matches; per-bucket rates carry Wilson intervals.
 */

/** Deterrence-index buckets: lower bounds; the last one runs to the index's cap (10). */
export const INDEX_BUCKETS = [0, 0.5, 1, 1.5, 2, 3, 5] as const;
/** Strata for the matched credibility comparison: the forces-only index (every ally at credibility 100). */
export const FORCE_STRATA = [0, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7] as const;
/** Allies' mean credibility at or above this counts as high (the scenario's default starting credibility). */
export const HIGH_CREDIBILITY = 60;
/** No role and no doctrine may win more than this share of the matches it plays (GAME.md §10). */
export const MAX_WIN_SHARE = 0.65;

export function bucketOf(edges: readonly number[], x: number): number {
  let k = 0;
  while (k + 1 < edges.length && x >= edges[k + 1]!) k++;
  return k;
}

const label = (edges: readonly number[], k: number): string => (k + 1 < edges.length ? `${edges[k]}–${edges[k + 1]}` : `≥${edges[k]}`);

interface Summary {
  /** Per bucket: exposures and attacks. */
  bucketN: number[];
  bucketA: number[];
  /** Per stratum: [low n, low attacked, high n, high attacked]. */
  strata: number[][];
  /** Pacts of three or more members with a defined rank correlation. */
  rhos: Array<{ r: number; n: number }>;
}

function summarize(m: MatchRecord): Summary {
  const s: Summary = {
    bucketN: INDEX_BUCKETS.map(() => 0), bucketA: INDEX_BUCKETS.map(() => 0),
    strata: FORCE_STRATA.map(() => [0, 0, 0, 0]), rhos: [],
  };
  for (let i = 0; i < m.exposures.length; i += 5) {
    const [index, forces, cred, attacked] = [m.exposures[i]!, m.exposures[i + 1]!, m.exposures[i + 2]!, m.exposures[i + 3]!];
    const k = bucketOf(INDEX_BUCKETS, index);
    s.bucketN[k]!++;
    s.bucketA[k]! += attacked;
    if (cred >= 0) {
      const st = s.strata[bucketOf(FORCE_STRATA, forces)]!;
      const g = cred >= HIGH_CREDIBILITY ? 2 : 0;
      st[g]!++;
      st[g + 1]! += attacked;
    }
  }
  for (const p of m.pacts) {
    if (p.members.length < 3) continue;
    const r = spearman(p.members.map((x) => x.output), p.members.map((x) => x.defense));
    if (Number.isFinite(r)) s.rhos.push({ r, n: p.members.length });
  }
  return s;
}

const sum = (xs: number[][], f: (x: number[]) => number[]): number[] => {
  const out: number[] = [];
  for (const x of xs) f(x).forEach((v, i) => (out[i] = (out[i] ?? 0) + v));
  return out;
};

/** Slope of the attack indicator on the bucket's rank (Cochran–Armitage numerator over its denominator): negative when attacks fall as deterrence rises. */
function trendSlope(n: number[], a: number[]): number {
  const N = n.reduce((x, y) => x + y, 0);
  if (N === 0) return Number.NaN;
  const xbar = n.reduce((acc, nk, k) => acc + k * nk, 0) / N;
  const ybar = a.reduce((x, y) => x + y, 0) / N;
  let sxy = 0;
  let sxx = 0;
  n.forEach((nk, k) => {
    sxy += (k - xbar) * (a[k]! - nk * ybar);
    sxx += nk * (k - xbar) ** 2;
  });
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** Mantel–Haenszel risk difference, low minus high credibility, pooled over strata of equal forces. */
function mhRiskDifference(strata: number[][]): number {
  let num = 0;
  let den = 0;
  for (const [nl, al, nh, ah] of strata as Array<[number, number, number, number]>) {
    if (nl === 0 || nh === 0) continue;
    const w = (nl * nh) / (nl + nh);
    num += w * (al / nl - ah / nh);
    den += w;
  }
  return den === 0 ? Number.NaN : num / den;
}

const iv = (x: Interval, d = 3) => ({ estimate: round(x.estimate, d), lo: round(x.lo, d), hi: round(x.hi, d) });
const rate = (k: number, n: number) => {
  const w = wilson(k, n);
  return { n, attacked: k, rate: round(w.estimate, 4), ci: [round(w.lo, 4), round(w.hi, 4)] as [number, number] };
};

export function deterrenceProperty(sums: Summary[], seed: string) {
  const n = sum(sums.map((s) => s.bucketN), (x) => x);
  const a = sum(sums.map((s) => s.bucketA), (x) => x);
  const buckets = INDEX_BUCKETS.map((_, k) => ({ index: label(INDEX_BUCKETS, k), ...rate(a[k] ?? 0, n[k] ?? 0) }));
  const slope = clusterBootstrap(sums, (ss) => trendSlope(sum(ss.map((s) => s.bucketN), (x) => x), sum(ss.map((s) => s.bucketA), (x) => x)), { seed: `${seed}|deterrence` });
  // Plainly: regions deterred below 1 against those at 2 or more.
  const lowN = (n[0] ?? 0) + (n[1] ?? 0);
  const lowA = (a[0] ?? 0) + (a[1] ?? 0);
  const highN = n.slice(4).reduce((x, y) => x + y, 0);
  const highA = a.slice(4).reduce((x, y) => x + y, 0);
  const low = wilson(lowA, lowN);
  const high = wilson(highA, highN);
  const holds = slope.hi < 0 && low.lo > high.hi;
  return {
    holds,
    claim: 'Regions with a higher deterrence index are attacked less often.',
    test: 'Bootstrap 95% CI (over matches) of the trend slope of attack rate on index bucket lies below 0, and the Wilson 95% intervals of index < 1 and index ≥ 2 do not overlap.',
    exposures: lowN + highN + (n[2] ?? 0) + (n[3] ?? 0),
    buckets,
    trendSlope: iv(slope, 4),
    belowOne: rate(lowA, lowN),
    twoOrMore: rate(highA, highN),
  };
}

export function credibilityProperty(sums: Summary[], seed: string) {
  const strata = FORCE_STRATA.map((_, k) => {
    const [nl, al, nh, ah] = [0, 1, 2, 3].map((j) => sums.reduce((acc, s) => acc + s.strata[k]![j]!, 0)) as [number, number, number, number];
    return { forcesIndex: label(FORCE_STRATA, k), lowCredibility: rate(al, nl), highCredibility: rate(ah, nh) };
  });
  const rd = clusterBootstrap(sums, (ss) => mhRiskDifference(FORCE_STRATA.map((_, k) => [0, 1, 2, 3].map((j) => ss.reduce((acc, s) => acc + s.strata[k]![j]!, 0)))), { seed: `${seed}|credibility` });
  return {
    holds: rd.lo > 0,
    claim: 'The same forces deter more when allies\' credibility is high.',
    test: `Regions with obliged allies, matched on their forces-only index (every ally's credibility set to 100); attack rates compared between allies' mean credibility < ${HIGH_CREDIBILITY} and ≥ ${HIGH_CREDIBILITY}. Mantel–Haenszel risk difference (low − high), bootstrap 95% CI over matches, lies above 0.`,
    riskDifference: iv(rd, 4),
    strata,
  };
}

export function freeRidingProperty(sums: Summary[], seed: string) {
  const all = sums.flatMap((s) => s.rhos);
  const meanOf = (ss: readonly Summary[]): number => {
    let t = 0;
    let k = 0;
    for (const s of ss) for (const x of s.rhos) {
      t += x.r;
      k++;
    }
    return k ? t / k : Number.NaN;
  };
  const mean = clusterBootstrap(sums, meanOf, { seed: `${seed}|freeRiding` });
  const fisher = fisherPooled(all);
  const positive = all.filter((x) => x.r > 0).length;
  return {
    holds: mean.lo > 0,
    claim: 'In a pact, states with larger output carry a larger defense share than small members (Olson and Zeckhauser, 1966).',
    test: 'Spearman rank correlation, within each pact of three or more members, between members\' mean output and mean defense share over the rounds they belonged; the mean over pacts has a bootstrap 95% CI (over matches) above 0.',
    pacts: all.length,
    rankCorrelation: { ...iv(mean), positiveShare: round(positive / Math.max(1, all.length)) },
    fisherZ: { ...iv(fisher), pacts: fisher.samples, note: 'Fisher z pooling (weights n − 3) of pacts with four or more members.' },
  };
}

export function balanceProperty(records: readonly MatchRecord[]) {
  const n = records.length;
  const roleWins = { 'status-quo': 0, revisionist: 0 };
  const doctrine: Record<string, { played: number; won: number; seats: number; seatWins: number }> = Object.fromEntries(DOCTRINES.map((d) => [d, { played: 0, won: 0, seats: 0, seatWins: 0 }]));
  for (const m of records) {
    const roles = new Set(m.winners.map((w) => m.roles[w]));
    for (const r of roles) if (r) roleWins[r]++;
    const present = new Set(Object.values(m.doctrines));
    const won = new Set(m.winners.map((w) => m.doctrines[w]));
    for (const d of present) {
      doctrine[d]!.played++;
      if (won.has(d)) doctrine[d]!.won++;
    }
    for (const [s, d] of Object.entries(m.doctrines)) {
      doctrine[d]!.seats++;
      if (m.winners.includes(s)) doctrine[d]!.seatWins++;
    }
  }
  const share = (k: number, of: number) => {
    const w = wilson(k, of);
    return { matches: of, won: k, share: round(w.estimate), ci: [round(w.lo), round(w.hi)] as [number, number] };
  };
  const roles = { 'status-quo': share(roleWins['status-quo'], n), revisionist: share(roleWins.revisionist, n) };
  const doctrines = Object.fromEntries(Object.entries(doctrine).map(([d, x]) => [d, { ...share(x.won, x.played), seatWinRate: round(x.seats ? x.seatWins / x.seats : 0) }]));
  const ended = records.filter((m) => m.ended).length;
  const stalls = records.reduce((a, m) => a + m.stalls, 0);
  const illegal = records.reduce((a, m) => a + Object.values(m.illegal).reduce((x, y) => x + y, 0), 0);
  const dominant = [...Object.entries(roles), ...Object.entries(doctrines)].filter(([, x]) => x.ci[1] > MAX_WIN_SHARE).map(([k]) => k);
  return {
    holds: dominant.length === 0 && ended === n && stalls === 0,
    claim: `No dominant strategy: no role and no doctrine wins more than ${MAX_WIN_SHARE * 100}% of the matches it plays; every match ends; no deadlock.`,
    test: `Share of matches won (a tie counts for each winner) with its Wilson 95% interval, whose upper bound stays at or below ${MAX_WIN_SHARE}; every match reaches its end; no phase had to be ended by the clock because bots stopped acting.`,
    roles, doctrines, dominant, ended, matches: n, stalls, illegalCommands: illegal,
  };
}

export function evaluate(records: readonly MatchRecord[], seed: string) {
  const sums = records.map(summarize);
  return {
    deterrence: deterrenceProperty(sums, seed),
    credibility: credibilityProperty(sums, seed),
    freeRiding: freeRidingProperty(sums, seed),
    balance: balanceProperty(records),
  };
}
export type Properties = ReturnType<typeof evaluate>;
