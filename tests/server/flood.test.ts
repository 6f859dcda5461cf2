import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatCommand } from '../../shared/index';
import type { ChildServer, ServerEntry } from '../load/childServer';
import { freePort, prepareServerEntry, spawnServer } from '../load/childServer';
import { TestClient } from './helpers/testClient';
import type { Created } from './helpers/testServer';
import { createMatch, FAST, tempDir } from './helpers/testServer';

/**
 * One client floods a match with orders and chat while another plays. The flooder is answered
 * `rate/limited` (per-class token buckets) and, past the transport's frame budget, disconnected
 * (4429); the player's commands are acknowledged promptly throughout. Behaviour, not a benchmark:
 * the latency bound is generous. The server is a child process, as in production, so the clients'
 * own work in this process does not run on the server's event loop.
 */

let entry: ServerEntry;
let dir: string;
let server: ChildServer;
let created: Created;
let player: TestClient;
/** The flooder's seat token: it keeps its seat between the two tests. */
let flooderToken = '';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}

beforeAll(async () => {
  entry = await prepareServerEntry();
  dir = tempDir('entente-flood-');
  server = await spawnServer({ port: await freePort(), dbFile: path.join(dir, 'f.sqlite'), entry });
  created = await createMatch(server.url, { seed: 'flood', settings: FAST });
  player = await TestClient.join(server.endpoint, created.matchId, { name: 'Vera', state: 'valdoria', facilitatorKey: created.hostKey }, 'player');
  expect(await player.control({ type: 'start' })).toMatchObject({ ok: true });
  expect(await player.control({ type: 'advancePhase' })).toMatchObject({ ok: true });
  await player.viewWhere((v) => v.phase === 'orders', 'orders');
}, 60_000);

afterAll(async () => {
  await player?.leave();
  await server?.kill('SIGKILL');
  entry?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The player sets a budget every `everyMs` while `busy` resolves; returns each ack's latency (ms). */
async function playWhile(busy: Promise<unknown>, everyMs: number): Promise<number[]> {
  let done = false;
  void busy.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  for (let i = 0; !done || latencies.length < 10; i++) {
    const defense = 20 + (i % 20);
    const t0 = performance.now();
    const a = await player.cmd({ type: 'setBudget', budget: { defense, domestic: 40, investment: 60 - defense } });
    latencies.push(performance.now() - t0);
    expect(a, JSON.stringify(a)).toMatchObject({ ok: true });
    await sleep(everyMs);
  }
  return latencies;
}

/** Codes of the errors a client received. */
function errorCodes(c: TestClient): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of c.messages) {
    if (m.type !== 'error') continue;
    const code = (m.message as { code: string }).code;
    out[code] = (out[code] ?? 0) + 1;
  }
  return out;
}

function acks(c: TestClient): number {
  return c.messages.filter((m) => m.type === 'ack').length;
}

const holdOrChat = (i: number): SeatCommand => (i % 3 === 0
  ? { type: 'message', channel: 'public', text: `spam ${i}` }
  : { type: 'hold', from: 'dra-west' });

describe('a client flooding the match', () => {
  it('is answered rate/limited under the frame budget, and the other player is acked promptly', async () => {
    const flooder = await TestClient.join(server.endpoint, created.matchId, { name: 'Drake', state: 'drakmor' }, 'flooder');
    flooderToken = flooder.seat!.seatToken!;
    let closedWith: number | null = null;
    flooder.room.onLeave((code) => {
      closedWith = code;
    });
    // 40 frames a second for 4 s: four times the orders rate, 13 times the chat rate, under the 50/s frame budget.
    const seconds = 4;
    const flood = (async () => {
      for (let i = 0; i < 40 * seconds; i++) {
        flooder.send('cmd', { seq: 1000 + i, command: holdOrChat(i) });
        await sleep(25);
      }
      await sleep(300); // the last answers
    })();
    const latencies = await playWhile(flood, 100);
    const codes = errorCodes(flooder);
    const p95 = percentile(latencies, 0.95);
    console.log(`moderate flood: flooder sent ${40 * seconds}, acked ${acks(flooder)}, errors ${JSON.stringify(codes)}; ` +
      `player ${latencies.length} acks, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(codes['rate/limited'] ?? 0).toBeGreaterThan(40);
    // What got through stayed within the buckets: orders 20 + 10/s, chat 5 + 1/s (with a second of slack).
    expect(acks(flooder)).toBeLessThanOrEqual(20 + 10 * (seconds + 1) + 5 + (seconds + 1));
    expect(closedWith).toBeNull();
    expect(errorCodes(player)).toEqual({});
    expect(p95).toBeLessThan(200);
    await flooder.leave();
  }, 60_000);

  it('is disconnected by the frame budget when it blasts, again and again, and the other player is still acked promptly', async () => {
    // For 3 s the flooder blasts as fast as its socket takes frames, is hung up on, comes back with its
    // seat token (a full view each time) and blasts again, until its token's rejoins run out.
    const rounds: { sent: number; code: number | null; acked: number; limited: number }[] = [];
    const until = performance.now() + 3000;
    let stop = false;
    let rejoinRefused = '';
    const blasts = (async () => {
      while (performance.now() < until && !stop) {
        let flooder: TestClient;
        try {
          flooder = await TestClient.join(server.endpoint, created.matchId, { seatToken: flooderToken }, 'blaster');
        } catch (e) {
          rejoinRefused = e instanceof Error ? e.message : String(e);
          break;
        }
        const closed = new Promise<number>((resolve) => flooder.room.onLeave((code) => resolve(code)));
        let sent = 0;
        while (flooder.room.connection.isOpen && sent < 20_000) {
          for (let i = 0; i < 200; i++) flooder.send('cmd', { seq: 5000 + sent, command: holdOrChat(sent++) });
          await sleep(1);
        }
        const code = await Promise.race([closed, sleep(5000).then(() => null)]);
        rounds.push({ sent, code, acked: acks(flooder), limited: errorCodes(flooder)['rate/limited'] ?? 0 });
      }
    })();
    let latencies: number[];
    try {
      // The player stays within its own budget (orders: 10/s): one budget change every 150 ms.
      latencies = await playWhile(blasts, 150);
    } finally {
      stop = true;
      await blasts.catch(() => undefined);
    }
    const p95 = percentile(latencies, 0.95);
    const sent = rounds.reduce((a, r) => a + r.sent, 0);
    console.log(`blast: ${rounds.length} connections sent ${sent} frames, closed with ${[...new Set(rounds.map((r) => r.code))].join('/')}, ` +
      `rate/limited ${rounds.reduce((a, r) => a + r.limited, 0)}; player ${latencies.length} acks, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, ` +
      `p95 ${p95.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(rounds.length).toBeGreaterThan(1);
    for (const r of rounds) {
      expect(r.code).toBe(4429);
      // At most the frame budget's burst (100, and a little refill) ever reached the room.
      expect(r.acked + r.limited).toBeLessThanOrEqual(150);
      expect(r.limited).toBeGreaterThan(0);
    }
    expect(errorCodes(player)).toEqual({});
    expect(p95).toBeLessThan(200);
    // A token rejoining in a loop runs out of joins (RejoinLimiter: 20, then one every 2 s).
    if (rejoinRefused) expect(rejoinRefused).toMatch(/^rate\/limited/);
    // The seat is not lost: the flooder comes back with its token, under a fresh budget, and plays.
    await sleep(2100);
    const back = await TestClient.join(server.endpoint, created.matchId, { seatToken: flooderToken }, 'flooder again');
    expect(await back.cmd({ type: 'hold', from: 'dra-west' })).toMatchObject({ ok: true });
    await back.leave();
  }, 60_000);
});
