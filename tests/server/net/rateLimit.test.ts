import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  ClientRateLimiter,
  DEFAULT_MESSAGE_LIMITS,
  messageClassOf,
  RoomRateLimiter,
  TokenBucket,
  type MessageClass,
} from '../../../server/net/rateLimit';

/** How many of `count` back-to-back takes at one instant succeed. */
function burst(take: () => boolean, count: number): number {
  let granted = 0;
  for (let i = 0; i < count; i++) if (take()) granted++;
  return granted;
}

describe('TokenBucket', () => {
  it('starts full and grants a burst of exactly its capacity', () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1 });
    expect(burst(() => bucket.take(1000), 10)).toBe(5);
  });

  it('refills at its rate, never above capacity', () => {
    const bucket = new TokenBucket({ capacity: 4, refillPerSecond: 2 });
    expect(burst(() => bucket.take(0), 4)).toBe(4);
    expect(bucket.take(400)).toBe(false); // 0.8 tokens
    expect(bucket.take(500)).toBe(true); // 1 token at 500 ms
    expect(bucket.tokens(500)).toBeCloseTo(0);
    expect(bucket.tokens(60_000)).toBe(4);
  });

  it('charges a cost, and a take it cannot pay spends nothing', () => {
    const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1 });
    expect(bucket.take(0, 7)).toBe(true);
    expect(bucket.take(0, 4)).toBe(false);
    expect(bucket.tokens(0)).toBe(3);
    expect(bucket.take(0, 3)).toBe(true);
  });

  it('says how long to wait', () => {
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 4 });
    expect(bucket.retryAfterMs(0)).toBe(0);
    bucket.take(0, 2);
    expect(bucket.retryAfterMs(0)).toBe(250);
    expect(bucket.take(249)).toBe(false);
    expect(bucket.take(250)).toBe(true);
    expect(bucket.retryAfterMs(250, 3)).toBe(Number.POSITIVE_INFINITY); // more than it can ever hold
    expect(new TokenBucket({ capacity: 1, refillPerSecond: 0 }).retryAfterMs(0, 1)).toBe(0);
  });

  it('refills nothing when the clock steps backwards', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1 });
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(5_000)).toBe(false);
    expect(bucket.take(10_500)).toBe(false); // half a token since 10 000, not 5.5 since 5 000
    expect(bucket.take(11_000)).toBe(true);
  });

  it('refuses nonsense configurations', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: -1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: Number.NaN, refillPerSecond: 1 })).toThrow(RangeError);
  });

  it('never grants more than capacity + rate × elapsed, whatever the pattern of takes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 5 })), { maxLength: 300 }),
        (capacity, rate, steps) => {
          const bucket = new TokenBucket({ capacity, refillPerSecond: rate });
          let now = 0;
          let spent = 0;
          for (const [dt, cost] of steps) {
            now += dt;
            if (bucket.take(now, cost)) spent += cost;
          }
          expect(spent).toBeLessThanOrEqual(capacity + (rate * now) / 1000 + 1e-9);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('per-class limits', () => {
  const sustained: [MessageClass, number][] = [
    ['orders', DEFAULT_MESSAGE_LIMITS.orders.capacity + 10 * DEFAULT_MESSAGE_LIMITS.orders.refillPerSecond],
    ['chat', DEFAULT_MESSAGE_LIMITS.chat.capacity + 10 * DEFAULT_MESSAGE_LIMITS.chat.refillPerSecond],
    ['control', DEFAULT_MESSAGE_LIMITS.control.capacity + 10 * DEFAULT_MESSAGE_LIMITS.control.refillPerSecond],
    ['resync', DEFAULT_MESSAGE_LIMITS.resync.capacity + 10 * DEFAULT_MESSAGE_LIMITS.resync.refillPerSecond],
  ];

  test.each(sustained)('%s: a client sending every 10 ms for 10 s gets capacity + 10 s of refill (%d)', (messageClass, expected) => {
    const limiter = new ClientRateLimiter();
    let granted = 0;
    for (let now = 0; now <= 10_000; now += 10) if (limiter.take(messageClass, now)) granted++;
    expect(granted).toBeGreaterThanOrEqual(Math.floor(expected) - 1);
    expect(granted).toBeLessThanOrEqual(Math.ceil(expected));
  });

  it('makes chat slower than orders', () => {
    expect(DEFAULT_MESSAGE_LIMITS.chat.refillPerSecond).toBeLessThan(DEFAULT_MESSAGE_LIMITS.orders.refillPerSecond);
    expect(DEFAULT_MESSAGE_LIMITS.chat.capacity).toBeLessThan(DEFAULT_MESSAGE_LIMITS.orders.capacity);
  });

  it('keeps the classes apart: spamming chat leaves orders untouched', () => {
    const limiter = new ClientRateLimiter();
    expect(burst(() => limiter.take('chat', 0), 100)).toBe(DEFAULT_MESSAGE_LIMITS.chat.capacity);
    expect(burst(() => limiter.take('orders', 0), 100)).toBe(DEFAULT_MESSAGE_LIMITS.orders.capacity);
    expect(limiter.retryAfterMs('chat', 0)).toBe(1000);
  });

  it('takes custom limits', () => {
    const limiter = new ClientRateLimiter({ ...DEFAULT_MESSAGE_LIMITS, chat: { capacity: 1, refillPerSecond: 0.5 } });
    expect(burst(() => limiter.take('chat', 0), 5)).toBe(1);
    expect(limiter.take('chat', 1999)).toBe(false);
    expect(limiter.take('chat', 2000)).toBe(true);
  });
});

describe('RoomRateLimiter', () => {
  it('limits a flooding client while another client’s buckets stay full', () => {
    const room = new RoomRateLimiter();
    let flooderGranted = 0;
    for (let i = 0; i < 10_000; i++) if (room.take('flooder', 'chat', i / 10)) flooderGranted++; // 10,000 in 1 s
    expect(flooderGranted).toBeLessThanOrEqual(DEFAULT_MESSAGE_LIMITS.chat.capacity + 1);
    expect(burst(() => room.take('honest', 'chat', 1000), 100)).toBe(DEFAULT_MESSAGE_LIMITS.chat.capacity);
    expect(burst(() => room.take('honest', 'orders', 1000), 100)).toBe(DEFAULT_MESSAGE_LIMITS.orders.capacity);
    expect(room.retryAfterMs('flooder', 'chat', 1000)).toBeGreaterThan(0);
    expect(room.retryAfterMs('stranger', 'chat', 1000)).toBe(0);
  });

  it('forgets a client that left', () => {
    const room = new RoomRateLimiter();
    room.take('a', 'orders', 0);
    room.take('b', 'orders', 0);
    expect(room.size).toBe(2);
    room.forget('a');
    expect(room.size).toBe(1);
  });

  it('validates its limits when built', () => {
    expect(() => new RoomRateLimiter({ ...DEFAULT_MESSAGE_LIMITS, resync: { capacity: 0, refillPerSecond: 1 } })).toThrow(RangeError);
  });
});

describe('messageClassOf (server/PROTOCOL.md message types)', () => {
  const rows: [type: string | number, payload: unknown, expected: MessageClass][] = [
    ['cmd', { seq: 1, command: { type: 'message', channel: 'all', text: 'hi' } }, 'chat'],
    ['cmd', { seq: 1, command: { type: 'order', unit: 'u1' } }, 'orders'],
    ['cmd', { seq: 1 }, 'orders'],
    ['cmd', null, 'orders'],
    ['cmd', 'garbage', 'orders'],
    ['control', { seq: 1, command: { type: 'pause' } }, 'control'],
    ['resync', {}, 'resync'],
    ['unknown', {}, 'control'],
    [7, undefined, 'control'],
  ];
  test.each(rows)('%s %j → %s', (type, payload, expected) => {
    expect(messageClassOf(type, payload)).toBe(expected);
  });
});
