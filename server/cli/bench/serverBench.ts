import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchModule } from './harness';
import { figure, heading, loadScenario, note, stats } from './harness';
import type { BenchServer } from './server/benchServer';
import { benchMatch, BENCH_SETTINGS, control, heapAfterGc, liftMessageLimits, startBenchServer, trackWrites } from './server/benchServer';
import type { BytesResult, ClientPlan, LatencyResult, RoomsResult } from './server/jobs';
import { BARE_ROOM } from './server/bareRoom';
import { LoadRun } from './server/workers';

/**
 * The server's budget, measured on loopback with the real server (in this process) and real
 * colyseus.js clients (in a separate load process, so their work is not the server's):
 * (a) acknowledgement latency with durable writes (SQLite WAL, synchronous=FULL, group commit):
 *     p50/p99 over 2,000 orders from 12 clients (p99 < 3 ms), and durable commands/s (≥ 5,000);
 * (b) WebSocket bytes per client, as they cross the wire (compressed frames when permessage-deflate
 *     is on): the full view on join (< 15 KB), one round of the standard scenario without chat (< 5 KB);
 * (c) 200 rooms of 8 clients in diplomacy: heap and CPU per room (< 2 MB), ack p99 while all are
 *     active (< 50 ms).
 * SERVER_BENCH_ROOMS scales (c) down on a small machine (the figures say so); SERVER_BENCH_PARTS picks parts.
 */

const ORDERS = 2_000;
const LATENCY_CLIENTS = 12;
/** Orders per second per client in (a): under the server's 10/s orders budget, as a real client stays. */
const LATENCY_RATE = 8;
const SATURATION = { matches: 20, ratePerClient: 30, seconds: 6, window: 8 };
const ROOMS = Number(process.env.SERVER_BENCH_ROOMS ?? 200);
const CLIENTS_PER_ROOM = 8;
/** Mean gap between one client's messages in (c): a lively table (a client says something every 8 s). */
const ROOMS_GAP_MS = Number(process.env.SERVER_BENCH_GAP_MS ?? 8_000);
const ROOMS_ACTIVE_MS = 15_000;
/** SERVER_BENCH_PARTS=b (or a,c…) runs only those parts while iterating. */
const PARTS = new Set((process.env.SERVER_BENCH_PARTS ?? 'a,b,c').split(','));

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number): number => bytes / 1024;

/** A figure that must reach at least its target. */
function atLeast(label: string, measured: number, target: number, unit: string): boolean {
  const pass = measured >= target;
  console.log(`    ${label.padEnd(28)} ${`${measured.toFixed(0)} ${unit}`.padStart(12)}   target ≥ ${`${target} ${unit}`.padEnd(10)} ${pass ? 'PASS' : 'MISS'}`);
  return pass;
}

function seatsOf(count: number): string[] {
  return loadScenario('standard').states.map((s) => s.id).slice(0, count);
}

function plans(matchId: string, states: string[], hostKey?: string): ClientPlan[] {
  return states.map((state, i) => ({
    matchId, options: { name: `bench ${state}`, state, ...(i === 0 && hostKey ? { facilitatorKey: hostKey } : {}) },
  }));
}

function refusedText(r: Record<string, number>): string {
  const e = Object.entries(r);
  return e.length ? e.map(([k, v]) => `${k} ×${v}`).join(', ') : 'none';
}

async function latency(b: BenchServer): Promise<void> {
  const seats = seatsOf(LATENCY_CLIENTS);
  const m = await benchMatch(b, 'bench-latency');
  const { run } = await LoadRun.start({
    kind: 'latency', endpoint: b.endpoint, clients: plans(m.matchId, seats),
    perClient: Math.ceil(ORDERS / seats.length), ratePerClient: LATENCY_RATE, window: 4, maxMs: 120_000,
  });
  await control(b, m.matchId, 'start');
  await control(b, m.matchId, 'advancePhase');
  const before = { ...b.server.queue.stats };
  const writes = trackWrites(b);
  const cpu0 = process.cpuUsage();
  const r = (await run.go()) as LatencyResult;
  const cpu = process.cpuUsage(cpu0);
  writes.stop();
  const after = b.server.queue.stats;
  const s = stats(r.latencies);
  const w = stats(writes.durations);
  const batches = after.batches - before.batches;
  heading(`(a) ack latency, durable (SQLite WAL, synchronous=FULL, group commit): ${s.n} orders from ${seats.length} clients at ${LATENCY_RATE}/s each`);
  figure('p50', s.median, 3);
  figure('p99', s.p99, 3);
  note('mean / max', `${s.mean.toFixed(2)} ms / ${s.max.toFixed(1)} ms; refused: ${refusedText(r.refused)}`);
  note('group commit', `${batches} transactions, ${((after.commands - before.commands) / Math.max(1, batches)).toFixed(2)} commands each; write+fsync p50 ${w.median.toFixed(2)} ms, p99 ${w.p99.toFixed(2)} ms, max ${w.max.toFixed(1)} ms`);
  note('server CPU per command', `${((cpu.user + cpu.system) / Math.max(1, r.latencies.length)).toFixed(0)} µs (whole process: engine, log, views for ${seats.length} clients, WebSocket)`);
  note('load process timer lag p99', `${r.workerLagP99.toFixed(1)} ms`);
  const ck = b.checkpoints();
  if (ck) note('WAL checkpoints', `${ck.checkpoints} on their own thread, off the commit path, since the bench began: ${ck.totalMs.toFixed(0)} ms in all, longest ${ck.maxMs.toFixed(1)} ms`);
}

/**
 * The same machine's floor: a bare room that only makes each message durable and acks it, same
 * transport, same load process, same pace. What (a) adds to it is the game's own work.
 */
async function floor(b: BenchServer): Promise<void> {
  const { run } = await LoadRun.start({
    kind: 'bare', endpoint: b.endpoint, room: BARE_ROOM, clients: LATENCY_CLIENTS,
    perClient: Math.ceil(ORDERS / LATENCY_CLIENTS), ratePerClient: LATENCY_RATE,
  });
  const r = (await run.go()) as LatencyResult;
  const s = stats(r.latencies);
  heading(`(a) for comparison, this machine's floor: a bare room (one fsync per tick of messages, then acks; no engine, checks or views), same clients and pace`);
  note('p50 / p99', `${s.median.toFixed(3)} ms / ${s.p99.toFixed(3)} ms over ${s.n} messages (max ${s.max.toFixed(1)} ms); the game's room above should come close to it`);
}

async function throughput(b: BenchServer): Promise<void> {
  const seats = seatsOf(12);
  const matches = [];
  for (let i = 0; i < SATURATION.matches; i++) matches.push(await benchMatch(b, `bench-saturation-${i}`));
  const clients = matches.flatMap((m) => plans(m.matchId, seats));
  const { run } = await LoadRun.start({
    kind: 'latency', endpoint: b.endpoint, clients, perClient: SATURATION.ratePerClient * SATURATION.seconds,
    ratePerClient: SATURATION.ratePerClient, window: SATURATION.window, maxMs: SATURATION.seconds * 1000 + 5_000,
  });
  for (const m of matches) {
    await control(b, m.matchId, 'start');
    await control(b, m.matchId, 'advancePhase');
  }
  const restore = liftMessageLimits();
  const before = { ...b.server.queue.stats };
  const cpu0 = process.cpuUsage();
  let r: LatencyResult;
  try {
    r = (await run.go()) as LatencyResult;
  } finally {
    restore();
  }
  const cpu = process.cpuUsage(cpu0);
  const after = b.server.queue.stats;
  const committed = after.commands - before.commands;
  const perSecond = committed / (r.ms / 1000);
  const offered = clients.length * SATURATION.ratePerClient;
  const batches = after.batches - before.batches;
  const s = stats(r.latencies);
  heading(`(a) durable commands/s, one process: ${clients.length} clients in ${matches.length} matches offering ${offered}/s (per-client message limits lifted)`);
  atLeast('durable commands/s', perSecond, 5000, 'cmd/s');
  note('server CPU', `${(((cpu.user + cpu.system) / 1000) / r.ms * 100).toFixed(0)}% of one core (${((cpu.user + cpu.system) / 1000 / Math.max(1, committed) * 1000).toFixed(0)} µs per command, views and patches included)`);
  note('ack latency under that load', `p50 ${s.median.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms; refused: ${refusedText(r.refused)}; dropped ${r.dropped}`);
  note('offered by the load process', `${(r.sent / (r.ms / 1000)).toFixed(0)}/s actually sent (timer lag p99 ${r.workerLagP99.toFixed(1)} ms)`);
  const busy = (cpu.user + cpu.system) / 1000 / r.ms;
  note('projected at one full core', `${(perSecond / busy).toFixed(0)} cmd/s (committed/s ÷ server CPU share; the load process shares the machine's 2 cores)`);
  note('group commit', `${batches} transactions, ${(committed / Math.max(1, batches)).toFixed(1)} commands each (max ${after.maxBatch}), ${((after.writeMs - before.writeMs) / Math.max(1, batches)).toFixed(2)} ms each`);
  if (perSecond < offered * 0.9) note('saturated', `the server committed ${perSecond.toFixed(0)}/s of the ${offered}/s offered`);
}

async function bytes(b: BenchServer): Promise<void> {
  const seats = seatsOf(12);
  const m = await benchMatch(b, 'bench-bytes');
  const { run, joined } = await LoadRun.start({ kind: 'bytes', endpoint: b.endpoint, clients: plans(m.matchId, seats, m.hostKey), measureRound: 2 });
  await control(b, m.matchId, 'start');
  const r = (await run.go()) as BytesResult;
  const j = stats(joined.joinBytes);
  const round = stats(r.roundBytes);
  heading(`(b) WebSocket bytes received per client (standard scenario, ${seats.length} seats, fog off; frames as read from the client's TCP socket)`);
  note('how', 'every frame\'s header + payload as sent (compressed where deflate applied), read before ws inflates it; pings included; upgrade response and matchmaking HTTP not counted');
  note('permessage-deflate', r.deflate.extensions ? `negotiated (${r.deflate.extensions}); ${r.deflate.compressedFrames} of ${r.deflate.frames} frames came compressed` : 'not negotiated');
  figure('join: full view, max', kb(j.max), 15, 'KB');
  note('join: mean', `${kb(j.mean).toFixed(1)} KB; decoded ${kb(stats(r.joinPlain).max).toFixed(1)} KB max`);
  figure('one round, no chat: max', kb(round.max), 5, 'KB');
  note('one round: mean', `${kb(round.mean).toFixed(1)} KB in ${stats(r.roundFrames).mean.toFixed(0)} frames (decoded ${kb(stats(r.roundPlain).max).toFixed(1)} KB max); ${r.commands} commands by all seats; ${r.forcedAdvances} host advances`);
  const total = Object.values(r.opBytes).reduce((a, x) => a + x, 0);
  const parts = Object.entries(r.opBytes).sort((x, y) => y[1] - x[1]).slice(0, 8).map(([k, v]) => `${k} ${((v / total) * 100).toFixed(0)}%`);
  note('what the round\'s patches carry', `${parts.join(', ')} (JSON size of the ops)`);
  note('the round\'s frames by type', Object.entries(r.byType).sort((x, y) => y[1].wire - x[1].wire)
    .map(([k, t]) => `${k} ${kb(t.wire / seats.length).toFixed(1)} KB in ${(t.frames / seats.length).toFixed(1)}`).join(', ') + ' (per client, on the wire)');
  note('patches for `now` alone', `${(r.nowOnlyPatches / seats.length).toFixed(1)} per client`);
}

async function rooms(b: BenchServer): Promise<void> {
  const seats = seatsOf(CLIENTS_PER_ROOM);
  const heap0 = heapAfterGc();
  const rss0 = process.memoryUsage().rss;
  const matches = [];
  for (let i = 0; i < ROOMS; i++) {
    const m = await benchMatch(b, `bench-rooms-${i}`, BENCH_SETTINGS);
    await control(b, m.matchId, 'start');
    matches.push(m);
  }
  const { run, joined } = await LoadRun.start({
    kind: 'rooms', endpoint: b.endpoint, clients: matches.flatMap((m) => plans(m.matchId, seats)),
    joinConcurrency: 32, meanGapMs: ROOMS_GAP_MS, activeMs: ROOMS_ACTIVE_MS,
  });
  await sleep(1000);
  const heap1 = heapAfterGc();
  const rss1 = process.memoryUsage().rss;
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  await sleep(3000);
  const idle = process.cpuUsage(cpu0);
  const idleMs = performance.now() - t0;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  cpu0 = process.cpuUsage();
  t0 = performance.now();
  const writes = trackWrites(b);
  const r = (await run.go()) as RoomsResult;
  const active = process.cpuUsage(cpu0);
  const activeMs = performance.now() - t0;
  writes.stop();
  loop.disable();
  const w = stats(writes.durations);
  const heap2 = heapAfterGc();
  const s = stats(r.latencies);
  const perRoom = (c: NodeJS.CpuUsage, wall: number): number => (c.user + c.system) / 1000 / (wall / 1000) / ROOMS;
  const scaled = ROOMS === 200 ? '' : ` (SCALED: ${ROOMS} rooms instead of 200; SERVER_BENCH_ROOMS)`;
  heading(`(c) ${ROOMS} rooms × ${CLIENTS_PER_ROOM} clients in diplomacy, one process${scaled}`);
  note('joined', `${joined.clients} clients in ${(joined.joinMs / 1000).toFixed(1)} s`);
  figure('heap per room', (heap1 - heap0) / ROOMS / 2 ** 20, 2, 'MB');
  note('heap per room after activity', `${((heap2 - heap0) / ROOMS / 2 ** 20).toFixed(2)} MB; RSS +${((rss1 - rss0) / ROOMS / 2 ** 20).toFixed(2)} MB per room`);
  note('CPU per room, idle', `${perRoom(idle, idleMs).toFixed(2)} ms/s (${(perRoom(idle, idleMs) * ROOMS / 10).toFixed(0)}% of a core for all)`);
  note('CPU per room, active', `${perRoom(active, activeMs).toFixed(2)} ms/s (${(perRoom(active, activeMs) * ROOMS / 10).toFixed(0)}% of a core for all; ${(r.latencies.length / (r.ms / 1000)).toFixed(0)} commands/s)`);
  note('server CPU per command, active', `${((active.user + active.system) / Math.max(1, r.latencies.length)).toFixed(0)} µs (whole process, ${CLIENTS_PER_ROOM} views each)`);
  figure('ack p99 while all active', s.p99, 50);
  note('ack p50 / max', `${s.median.toFixed(1)} ms / ${s.max.toFixed(1)} ms over ${s.n} messages; refused: ${refusedText(r.refused)}; dropped ${r.dropped}`);
  note('group commit', `${w.n} transactions; write+fsync p50 ${w.median.toFixed(2)} ms, p99 ${w.p99.toFixed(2)} ms, max ${w.max.toFixed(1)} ms`);
  note('server event-loop delay', `p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`);
  note('load process timer lag p99', `${r.workerLagP99.toFixed(1)} ms${r.workerLagP99 > 20 ? ' (the clients were short of CPU too: latencies include it)' : ''}`);
}

async function run(): Promise<void> {
  const [load] = loadavg();
  const cores = availableParallelism();
  note('machine', `${cores} cores, load average ${load!.toFixed(2)}${load! > cores ? ' (busy: latencies will show it)' : ''}; clients run in a separate process`);
  const b = await startBenchServer();
  try {
    if (PARTS.has('a')) {
      await latency(b);
      await floor(b);
      await throughput(b);
    }
    if (PARTS.has('b')) await bytes(b);
    if (PARTS.has('c')) await rooms(b);
  } finally {
    await b.close();
  }
}

export const serverBench: BenchModule = {
  name: 'server',
  description: 'server: durable ack latency and commands/s, bytes per client, 200 rooms of 8 clients (SERVER_BENCH_ROOMS)',
  run,
};
