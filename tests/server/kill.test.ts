import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqliteStore';
import { decideBot } from '../../shared/bots/index';
import type { ControlCommand, GameState, PlayerView, Scenario, SeatCommand, Viewer } from '../../shared/index';
import { createMatch as newMatchState, loadScenarioJson, pairChannel, replayLog, Rng, seedRng, stateHash } from '../../shared/index';
import type { ChildServer, ServerEntry } from '../load/childServer';
import { freePort, prepareServerEntry, spawnServer } from '../load/childServer';
import type { Sent } from '../load/ledger';
import { Ledger } from '../load/ledger';
import { wireView } from './helpers/replay';
import { TestClient } from './helpers/testClient';
import { createMatch, tempDir } from './helpers/testServer';

/**
 * Crash safety: the real server, a child process, is killed with SIGKILL at seeded random moments of
 * a tutorial match played by three clients (Valdoria also hosts) and a bot, then started again on the
 * same SQLite file. After every restart the players take their seats back with their seat tokens,
 * and at the end the durable log is held against everything the clients were told:
 *  - every acknowledged command is in the log, at its logSeq, and in every view after the restart;
 *  - the log holds nothing but acked commands, commands the server died before answering, system
 *    commands and the bot's; a refused command is never there;
 *  - every view a client got after a restart is the view of a fold of whole commands of that log
 *    (no half-applied command), and players were back in their seats within 5 s;
 *  - the match ends in the state a plain replay of the log reaches (stateHash).
 */

const KILLS = Number(process.env.KILL_TEST_KILLS ?? 22);
const SEED = process.env.KILL_TEST_SEED ?? 'kill-test-1';
const ROUNDS = 6;
const SEATS = ['valdoria', 'corvania', 'lissen'] as const;
const HOST = 'valdoria';
const BOT = 'drakmor';
/** Kill this long after the players are back (ms, uniform)… */
const KILL_AFTER: [number, number] = [120, 1200];
/** …and every other time, at the next command sent after that, this long after it left (ms): mid-commit. */
const IN_FLIGHT_DELAY: [number, number] = [0, 4];

const rng = new Rng(seedRng(SEED));
const between = (lo: number, hi: number): number => lo + rng.next() * (hi - lo);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const scenario: Scenario = (() => {
  const r = loadScenarioJson(fs.readFileSync(path.resolve('assets/scenarios/tutorial.json'), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
})();

interface Player {
  state: string;
  host: boolean;
  token: string | null;
  client: TestClient | null;
  /** Per-connection message counter (each connection's acks echo its own seqs). */
  seq: number;
  said: number;
}

/** A view a client received right after (re)joining, to check against the final log. */
interface Rejoin {
  life: number;
  state: string;
  version: number;
  view: PlayerView;
}

let server: ChildServer | null = null;
let entry: ServerEntry;

beforeAll(async () => {
  entry = await prepareServerEntry();
});

afterAll(async () => {
  await server?.kill('SIGKILL');
  entry?.dispose();
});

/** Should the match be held back from its last round (kills still to come)? */
function holding(v: PlayerView, final: boolean): boolean {
  return !final && v.round >= ROUNDS - 1;
}

/** What a player does next, from its own view: mostly what a bot would, some chat, and the host moves phases along. */
function nextCommands(p: Player, v: PlayerView, life: number, final: boolean): { kind: 'cmd' | 'control'; command: SeatCommand | ControlCommand }[] {
  if (v.phase === 'ended' || v.paused) return [];
  if (v.phase === 'setup') return p.host ? [{ kind: 'control', command: { type: 'start' } }] : [];
  if (p.host && !holding(v, final) && rng.next() < (final ? 0.6 : 0.12)) return [{ kind: 'control', command: { type: 'advancePhase' } }];
  if (v.phase === 'diplomacy' && rng.next() < 0.15) {
    const other = rng.pick([...SEATS, BOT].filter((s) => s !== p.state))!;
    const channel = rng.next() < 0.3 ? 'public' : pairChannel(p.state, other);
    return [{ kind: 'cmd', command: { type: 'message', channel, text: `${p.state} life ${life} #${++p.said}` } }];
  }
  const doctrine = p.state === 'valdoria' ? 'guardian' : 'opportunist';
  let cmds = decideBot(scenario, v, doctrine, `${SEED}/${life}/${p.state}/${p.seq}`);
  if (holding(v, final)) cmds = cmds.filter((c) => c.type !== 'ready');
  const n = 1 + rng.int(3);
  return cmds.slice(0, n).map((command) => ({ kind: 'cmd', command }));
}

/** Find the answer to `seq` among what the client has received, if any. */
function answerIn(c: TestClient, seq: number): { ok: true; logSeq: number } | { ok: false; code: string } | null {
  for (const m of c.messages) {
    const body = m.message as { seq?: number; logSeq?: number; code?: string };
    if (body.seq !== seq) continue;
    if (m.type === 'ack') return { ok: true, logSeq: body.logSeq! };
    if (m.type === 'error') return { ok: false, code: body.code! };
  }
  return null;
}

function settle(s: Sent, a: { ok: true; logSeq: number } | { ok: false; code: string } | null): void {
  if (!a || s.outcome.status !== 'pending') return;
  s.outcome = a.ok ? { status: 'acked', logSeq: a.logSeq } : { status: 'refused', code: a.code };
}

/** Called right after any player sends a batch (the in-flight kills wait on it). */
let onSend: (() => void) | null = null;

/** One player's loop while the server lives: a few commands at a time, each batch answered (or the server dies). */
async function play(p: Player, life: number, ledger: Ledger, final: { now: boolean }, stop: { now: boolean }): Promise<void> {
  const c = p.client!;
  const closed = new Promise<void>((resolve) => {
    c.room.onLeave(() => resolve());
    if (!c.room.connection.isOpen) resolve();
  });
  while (!stop.now && c.room.connection.isOpen) {
    await Promise.race([sleep(between(60, 200)), closed]);
    if (stop.now || !c.room.connection.isOpen || !c.view) break;
    const batch = nextCommands(p, c.view, life, final.now).map((x) => {
      const seq = ++p.seq;
      const sent = ledger.add(p.state, x.kind, x.command, life);
      c.send(x.kind, { seq, command: x.command });
      return { seq, sent };
    });
    if (batch.length === 0) continue;
    onSend?.();
    await Promise.race([
      Promise.all(batch.map(({ seq, sent }) => c.answer(seq, 20_000).then(() => settle(sent, answerIn(c, seq)), () => undefined))),
      closed,
    ]);
    for (const { seq, sent } of batch) settle(sent, answerIn(c, seq));
  }
}

describe('the server killed with SIGKILL mid-match', () => {
  it(`keeps every acknowledged command through ${KILLS} kills and ends as a replay of its log`, async () => {
    const t0 = performance.now();
    const dir = tempDir('entente-kill-');
    const dbFile = path.join(dir, 'k.sqlite');
    const port = await freePort();
    const ledger = new Ledger();
    const rejoins: Rejoin[] = [];
    const backMs: number[] = [];
    const downMs: number[] = [];
    const startMs: number[] = [];
    const players: Player[] = SEATS.map((state) => ({ state, host: state === HOST, token: null, client: null, seq: 0, said: 0 }));

    server = await spawnServer({ port, dbFile, entry });
    startMs.push(server.startMs);
    const created = await createMatch(server.url, {
      scenario: 'tutorial', seed: SEED,
      // Phases long enough that only people (and the host) move the match: the test decides when it ends.
      settings: { phaseSeconds: { briefing: 0, diplomacy: 3600, orders: 3600, crisis: 3600 }, botsFill: true, rounds: ROUNDS },
    });

    let killedAt = 0;
    for (let life = 0; life <= KILLS; life++) {
      const final = { now: life === KILLS };
      // 1. Everyone takes a seat: by name the first time, by seat token after a restart.
      const joinStart = performance.now();
      await Promise.all(players.map(async (p) => {
        const opts = p.token
          ? { seatToken: p.token, ...(p.host ? { facilitatorKey: created.hostKey } : {}) }
          : { name: p.state, state: p.state, ...(p.host ? { facilitatorKey: created.hostKey } : {}) };
        p.client = await TestClient.join(server!.endpoint, created.matchId, opts, `${p.state}#${life}`);
        p.seq = 0;
        expect(p.client.seat).toMatchObject({ role: 'seat', state: p.state, host: p.host });
        p.token ??= p.client.seat!.seatToken;
        expect(p.client.seat!.seatToken).toBe(p.token);
      }));
      const back = performance.now();
      if (life > 0) {
        backMs.push(back - server.readyAt);
        downMs.push(back - killedAt);
        // Every acknowledged command is in the restored match the players see.
        for (const p of players) expect(p.client!.version, `${p.state} after restart ${life}`).toBeGreaterThanOrEqual(ledger.maxAcked());
      } else {
        expect(back - joinStart).toBeLessThan(5000);
      }
      for (const p of players) rejoins.push({ life, state: p.state, version: p.client!.version, view: p.client!.view! });

      // 2. They play until the server dies (or, the last time, until the match ends).
      const stop = { now: false };
      const loops = Promise.all(players.map((p) => play(p, life, ledger, final, stop)));
      if (!final.now) {
        await sleep(between(...KILL_AFTER));
        if (life % 2 === 1) {
          await new Promise<void>((resolve) => {
            onSend = resolve;
          });
          onSend = null;
          await sleep(between(...IN_FLIGHT_DELAY));
        }
        killedAt = performance.now();
        await server.kill('SIGKILL');
        await loops;
        // Answers that arrived are settled; the rest the server never gave.
        ledger.markUnknown();
        server = await spawnServer({ port, dbFile, entry });
        startMs.push(server.startMs);
      } else {
        await Promise.all(players.map((p) => p.client!.viewWhere((v) => v.phase === 'ended', 'the end', 60_000)));
        stop.now = true;
        await loops;
        expect(ledger.count('pending')).toBe(0);
      }
    }
    const finalViews = players.map((p) => ({ state: p.state, version: p.client!.version, view: p.client!.view! }));
    for (const p of players) await p.client!.leave();
    expect(await server.kill('SIGTERM')).toMatch(/exit 0|SIGTERM/);
    server = null;

    // 3. The durable log, read straight from the file the dead server left.
    const store = await openSqliteStore(dbFile);
    const record = (await store.match(created.matchId))!;
    const log = await store.commandsAfter(created.matchId, 0);
    const snapshot = await store.latestSnapshot(created.matchId);
    await store.close();

    const replay = replayLog(scenario, record.settings, record.seed, log.map((c) => ({ seq: c.seq, envelope: c.envelope })), true);
    if (!replay.ok) throw new Error(replay.errors.join('; '));
    const states: GameState[] = [newMatchState(scenario, record.settings, record.seed), ...replay.states!];
    expect(replay.state.phase).toBe('ended');
    expect(record.status).toBe('ended');
    // The server's own final state (restored 20+ times from snapshots and log) is the uninterrupted fold.
    expect(snapshot?.seq).toBe(log.length);
    expect(stateHash(snapshot!.state)).toBe(stateHash(replay.state));

    // Acked commands are in the log where their acks said; nothing else from the clients is, but unanswered ones.
    const { faults, breakdown } = ledger.reconcile(log, [...SEATS]);
    expect(faults).toEqual([]);
    expect(breakdown.acked).toBe(ledger.count('acked'));

    // Every view after a restart, and the last ones, are views of a fold of whole commands of this log.
    for (const r of [...rejoins, ...finalViews.map((f) => ({ ...f, life: KILLS + 1 }))]) {
      const viewer: Viewer = { role: 'seat', state: r.state };
      expect(r.view, `${r.state} at version ${r.version} (life ${r.life})`).toEqual(wireView(scenario, states[r.version]!, viewer));
    }
    for (const f of finalViews) expect(f.version).toBe(log.length);

    // Back in their seats within 5 s of the server being up again.
    expect(backMs.length).toBe(KILLS);
    expect(Math.max(...backMs)).toBeLessThan(5000);

    const codes: Record<string, number> = {};
    for (const s of ledger.sent) if (s.outcome.status === 'refused') codes[s.outcome.code] = (codes[s.outcome.code] ?? 0) + 1;
    const max = (xs: number[]): string => `${Math.round(Math.max(...xs))} ms`;
    const med = (xs: number[]): string => `${Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]!)} ms`;
    console.log([
      `kill test (server run as ${entry.kind}): ${KILLS} SIGKILLs in ${((performance.now() - t0) / 1000).toFixed(1)} s; match ended at round ${replay.state.round} with ${log.length} logged commands`,
      `  sent ${ledger.sent.length}: acked ${ledger.count('acked')}, refused ${ledger.count('refused')} ${JSON.stringify(codes)}, unanswered at a kill ${ledger.count('unknown')} (${breakdown.unknownCommitted} of them committed)`,
      `  log: ${breakdown.acked} acked, ${breakdown.unknownCommitted} committed but unanswered, ${breakdown.bot} bot, ${breakdown.system} system`,
      `  server start (spawn → /health) median ${med(startMs)}, max ${max(startMs)}; seats back after ready median ${med(backMs)}, max ${max(backMs)}; kill → seats back median ${med(downMs)}, max ${max(downMs)}`,
    ].join('\n'));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 175_000);
});
