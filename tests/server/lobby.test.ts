import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { CODE_ALPHABET } from '../../server/auth/seatTokens';
import type { LobbyEntry } from '../../server/match/lobbyEntry';
import { recordedMessage, recorderOf, TestClient } from './helpers/testClient';
import type { Created } from './helpers/testServer';
import { createMatch, FAST, startTestServer } from './helpers/testServer';

/** The lobby lists public matches live; private rooms are unlisted and need their code. */
let server: RunningServer;
let endpoint: string;
let pub: Created;
let priv: Created;

beforeAll(async () => {
  server = await startTestServer();
  endpoint = `ws://127.0.0.1:${server.port}`;
  pub = await createMatch(server.url, { seed: 'lobby-public', settings: FAST });
  priv = await createMatch(server.url, { seed: 'lobby-private', visibility: 'private', settings: FAST });
});

afterAll(async () => {
  await server?.close();
});

async function getJson(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: await res.json() };
}

describe('lobby and private rooms', () => {
  it('creates matches with an 8-character code from the unambiguous alphabet', () => {
    for (const m of [pub, priv]) {
      expect(m.code).toHaveLength(8);
      for (const ch of m.code) expect(CODE_ALPHABET).toContain(ch);
      expect(m.hostKey.length).toBeGreaterThanOrEqual(43);
    }
  });

  it('refuses invalid match settings and unknown scenarios with a JSON error', async () => {
    const bad = await fetch(`${server.url}/api/matches`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'tutorial', settings: { phaseSeconds: { diplomacy: 5 } } }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'match/invalid' });
    const unknown = await fetch(`${server.url}/api/matches`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'atlantis', settings: {} }),
    });
    expect(await unknown.json()).toMatchObject({ code: 'match/unknown-scenario' });
    const notJson = await fetch(`${server.url}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'http/invalid-json' });
  });

  it('lists public matches only, over HTTP and in the live lobby room', async () => {
    const listed = (await getJson('/api/matches')).body as LobbyEntry[];
    expect(listed.map((m) => m.matchId)).toEqual([pub.matchId]);
    expect(listed[0]).toMatchObject({ scenario: 'tutorial', phase: 'setup', freeSeats: 4, press: 'full', fog: false });
    expect(listed[0]!.phaseSeconds.diplomacy).toBe(30);

    const lobby = await new Client(endpoint).joinOrCreate('lobby');
    type Listing = { roomId: string; metadata: LobbyEntry };
    const rooms = await recordedMessage(lobby, (type, m) => (type === 'rooms' ? (m as Listing[]) : undefined));
    expect(rooms.map((r) => r.roomId)).toEqual([pub.matchId]);
    expect(rooms[0]!.metadata.freeSeats).toBe(4);

    // Live: a new public match appears; a seat taken shows up in its listing; the private one never does.
    const third = await createMatch(server.url, { seed: 'lobby-third', settings: FAST });
    const player = await TestClient.join(endpoint, third.matchId, { name: 'Ann' });
    await recordedMessage(lobby, (type, m) => {
      const [id, r] = m as [string, Listing];
      return type === '+' && id === third.matchId && r.metadata.freeSeats === 3 ? true : undefined;
    });
    const privateSeen = recorderOf(lobby).messages.some((m) => m.type === '+' && (m.message as [string])[0] === priv.matchId);
    expect(privateSeen).toBe(false);
    await player.leave();
    await lobby.leave();
  });

  it('joins a private room only with its code; wrong codes are refused', async () => {
    expect(await getJson(`/api/join/${priv.code}`)).toEqual({ status: 200, body: { matchId: priv.matchId } });
    const typed = `${priv.code.slice(0, 4).toLowerCase()}-${priv.code.slice(4)}`;
    expect((await getJson(`/api/join/${typed}`)).body).toEqual({ matchId: priv.matchId });
    expect(await getJson('/api/join/ZZZZ2222')).toMatchObject({ status: 404, body: { code: 'join/unknown-code' } });

    expect(await TestClient.refused(endpoint, priv.matchId, { name: 'Eve' })).toMatch(/^join\/wrong-code/);
    expect(await TestClient.refused(endpoint, priv.matchId, { name: 'Eve', code: 'ZZZZ2222' })).toMatch(/^join\/wrong-code/);
    expect(await TestClient.refused(endpoint, priv.matchId, { spectator: true })).toMatch(/^join\/wrong-code/);
    expect(await TestClient.refused(endpoint, priv.matchId, { facilitatorKey: 'x'.repeat(43) })).toMatch(/^join\/wrong-key/);
    expect(await TestClient.refused(endpoint, priv.matchId, { seatToken: 'y'.repeat(43) })).toMatch(/^join\/unknown-token/);
    expect(await TestClient.refused(endpoint, priv.matchId, {})).toMatch(/^join\/invalid-options/);
    const ok = await TestClient.join(endpoint, priv.matchId, { name: 'Pat', code: priv.code });
    expect(ok.seat).toMatchObject({ role: 'seat', state: 'valdoria' });
    await ok.leave();
  });

  it('lets no client open a match room of its own', async () => {
    await expect(new Client(endpoint).create('match', { matchId: 'mine' })).rejects.toThrow();
    await expect(new Client(endpoint).create('match', { matchId: pub.matchId })).rejects.toThrow();
  });

  it('runs phases on the server clock and lets bots fill and play empty seats', async () => {
    const m = await createMatch(server.url, { seed: 'lobby-bots', settings: { ...FAST, botsFill: true, phaseSeconds: { ...FAST.phaseSeconds, briefing: 1 } } });
    const host = await TestClient.join(endpoint, m.matchId, { name: 'Solo', state: 'lissen', facilitatorKey: m.hostKey });
    expect((await host.control({ type: 'start' })).ok).toBe(true);
    const briefing = await host.viewWhere((v) => v.phase === 'briefing', 'briefing');
    expect(Object.entries(briefing.seats).filter(([, s]) => s.controller === 'bot').map(([id]) => id).sort()).toEqual(['corvania', 'drakmor', 'valdoria']);
    // The briefing's one-second deadline passes: the server advances the phase by itself.
    const diplomacy = await host.viewWhere((v) => v.phase === 'diplomacy', 'diplomacy', 4000);
    const log = await server.store.commandsAfter(m.matchId, 0);
    // The first view a client gets in the phase may already hold the bots' first moves (patches to a
    // client that did not act are coalesced), so the phase's length is read from the system's command.
    const advance = log.find((c) => c.envelope.actor.role === 'system' && c.envelope.command.type === 'advancePhase');
    expect(advance).toBeDefined();
    expect(diplomacy.deadline! - advance!.envelope.at).toBe(30_000);
    // Bots played through the same log, as their seats.
    const bots = log.filter((c) => c.envelope.actor.role === 'seat' && c.envelope.actor.state !== 'lissen');
    expect(bots.length).toBeGreaterThan(0);
    // Everyone else is ready: the human's ready ends diplomacy.
    await host.viewWhere((v) => Object.entries(v.seats).every(([id, s]) => id === 'lissen' || s.ready), 'bots ready');
    expect((await host.cmd({ type: 'ready', ready: true })).ok).toBe(true);
    await host.viewWhere((v) => v.phase === 'orders', 'orders');
    await host.leave();
  });

  it('rate-limits code guessing per IP', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await getJson(`/api/join/WRONG${String(i).padStart(3, '2')}`)).status;
    expect(last).toBe(429);
    // Blocked: even the right code is refused for a while, so guessing learns nothing.
    expect((await getJson(`/api/join/${priv.code}`)).status).toBe(429);
    expect(await TestClient.refused(endpoint, priv.matchId, { name: 'Eve', code: priv.code })).toMatch(/^rate\/limited/);
  });
});
