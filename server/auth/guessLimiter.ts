/**
 * Slows down guessing of join codes, seat tokens and host keys, per client IP, in memory.
 * Only wrong guesses cost: a class behind one school NAT typing the right code never runs out.
 * When an IP has no tries left, every lookup from it is refused (right or wrong), so an attacker
 * learns nothing while blocked.
 */
export class GuessLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Wrong guesses allowed in a burst. */
    private readonly burst = 10,
    /** Tries regained per second. */
    private readonly perSecond = 0.2,
    private readonly now: () => number = Date.now,
  ) {}

  /** No tries left: refuse without looking. */
  blocked(ip: string): boolean {
    return this.level(ip) < 1;
  }

  /** A wrong guess costs one try. */
  fail(ip: string): void {
    const tokens = this.level(ip);
    this.buckets.set(ip, { tokens: Math.max(0, tokens - 1), at: this.now() });
    if (this.buckets.size > 10_000) this.sweep();
  }

  private level(ip: string): number {
    const b = this.buckets.get(ip);
    if (!b) return this.burst;
    return Math.min(this.burst, b.tokens + ((this.now() - b.at) / 1000) * this.perSecond);
  }

  /** Forget IPs that are full again, so the map stays small. */
  private sweep(): void {
    for (const ip of [...this.buckets.keys()]) if (this.level(ip) >= this.burst) this.buckets.delete(ip);
  }
}
