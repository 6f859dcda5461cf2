// The server benchmark's load process: forked by workers.ts, runs one job (jobs.ts) and exits.
import { decideBot } from '../../../../shared/bots/index';
import type { Doctrine } from '../../../../shared/bots/index';
import type { OrderOption, Scenario, SeatCommand } from '../../../../shared/index';
import { legalOrders, OP_COPY, pairChannel, Rng, seedRng } from '../../../../shared/index';
import { ClientRateLimiter, messageClassOf } from '../../../net/rateLimit';
import { loadScenario } from '../harness';
import { Client } from 'colyseus.js';
import { BenchClient, sdkRoom } from './benchClient';
import type { BareJob, BytesJob, ClientPlan, Job, JobResult, LatencyJob, ParentMessage, RoomsJob, WorkerMessage } from './jobs';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const rng = new Rng(seedRng('server-bench-load'));
/** An exponential gap (Poisson arrivals) with this mean. */
const gap = (meanMs: number): number => -Math.log(1 - rng.next()) * meanMs;

function tell(m: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send!(m, () => resolve()));
}

let goSignal: () => void = () => undefined;
const go = new Promise<void>((resolve) => {
  goSignal = resolve;
});

process.on('message', (m: ParentMessage) => {
  if (m.type === 'go') goSignal();
  else run(m.job).then(
    (result) => tell({ type: 'result', result }).then(() => process.exit(0)),
    (e: unknown) => tell({ type: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) }).then(() => process.exit(1)),
  );
});

async function joinAll(endpoint: string, plans: ClientPlan[], concurrency: number): Promise<BenchClient[]> {
  const t0 = performance.now();
  const out: BenchClient[] = new Array<BenchClient>(plans.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, async () => {
    while (next < plans.length) {
      const i = next++;
      out[i] = await BenchClient.join(endpoint, plans[i]!.matchId, plans[i]!.options);
    }
  }));
  await tell({ type: 'joined', clients: out.length, joinMs: performance.now() - t0, joinBytes: out.map((c) => c.bytes) });
  await go;
  return out;
}

/** Measures how late this process's timers fire, until stopped; returns the p99 (ms). */
function lagProbe(): () => Promise<number> {
  const lags: number[] = [];
  let stop = false;
  const probe = (async () => {
    while (!stop) {
      const t = performance.now();
      await sleep(10);
      lags.push(performance.now() - t - 10);
    }
  })();
  return async () => {
    stop = true;
    await probe;
    lags.sort((a, b) => a - b);
    return lags[Math.floor(lags.length * 0.99)] ?? 0;
  };
}

function count(into: Record<string, number>, code: string | undefined): void {
  const k = code ?? 'unknown';
  into[k] = (into[k] ?? 0) + 1;
}

async function run(job: Job): Promise<JobResult> {
  switch (job.kind) {
    case 'latency':
      return latency(job);
    case 'bytes':
      return bytes(job);
    case 'rooms':
      return rooms(job);
    case 'bare':
      return bare(job);
  }
}

/** Orders a seat can give again and again: an order on one of its stacks, then `hold` on it (which clears it). */
function orderCycle(scenario: Scenario, c: BenchClient): SeatCommand[] {
  const options = legalOrders(scenario, c.view!).filter((o: OrderOption) => o.kind !== 'exercise' && o.maxUnits >= 1);
  const cycle: SeatCommand[] = [];
  for (const o of options.slice(0, 4)) {
    cycle.push({ type: 'order', order: { kind: o.kind as 'move' | 'attack' | 'support', from: o.from, to: o.target, units: 1 } });
    cycle.push({ type: 'hold', from: o.from });
  }
  if (cycle.length === 0) {
    for (const d of [20, 30]) cycle.push({ type: 'setBudget', budget: { defense: d, domestic: 40, investment: 60 - d } });
  }
  return cycle;
}

async function latency(job: LatencyJob): Promise<JobResult> {
  const scenario = loadScenario('standard');
  const clients = await joinAll(job.endpoint, job.clients, 40);
  await Promise.all(clients.map((c) => c.until(() => c.view?.phase === 'orders', 10_000, 'the orders phase')));
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  const lag = lagProbe();
  let sent = 0;
  const t0 = performance.now();
  const stopAt = t0 + job.maxMs;
  await Promise.all(clients.map(async (c) => {
    const cycle = orderCycle(scenario, c);
    c.trackView = false;
    const pending = new Set<Promise<void>>();
    for (let i = 0; i < job.perClient && performance.now() < stopAt && !c.closed; i++) {
      await sleep(gap(1000 / job.ratePerClient));
      while (pending.size >= job.window) await Promise.race(pending);
      sent++;
      const p: Promise<void> = c.cmd(cycle[i % cycle.length]!).then((a) => {
        pending.delete(p);
        if (a.ok) latencies.push(a.ms);
        else count(refused, a.code);
      });
      pending.add(p);
    }
    await Promise.all(pending);
  }));
  const ms = performance.now() - t0;
  const workerLagP99 = await lag();
  const dropped = clients.filter((c) => c.closed).length;
  for (const c of clients) c.leave();
  return { kind: 'latency', latencies, refused, ms, dropped, sent, workerLagP99 };
}

function doctrineOf(scenario: Scenario, state: string): Doctrine {
  return scenario.states.find((s) => s.id === state)?.role === 'revisionist' ? 'opportunist' : 'guardian';
}

/** Play as the bots do, without press; count what each client receives over one round. */
async function bytes(job: BytesJob): Promise<JobResult> {
  const scenario = loadScenario('standard');
  const clients = await joinAll(job.endpoint, job.clients, 12);
  const host = clients[0]!;
  const R = job.measureRound;
  const plainAtJoin = new Map(clients.map((c) => [c, c.plainBytes]));
  const startBytes = new Map<BenchClient, [number, number, number]>();
  const endBytes = new Map<BenchClient, [number, number, number]>();
  let commands = 0;
  let forcedAdvances = 0;
  let lastChange = performance.now();
  let counting = false;
  const opBytes: Record<string, number> = {};
  let nowOnlyPatches = 0;
  for (const c of clients) {
    c.onPatch = (ops) => {
      // Called before the view's marks move: the patch that ends the round (the resolution) is counted.
      if (!startBytes.has(c) || endBytes.has(c)) return;
      if (ops.every((o) => o[0] !== OP_COPY && o[1][0] === 'now')) nowOnlyPatches++;
      for (const o of ops) {
        const k = String((o[0] === OP_COPY ? o[2] : o[1])[0] ?? '(root)');
        opBytes[k] = (opBytes[k] ?? 0) + JSON.stringify(o).length;
      }
    };
  }

  const typesAt = new Map<BenchClient, Record<string, { frames: number; wire: number }>>();
  const typesDelta: Record<string, { frames: number; wire: number }> = {};
  const mark = (c: BenchClient): void => {
    lastChange = performance.now();
    const v = c.view!;
    if (!startBytes.has(c) && v.round === R && v.phase === 'diplomacy') {
      startBytes.set(c, [c.bytes, c.frames, c.plainBytes]);
      typesAt.set(c, c.byType);
      counting = true;
    }
    if (startBytes.has(c) && !endBytes.has(c) && (v.round > R || v.phase === 'ended')) {
      endBytes.set(c, [c.bytes, c.frames, c.plainBytes]);
      const before = typesAt.get(c)!;
      for (const [k, t] of Object.entries(c.byType)) {
        const d = (typesDelta[k] ??= { frames: 0, wire: 0 });
        d.frames += t.frames - (before[k]?.frames ?? 0);
        d.wire += t.wire - (before[k]?.wire ?? 0);
      }
    }
  };

  const act = async (c: BenchClient): Promise<void> => {
    const limiter = new ClientRateLimiter();
    const state = c.seat!.state!;
    let busy = false;
    let again = false;
    const step = async (): Promise<void> => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      do {
        again = false;
        const v = c.view!;
        const cmds = decideBot(scenario, v, doctrineOf(scenario, state), `bench/${v.round}/${v.phase}/${state}`)
          .filter((x) => x.type !== 'message' && x.type !== 'declare');
        for (const cmd of cmds) {
          // Stay within the server's per-class budgets, as a well-behaved client does.
          const cls = messageClassOf('cmd', { command: cmd });
          while (!limiter.take(cls, performance.now())) await sleep(limiter.retryAfterMs(cls, performance.now()));
          if (counting) commands++;
          await c.cmd(cmd);
        }
      } while (again && !c.closed);
      busy = false;
    };
    c.onChange(() => {
      mark(c);
      void step();
    });
    mark(c);
    await step();
  };

  const done = (): boolean => clients.every((c) => endBytes.has(c) || c.closed);
  const watchdog = (async () => {
    while (!done()) {
      await sleep(250);
      counting = clients.some((c) => startBytes.has(c));
      // A phase that waits on nobody (e.g. a crisis the bots have answered) is moved along by the host.
      if (performance.now() - lastChange > 2000) {
        lastChange = performance.now();
        forcedAdvances++;
        await host.control({ type: 'advancePhase' });
      }
    }
  })();
  await Promise.all(clients.map((c) => act(c)));
  await watchdog;
  const roundBytes = clients.map((c) => endBytes.get(c)![0] - startBytes.get(c)![0]);
  const roundFrames = clients.map((c) => endBytes.get(c)![1] - startBytes.get(c)![1]);
  const roundPlain = clients.map((c) => endBytes.get(c)![2] - startBytes.get(c)![2]);
  const joinPlain = clients.map((c) => plainAtJoin.get(c)!);
  const deflate = { extensions: host.deflate.extensions, compressedFrames: clients.reduce((n, c) => n + c.deflate.compressed, 0), frames: clients.reduce((n, c) => n + c.frames, 0) };
  for (const c of clients) c.leave();
  return { kind: 'bytes', roundBytes, roundFrames, roundPlain, joinPlain, deflate, byType: typesDelta, commands, forcedAdvances, opBytes, nowOnlyPatches };
}

/** Everyone chats now and then: pair channels mostly, the public channel sometimes. */
async function rooms(job: RoomsJob): Promise<JobResult> {
  const scenario = loadScenario('standard');
  const states = scenario.states.map((s) => s.id);
  const clients = await joinAll(job.endpoint, job.clients, job.joinConcurrency);
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  const lag = lagProbe();
  const t0 = performance.now();
  const stopAt = t0 + job.activeMs;
  await Promise.all(clients.map(async (c, i) => {
    const me = c.seat!.state!;
    c.trackView = false;
    const answers: Promise<void>[] = [];
    let n = 0;
    // Spread the first messages over one mean gap.
    await sleep(Math.min(rng.next() * job.meanGapMs, stopAt - performance.now()));
    while (performance.now() < stopAt && !c.closed) {
      const other = states[(states.indexOf(me) + 1 + rng.int(states.length - 1)) % states.length]!;
      const channel = rng.next() < 0.15 ? 'public' : pairChannel(me, other);
      answers.push(c.cmd({ type: 'message', channel, text: `client ${i} says ${++n}` }).then((a) => {
        if (a.ok) latencies.push(a.ms);
        else count(refused, a.code);
      }));
      await sleep(Math.min(gap(job.meanGapMs), stopAt - performance.now()));
    }
    await Promise.all(answers);
  }));
  const ms = performance.now() - t0;
  const workerLagP99 = await lag();
  const dropped = clients.filter((c) => c.closed).length;
  for (const c of clients) c.leave();
  return { kind: 'rooms', latencies, refused, ms, dropped, workerLagP99 };
}

/** The bare room's clients: the latency job's pace and message size, nothing to decode but acks. */
async function bare(job: BareJob): Promise<JobResult> {
  const first = sdkRoom(await new Client(job.endpoint).joinOrCreate(job.room));
  const rooms = [first];
  for (let i = 1; i < job.clients; i++) rooms.push(sdkRoom(await new Client(job.endpoint).joinById(first.roomId)));
  await tell({ type: 'joined', clients: rooms.length, joinMs: 0, joinBytes: [] });
  await go;
  const latencies: number[] = [];
  const lag = lagProbe();
  let sent = 0;
  const t0 = performance.now();
  await Promise.all(rooms.map(async (room) => {
    const waiting = new Map<number, number>();
    let answered = 0;
    const done = new Promise<void>((resolve) => {
      room.onMessage('ack', (a: { seq: number }) => {
        const at = waiting.get(a.seq);
        if (at !== undefined) latencies.push(performance.now() - at);
        if (++answered === job.perClient) resolve();
      });
    });
    for (let seq = 0; seq < job.perClient; seq++) {
      await sleep(gap(1000 / job.ratePerClient));
      waiting.set(seq, performance.now());
      sent++;
      room.send('cmd', { seq, command: { type: 'order', order: { kind: 'move', from: 'north-marches', to: 'river-delta', units: 1 } } });
    }
    await done;
  }));
  const ms = performance.now() - t0;
  const workerLagP99 = await lag();
  for (const r of rooms) void r.leave(true).catch(() => undefined);
  return { kind: 'latency', latencies, refused: {}, ms, dropped: 0, sent, workerLagP99 };
}
