import { Rng, seedRng } from '../../../shared';

/** 1.96: the two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

/** A proportion with its Wilson score interval (good at small counts and near 0 or 1, unlike the normal approximation). */
export function wilson(k: number, n: number, z = Z95): Interval & { k: number; n: number } {
  if (n === 0) return { k, n, estimate: Number.NaN, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const mid = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { k, n, estimate: p, lo: Math.max(0, mid - half), hi: Math.min(1, mid + half) };
}

/** Ranks 1..n with ties given their average rank. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]![1]] = r;
    i = j + 1;
  }
  return out;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation (Pearson on average ranks); NaN when either side has no spread. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(ranks(xs), ranks(ys));
}

/**
 * Fisher's z pooling of correlations from independent samples: weights n − 3, a normal interval on z, back-transformed.
 * Samples of three or fewer carry no weight.
 */
export function fisherPooled(samples: ReadonlyArray<{ r: number; n: number }>, z = Z95): Interval & { samples: number } {
  let sw = 0;
  let swz = 0;
  let used = 0;
  for (const { r, n } of samples) {
    if (!Number.isFinite(r) || n <= 3) continue;
    const w = n - 3;
    swz += w * Math.atanh(Math.max(-0.999999, Math.min(0.999999, r)));
    sw += w;
    used++;
  }
  if (sw === 0) return { estimate: Number.NaN, lo: Number.NaN, hi: Number.NaN, samples: 0 };
  const m = swz / sw;
  const se = 1 / Math.sqrt(sw);
  return { estimate: Math.tanh(m), lo: Math.tanh(m - z * se), hi: Math.tanh(m + z * se), samples: used };
}

/**
 * Percentile bootstrap over clusters (here: matches, since everything inside one match is correlated).
 * `stat` receives the resampled clusters; NaN replicates are dropped. Seeded, so reports are reproducible.
 */
export function clusterBootstrap<T>(clusters: readonly T[], stat: (sample: readonly T[]) => number, opts: { replicates?: number; seed?: string } = {}): Interval & { replicates: number } {
  const estimate = stat(clusters);
  const B = opts.replicates ?? 1000;
  const rng = new Rng(seedRng(opts.seed ?? 'bootstrap'));
  const values: number[] = [];
  const sample = new Array<T>(clusters.length);
  for (let b = 0; b < B && clusters.length > 0; b++) {
    for (let i = 0; i < clusters.length; i++) sample[i] = clusters[rng.int(clusters.length)]!;
    const v = stat(sample);
    if (Number.isFinite(v)) values.push(v);
  }
  values.sort((a, b) => a - b);
  const q = (p: number): number => (values.length ? values[Math.min(values.length - 1, Math.max(0, Math.floor(p * values.length)))]! : Number.NaN);
  return { estimate, lo: q(0.025), hi: q(0.975), replicates: values.length };
}

export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
