import { KeyedBuckets } from '../net/keyedBuckets';

/**
 * Slows down guessing of join codes, seat tokens and host keys, per client IP, in memory.
 * Only wrong guesses cost: a class behind one school NAT typing the right code never runs out.
 * When an IP has no tries left, every lookup from it is refused (right or wrong), so an attacker
 * learns nothing while blocked.
 */
export class GuessLimiter {
  private readonly buckets: KeyedBuckets;

  constructor(
    /** Wrong guesses allowed in a burst. */
    burst = 10,
    /** Tries regained per second. */
    perSecond = 0.2,
    now: () => number = Date.now,
  ) {
    this.buckets = new KeyedBuckets(burst, perSecond, now);
  }

  /** No tries left: refuse without looking. */
  blocked(ip: string): boolean {
    return this.buckets.level(ip) < 1;
  }

  /** A wrong guess costs one try. */
  fail(ip: string): void {
    this.buckets.spend(ip);
  }
}
