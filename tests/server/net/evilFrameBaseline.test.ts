/**
 * The attack the guard exists for, on Colyseus's own unguarded WebSocketTransport. It allocates
 * ~700 MB and stalls the event loop for seconds, so it runs only when asked:
 *   ENTENTE_ATTACK_BASELINE=1 npx vitest run tests/server/net/evilFrameBaseline.test.ts
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evilFrame } from './frames';
import { leaveCode, roundTrip, sendRaw, startServer, type RunningServer } from './netServer';

const MB = 1024 * 1024;
const enabled = process.env.ENTENTE_ATTACK_BASELINE === '1';

describe.skipIf(!enabled)('baseline (opt-in: ENTENTE_ATTACK_BASELINE=1): the evil frame against an unguarded server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer((httpServer) => new WebSocketTransport({ server: httpServer, pingInterval: 0 }));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stalls the room and allocates hundreds of MB', async () => {
    const honest = await server.join();
    const attacker = await server.join();
    for (let i = 0; i < 5; i++) await roundTrip(honest);
    const peakRssBefore = process.resourceUsage().maxRSS * 1024;
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const left = leaveCode(attacker);
    sendRaw(attacker, evilFrame());
    const rtt = await roundTrip(honest);
    const code = await left;
    loop.disable();
    const peakRssGrowth = process.resourceUsage().maxRSS * 1024 - peakRssBefore;
    console.log(`unguarded: close ${code}; honest RTT ${rtt.toFixed(0)} ms; event loop delay max ${(loop.max / 1e6).toFixed(0)} ms; peak RSS +${(peakRssGrowth / MB).toFixed(0)} MB`);
    expect(rtt).toBeGreaterThan(100);
    expect(peakRssGrowth).toBeGreaterThan(200 * MB);
  });
});
