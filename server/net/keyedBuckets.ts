/**
 * Token buckets by key (an IP, a token's hash), in memory: each key holds up to `burst` tries and
 * regains `perSecond` of them. Keys whose bucket is full again are forgotten, so the map stays small.
 */
export class KeyedBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Tries this key has now. */
  level(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return this.burst;
    return Math.min(this.burst, b.tokens + ((this.now() - b.at) / 1000) * this.perSecond);
  }

  /** Spend one try (never below zero). */
  spend(key: string): void {
    this.buckets.set(key, { tokens: Math.max(0, this.level(key) - 1), at: this.now() });
    if (this.buckets.size > 10_000) this.sweep();
  }

  /** Spend one try if there is one; false when there is none. */
  take(key: string): boolean {
    if (this.level(key) < 1) return false;
    this.spend(key);
    return true;
  }

  private sweep(): void {
    for (const key of [...this.buckets.keys()]) if (this.level(key) >= this.burst) this.buckets.delete(key);
  }
}
