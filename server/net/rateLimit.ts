/**
 * rateLimit — token buckets for client messages. Pure: no clock inside; every call takes `now`
 * (milliseconds, any monotonic origin, e.g. `performance.now()` or the room clock).
 *
 * API
 *   new TokenBucket({ capacity, refillPerSecond })
 *     .take(now, cost = 1): boolean      spend `cost` tokens if there are that many; else spend none
 *     .tokens(now): number               tokens available at `now` (refills, spends nothing)
 *     .retryAfterMs(now, cost = 1): number   ms until `take(now + that, cost)` would succeed
 *                                             (Infinity if cost > capacity or refill is 0)
 *   A bucket starts full at the first `now` it sees; a clock that steps backwards refills nothing.
 *
 *   new ClientRateLimiter(limits = DEFAULT_MESSAGE_LIMITS)   one client's buckets, one per class
 *     .take(messageClass, now, cost = 1): boolean
 *     .retryAfterMs(messageClass, now, cost = 1): number
 *
 *   new RoomRateLimiter(limits = DEFAULT_MESSAGE_LIMITS)     every client of a room, by client id
 *     .take(clientId, messageClass, now, cost = 1): boolean
 *     .retryAfterMs(clientId, messageClass, now, cost = 1): number
 *     .forget(clientId)                  call from onLeave (after any reconnection window)
 *     .size                              clients tracked
 *   Each client has its own buckets, so a flooding client empties only its own.
 *
 *   messageClassOf(type, payload): MessageClass   the class of a client message (server/PROTOCOL.md):
 *     `cmd` carrying a `message` command → 'chat'; other `cmd` → 'orders'; `control` → 'control';
 *     `resync` → 'resync'; anything else → 'control'. It only peeks at `payload.command.type`, so
 *     call it before zod parsing to refuse floods cheaply.
 *
 * Use in a room handler (errors are replies, ARCHITECTURE.md):
 *   if (!limiter.take(client.sessionId, messageClassOf(type, payload), performance.now())) {
 *     client.send('error', { seq, code: 'rate/limited', message: 'Too many messages; slow down.' });
 *     return;
 *   }
 * Frame-level flooding (any message, before decoding) is handled by guardedTransport.ts, which
 * disconnects; this limiter is for per-class fairness and replies instead.
 */

/** A token bucket's shape. */
export interface BucketConfig {
  /** Most tokens the bucket holds: the largest burst allowed. */
  capacity: number;
  /** Tokens added per second, up to `capacity`: the sustained rate. */
  refillPerSecond: number;
}

/** What a client message is, for rate limiting. */
export type MessageClass = 'orders' | 'chat' | 'control' | 'resync';

/** Limits per message class. Chat is slower than orders; resync (a full view) is the costliest. */
export const DEFAULT_MESSAGE_LIMITS: Readonly<Record<MessageClass, Readonly<BucketConfig>>> = Object.freeze({
  orders: Object.freeze({ capacity: 20, refillPerSecond: 10 }),
  chat: Object.freeze({ capacity: 5, refillPerSecond: 1 }),
  control: Object.freeze({ capacity: 10, refillPerSecond: 2 }),
  resync: Object.freeze({ capacity: 3, refillPerSecond: 0.2 }),
});

const MESSAGE_CLASSES: readonly MessageClass[] = ['orders', 'chat', 'control', 'resync'];

export class TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;
  private available: number;
  /** The `now` of the last refill; NaN until the first call. */
  private last = Number.NaN;

  constructor(config: BucketConfig) {
    if (!(config.capacity > 0) || !(config.refillPerSecond >= 0)) {
      throw new RangeError(`TokenBucket: capacity must be > 0 and refillPerSecond >= 0, got ${JSON.stringify(config)}`);
    }
    this.capacity = config.capacity;
    this.refillPerSecond = config.refillPerSecond;
    this.available = config.capacity;
  }

  private refill(now: number): void {
    if (Number.isNaN(this.last)) {
      this.last = now;
      return;
    }
    const elapsed = now - this.last;
    // A clock stepping backwards (or a NaN now) refills nothing and does not move `last` back.
    if (!(elapsed > 0)) return;
    this.available = Math.min(this.capacity, this.available + (elapsed / 1000) * this.refillPerSecond);
    this.last = now;
  }

  take(now: number, cost = 1): boolean {
    this.refill(now);
    if (this.available < cost) return false;
    this.available -= cost;
    return true;
  }

  tokens(now: number): number {
    this.refill(now);
    return this.available;
  }

  retryAfterMs(now: number, cost = 1): number {
    this.refill(now);
    if (this.available >= cost) return 0;
    if (cost > this.capacity || this.refillPerSecond === 0) return Number.POSITIVE_INFINITY;
    return Math.ceil(((cost - this.available) / this.refillPerSecond) * 1000);
  }
}

/** One client's buckets, one per message class. */
export class ClientRateLimiter {
  private readonly buckets: Record<MessageClass, TokenBucket>;

  constructor(limits: Readonly<Record<MessageClass, Readonly<BucketConfig>>> = DEFAULT_MESSAGE_LIMITS) {
    this.buckets = {
      orders: new TokenBucket(limits.orders),
      chat: new TokenBucket(limits.chat),
      control: new TokenBucket(limits.control),
      resync: new TokenBucket(limits.resync),
    };
  }

  take(messageClass: MessageClass, now: number, cost = 1): boolean {
    return this.buckets[messageClass].take(now, cost);
  }

  retryAfterMs(messageClass: MessageClass, now: number, cost = 1): number {
    return this.buckets[messageClass].retryAfterMs(now, cost);
  }
}

/** Every client of a room, each with its own ClientRateLimiter. */
export class RoomRateLimiter {
  private readonly clients = new Map<string, ClientRateLimiter>();
  private readonly limits: Readonly<Record<MessageClass, Readonly<BucketConfig>>>;

  constructor(limits: Readonly<Record<MessageClass, Readonly<BucketConfig>>> = DEFAULT_MESSAGE_LIMITS) {
    for (const messageClass of MESSAGE_CLASSES) new TokenBucket(limits[messageClass]); // validate early
    this.limits = limits;
  }

  private limiterFor(clientId: string): ClientRateLimiter {
    let limiter = this.clients.get(clientId);
    if (!limiter) {
      limiter = new ClientRateLimiter(this.limits);
      this.clients.set(clientId, limiter);
    }
    return limiter;
  }

  take(clientId: string, messageClass: MessageClass, now: number, cost = 1): boolean {
    return this.limiterFor(clientId).take(messageClass, now, cost);
  }

  retryAfterMs(clientId: string, messageClass: MessageClass, now: number, cost = 1): number {
    return this.clients.get(clientId)?.retryAfterMs(messageClass, now, cost) ?? 0;
  }

  forget(clientId: string): void {
    this.clients.delete(clientId);
  }

  get size(): number {
    return this.clients.size;
  }
}

/** The rate-limit class of a client message (see the header); tolerant of any payload shape. */
export function messageClassOf(type: string | number, payload: unknown): MessageClass {
  switch (type) {
    case 'cmd': {
      const command = typeof payload === 'object' && payload !== null ? (payload as { command?: unknown }).command : undefined;
      const commandType = typeof command === 'object' && command !== null ? (command as { type?: unknown }).type : undefined;
      return commandType === 'message' ? 'chat' : 'orders';
    }
    case 'resync':
      return 'resync';
    default:
      return 'control';
  }
}
