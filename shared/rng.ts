/**
 * A seeded PRNG (sfc32) whose whole state is four 32-bit integers kept inside the game state,
 * so that resolution stays a pure function and replays are exact.
 */
export type RngState = readonly [number, number, number, number];

export function seedRng(seed: string): RngState {
  // xmur3 string hash spreads any seed text over the 128-bit state.
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = (): number => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
  let s: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) s = nextRaw(s)[1];
  return s;
}

function nextRaw(s: RngState): [number, RngState] {
  let [a, b, c, d] = s;
  a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  return [(t >>> 0) / 4294967296, [a >>> 0, b >>> 0, c >>> 0, d >>> 0]];
}

/** A mutable cursor over an RngState, for use inside one resolution step. */
export class Rng {
  private s: RngState;
  constructor(state: RngState) {
    this.s = state;
  }
  /** Uniform in [0, 1). */
  next(): number {
    const [v, s] = nextRaw(this.s);
    this.s = s;
    return v;
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  get state(): RngState {
    return this.s;
  }
}
