import { monitorEventLoopDelay } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFrame } from '../../../server/net/frameGuard';
import {
  CLOSE_BAD_FRAME,
  CLOSE_FLOOD,
  CLOSE_FRAME_TOO_LARGE,
  DEFAULT_FRAME_BUDGET,
  GuardedWebSocketTransport,
  type FrameRefusal,
} from '../../../server/net/guardedTransport';
import { DEFAULT_MESSAGE_LIMITS } from '../../../server/net/rateLimit';
import { colyseusJsEncoder, evilFrame, forceGc } from './frames';
import { leaveCode, nextMessage, roundTrip, sendRaw, startServer, type RunningServer } from './netServer';

const MB = 1024 * 1024;
const refusals: FrameRefusal[] = [];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer(
    (httpServer) => new GuardedWebSocketTransport({ server: httpServer, pingInterval: 0, guard: { onRefuse: (r) => refusals.push(r) } }),
  );
});

afterAll(async () => {
  await server?.stop();
});

describe('GuardedWebSocketTransport on a real Colyseus 0.16 server', () => {
  it('passes what colyseus.js sends, unchanged', async () => {
    const room = await server.join();
    const payloads = [
      { seq: 1, command: { type: 'message', channel: 'all', text: 'Bonjour ☃' } },
      { orders: Array.from({ length: 30 }, (_, i) => ({ unit: `u${i}`, to: `r${i % 5}` })) },
      [1, -1, 1.5, 2 ** 40, null, true, 'x'.repeat(300)],
      { at: new Date(1_700_000_000_000), missing: undefined },
    ];
    for (const payload of payloads) {
      const echoed = nextMessage(room, 'echo');
      room.send('echo', payload);
      expect(await echoed).toEqual(payload);
    }
    const left = leaveCode(room);
    await room.leave(true); // LEAVE_ROOM goes through the guard too
    expect(await left).toBe(4000);
  });

  it('drops the issue’s 4,085-byte frame and disconnects its sender; the room stays responsive and the heap flat', async () => {
    const honest = await server.join();
    const attacker = await server.join();
    for (let i = 0; i < 5; i++) await roundTrip(honest); // warm
    const gc = forceGc();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const peakRssBefore = process.resourceUsage().maxRSS * 1024;
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();

    const left = leaveCode(attacker);
    sendRaw(attacker, evilFrame());
    const rtts: number[] = [];
    for (let i = 0; i < 10; i++) rtts.push(await roundTrip(honest, { i }));
    const code = await left;

    loop.disable();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore; // no GC: a big allocation would show
    const peakRssGrowth = process.resourceUsage().maxRSS * 1024 - peakRssBefore;
    console.log(
      `evil frame → close ${code}; honest RTT max ${Math.max(...rtts).toFixed(1)} ms; event loop delay max ${(loop.max / 1e6).toFixed(1)} ms; ` +
        `heap +${(heapGrowth / MB).toFixed(2)} MB; peak RSS +${(peakRssGrowth / MB).toFixed(1)} MB`,
    );
    expect(code).toBe(CLOSE_BAD_FRAME);
    expect(refusals).toContainEqual(expect.objectContaining({ code: CLOSE_BAD_FRAME, reason: 'msgpack/count-exceeds-bytes', bytes: 4085 }));
    expect(Math.max(...rtts)).toBeLessThan(100);
    expect(loop.max / 1e6).toBeLessThan(100);
    expect(heapGrowth).toBeLessThan(50 * MB);
    expect(peakRssGrowth).toBeLessThan(50 * MB);
    await honest.leave();
  });

  it('disconnects on random malformed frames and on text frames', async () => {
    const bad = fc
      .sample(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 2048 }), fc.uint8Array({ maxLength: 2048 }).map((tail) => Uint8Array.from([13, 0x07, ...tail]))), { numRuns: 200, seed: 11 })
      .filter((frame) => !checkFrame(frame).ok)
      .slice(0, 12);
    const honest = await server.join();
    for (const frame of [...bad, 'not a binary frame']) {
      const victim = await server.join();
      const left = leaveCode(victim);
      sendRaw(victim, frame);
      expect(await left).toBe(CLOSE_BAD_FRAME);
      expect(await roundTrip(honest)).toBeLessThan(100);
    }
    expect(refusals).toContainEqual(expect.objectContaining({ reason: 'frame/text' }));
    await honest.leave();
  });

  it('closes 4413 on a frame over 16 KiB, and ws closes 1009 on one over maxPayload (64 KiB)', async () => {
    const enc = colyseusJsEncoder();
    const over16k = await server.join();
    const left16k = leaveCode(over16k);
    sendRaw(over16k, enc.send('echo', 'z'.repeat(20_000)));
    expect(await left16k).toBe(CLOSE_FRAME_TOO_LARGE);

    const over64k = await server.join();
    const left64k = leaveCode(over64k);
    sendRaw(over64k, enc.send('echo', 'z'.repeat(70_000)));
    expect(await left64k).toBe(1009);
  });

  it('limits a flooding client without slowing the room for others', async () => {
    const honest = await server.join();
    const flooder = await server.join();
    let flooderAcks = 0;
    let flooderErrors = 0;
    flooder.onMessage('ack', () => flooderAcks++);
    flooder.onMessage('error', () => flooderErrors++);
    const left = leaveCode(flooder);

    const chat = (seq: number) => ({ seq, command: { type: 'message', channel: 'all', text: `spam ${seq}` } });
    for (let i = 0; i < 1000; i++) flooder.send('cmd', chat(i));
    const rtts: number[] = [];
    for (let i = 0; i < 10; i++) rtts.push(await roundTrip(honest));
    const code = await left;
    console.log(`flood of 1000 chat frames → ${flooderAcks} acked, ${flooderErrors} rate/limited replies, then close ${code}; honest RTT max ${Math.max(...rtts).toFixed(1)} ms`);

    expect(code).toBe(CLOSE_FLOOD);
    expect(refusals).toContainEqual(expect.objectContaining({ code: CLOSE_FLOOD, reason: 'flood/frames' }));
    expect(flooderAcks).toBeLessThanOrEqual(DEFAULT_MESSAGE_LIMITS.chat.capacity + 1);
    expect(flooderAcks + flooderErrors).toBeLessThanOrEqual(DEFAULT_FRAME_BUDGET.capacity + 10);
    expect(Math.max(...rtts)).toBeLessThan(100);

    // The honest client's own chat budget is untouched.
    const acked = nextMessage(honest, 'ack');
    honest.send('cmd', chat(1));
    expect(await acked).toEqual(chat(1));
    await honest.leave();
  });
});
