import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { GameState, PatchOp, PlayerView, Scenario, Viewer } from '../../shared/index';
import { OP_DEL, OP_PUSH, OP_SET, pairChannel } from '../../shared/index';
import { statesBySeq, wireView } from './helpers/replay';
import { TestClient } from './helpers/testClient';
import type { Created } from './helpers/testServer';
import { createMatch, FAST, startTestServer, tempDir } from './helpers/testServer';

/**
 * A whole match of the tutorial over real WebSockets: four players (Valdoria also hosts), a spectator
 * and a facilitator, with fog of war. Then every frame each of them received is checked against
 * what its seat may see.
 */
const PAIR_SECRET = 'MARKER-PAIR-7f3a: our northern flank is thin';
const FORUM_SECRET = 'MARKER-FORUM-91c2';

let server: RunningServer;
let created: Created;
let scenario: Scenario;
let endpoint: string;
const clients: Record<string, TestClient> = {};
let states: GameState[] = [];

beforeAll(async () => {
  server = await startTestServer({ dbFile: path.join(tempDir(), 'match.sqlite') });
  endpoint = `ws://127.0.0.1:${server.port}`;
  scenario = server.scenarios.get('tutorial')!;
  created = await createMatch(server.url, {
    scenario: 'tutorial', seed: 'server-match-test', visibility: 'public',
    settings: { ...FAST, fog: true, rounds: 2, spectators: true, facilitatorSeesAll: false },
  });
});

afterAll(async () => {
  for (const c of Object.values(clients)) await c.leave();
  await server?.close();
});

function all(): TestClient[] {
  return Object.values(clients);
}

async function everyone(pred: (v: PlayerView) => boolean, what: string): Promise<void> {
  await Promise.all(all().map((c) => c.viewWhere(pred, `${what} (${c.label})`)));
}

async function ok(p: Promise<{ ok: boolean; code?: string; message?: string }>): Promise<void> {
  const a = await p;
  expect(a, JSON.stringify(a)).toMatchObject({ ok: true });
}

describe('a whole match of the tutorial, four clients', () => {
  it('plays from setup to the end: a treaty, orders, a crisis honored, resolution', async () => {
    const { matchId, hostKey } = created;
    clients.val = await TestClient.join(endpoint, matchId, { name: 'Vera', state: 'valdoria', facilitatorKey: hostKey }, 'valdoria');
    clients.cor = await TestClient.join(endpoint, matchId, { name: 'Cora', state: 'corvania' }, 'corvania');
    clients.lis = await TestClient.join(endpoint, matchId, { name: 'Lise', state: 'lissen' }, 'lissen');
    clients.dra = await TestClient.join(endpoint, matchId, { name: 'Drake' }, 'drakmor');
    clients.spec = await TestClient.join(endpoint, matchId, { spectator: true }, 'spectator');
    clients.fac = await TestClient.join(endpoint, matchId, { facilitatorKey: hostKey }, 'facilitator');
    const { val, cor, lis, dra, spec, fac } = clients as Record<string, TestClient>;

    await everyone((v) => v.phase === 'setup', 'setup view');
    expect(val!.seat).toMatchObject({ role: 'seat', state: 'valdoria', host: true });
    expect(dra!.seat).toMatchObject({ role: 'seat', state: 'drakmor', host: false }); // the first free seat
    expect(spec!.seat).toMatchObject({ role: 'spectator', state: null, seatToken: null });
    expect(fac!.seat).toMatchObject({ role: 'facilitator', state: null, host: true });
    expect(val!.seat!.seatToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Only the host starts.
    expect(await cor!.control({ type: 'start' })).toMatchObject({ ok: false, code: 'auth/not-host' });
    await ok(val!.control({ type: 'start' }));
    await everyone((v) => v.phase === 'diplomacy' && v.round === 1, 'diplomacy');

    // Diplomacy: a private word, a secret proposal refused, a trade treaty agreed.
    await ok(val!.cmd({ type: 'message', channel: pairChannel('valdoria', 'corvania'), text: PAIR_SECRET }));
    await cor!.viewWhere((v) => v.messages.some((m) => m.text === PAIR_SECRET), 'the pair message');
    await ok(lis!.cmd({ type: 'propose', terms: { kind: 'forum', name: FORUM_SECRET, members: ['lissen', 'drakmor'] } }));
    const forum = await dra!.viewWhere((v) => Object.values(v.treaties).some((t) => t.terms.kind === 'forum'), 'the forum proposal');
    const forumId = Object.values(forum.treaties).find((t) => t.terms.kind === 'forum')!.id;
    await ok(dra!.cmd({ type: 'respond', treaty: forumId, accept: false }));
    await ok(val!.cmd({ type: 'propose', terms: { kind: 'trade', members: ['valdoria', 'lissen'] } }));
    const trade = await lis!.viewWhere((v) => Object.values(v.treaties).some((t) => t.terms.kind === 'trade' && t.status === 'proposed'), 'the trade proposal');
    const tradeId = Object.values(trade.treaties).find((t) => t.terms.kind === 'trade' && t.status === 'proposed')!.id;
    await ok(lis!.cmd({ type: 'respond', treaty: tradeId, accept: true }));
    // Everyone ready ends diplomacy early.
    for (const c of [val, cor, lis, dra]) await ok(c!.cmd({ type: 'ready', ready: true }));
    await everyone((v) => v.phase === 'orders', 'orders');
    expect(val!.view!.treaties[tradeId]?.status).toBe('active');

    // Orders: Drakmor strikes Corvania, Valdoria's pact partner.
    expect(await dra!.cmd({ type: 'order', order: { kind: 'attack', from: 'dra-west', to: 'val-capital', units: 5 } }))
      .toMatchObject({ ok: false });
    await ok(dra!.cmd({ type: 'order', order: { kind: 'attack', from: 'dra-west', to: 'cor-hills', units: 5 } }));
    await ok(val!.cmd({ type: 'setBudget', budget: { defense: 30, domestic: 40, investment: 30 } }));
    for (const c of [val, cor, lis, dra]) await ok(c!.cmd({ type: 'ready', ready: true }));

    // The crisis calls on Valdoria; it honors.
    const crisisView = await val!.viewWhere((v) => v.phase === 'crisis', 'crisis');
    const crisis = crisisView.crises.find((c) => c.ally === 'valdoria')!;
    expect(crisis).toMatchObject({ region: 'cor-hills', defender: 'corvania', attackers: ['drakmor'] });
    expect(lis!.view!.crises).toEqual([]);
    await ok(val!.cmd({ type: 'crisisChoice', crisis: crisis.id, choice: 'honor', units: Math.min(3, crisis.eligible) }));

    // Resolution, then round 2.
    await everyone((v) => v.round === 2 && v.phase === 'diplomacy', 'round 2');
    const report = val!.view!.lastReport;
    expect(report.some((e) => e.kind === 'crisis/decided' && e.choice === 'honor')).toBe(true);
    expect(report.some((e) => e.kind === 'combat' && e.region === 'cor-hills')).toBe(true);

    // The host moves the last round along with controls; the match ends.
    await ok(val!.control({ type: 'advancePhase' }));
    await everyone((v) => v.phase === 'orders', 'round 2 orders');
    await ok(val!.control({ type: 'advancePhase' }));
    await everyone((v) => v.phase === 'ended', 'the end');
    expect(val!.view!.winners.length).toBeGreaterThan(0);
    expect(Object.keys(val!.view!.scores).sort()).toEqual(['corvania', 'drakmor', 'lissen', 'valdoria']);
    // Commands after the end are out of phase.
    expect(await cor!.cmd({ type: 'ready', ready: true })).toMatchObject({ ok: false, code: 'phase/wrong' });

    // The log folds to the same state the server holds.
    states = await statesBySeq(server.store, created.matchId, scenario);
    const live = server.matches.get(created.matchId)!.live;
    expect(states.length - 1).toBe(live.seq);
    expect(states[states.length - 1]).toEqual(live.state);
    for (const c of all()) expect(c.problems, c.label).toEqual([]);
  });

  it('sent every client only what its seat may see, on the bytes (fog on)', () => {
    expect(states.length).toBeGreaterThan(10);
    const viewers: Record<string, Viewer> = {
      val: { role: 'seat', state: 'valdoria' }, cor: { role: 'seat', state: 'corvania' },
      lis: { role: 'seat', state: 'lissen' }, dra: { role: 'seat', state: 'drakmor' },
      spec: { role: 'spectator' }, fac: { role: 'facilitator' },
    };
    const mayRead: Record<string, string[]> = { [PAIR_SECRET]: ['val', 'cor'], [FORUM_SECRET]: ['lis', 'dra'] };
    let fogged = 0;
    for (const [key, c] of Object.entries(clients)) {
      const viewer = viewers[key]!;
      // 1. Every view it held equals the visibility function applied to the server's state at that version.
      expect(c.history.length).toBeGreaterThan(5);
      for (const h of c.history) {
        const expected = wireView(scenario, states[h.version]!, viewer);
        expect(h.view, `${c.label} at version ${h.version}`).toEqual(expected);
        // 2. Every value a patch carried is part of that allowed view (nothing extra rides a patch).
        for (const op of h.ops ?? []) expectOpWithin(op, expected, c.label);
        if (viewer.role === 'seat') fogged += Object.values(h.view.regions).filter((r) => r.units === null).length;
      }
      // 3. The raw frames: only known kinds; every data frame was decoded and checked above.
      const kinds = new Set(c.frames.map((f) => f[0]));
      for (const k of kinds) expect([10, 13, 14, 15], `${c.label} frame kind ${k}`).toContain(k);
      expect(c.frames.filter((f) => f[0] === 13).length).toBe(c.messages.length);
      // 4. Secrets never appear in the bytes of anyone outside their channel, schema patches included.
      for (const [secret, readers] of Object.entries(mayRead)) {
        const seen = c.frames.some((f) => Buffer.from(f).includes(secret));
        expect(seen, `${c.label} and "${secret}"`).toBe(readers.includes(key));
      }
      // 5. The schema state holds public room data only.
      const pub = (c.room.state as { toJSON(): Record<string, unknown> }).toJSON();
      expect(Object.keys(pub).sort()).toEqual(['deadline', 'paused', 'phase', 'round', 'seats']);
      for (const seat of Object.values(pub.seats as Record<string, Record<string, unknown>>)) {
        expect(Object.keys(seat).sort()).toEqual(['connected', 'controller', 'name', 'ready']);
      }
    }
    expect(fogged, 'fog hid some regions from seats').toBeGreaterThan(0);
  });
});

function at(doc: unknown, p: (string | number)[]): unknown {
  let cur = doc;
  for (const k of p) cur = (cur as Record<string, unknown>)?.[k as string];
  return cur;
}

function expectOpWithin(op: PatchOp, view: PlayerView, label: string): void {
  // A copy carries no value: it moves what the client already holds.
  if (op[0] === OP_SET) expect(op[2], `${label} set ${op[1].join('.')}`).toEqual(at(view, op[1]));
  if (op[0] === OP_PUSH) {
    const arr = at(view, op[1]) as unknown[];
    expect(arr.slice(arr.length - op[2].length), `${label} push ${op[1].join('.')}`).toEqual(op[2]);
  }
  if (op[0] === OP_DEL && typeof op[1][op[1].length - 1] === 'string') expect(at(view, op[1])).toBeUndefined();
}
