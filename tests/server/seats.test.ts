import { Client } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import { RejoinLimiter } from '../../server/rooms/joinRules';
import { statesBySeq } from './helpers/replay';
import { recorderOf, TestClient } from './helpers/testClient';
import { createMatch, FAST, serveForSuite } from './helpers/testServer';

/** Seats are held: teams share one, short drops reconnect, absent seats are played per settings. */
const suite = serveForSuite();

describe('seats', () => {
  it('lets a team share a seat: every member sees the seat view and its changes', async () => {
    const m = await createMatch(suite.server.url, { seed: 'team', settings: FAST });
    const first = await TestClient.join(suite.endpoint, m.matchId, { name: 'Team Lissen', state: 'lissen' }, 'first');
    const second = await TestClient.join(suite.endpoint, m.matchId, { seatToken: first.seat!.seatToken! }, 'second');
    const host = await TestClient.join(suite.endpoint, m.matchId, { facilitatorKey: m.hostKey }, 'host');
    expect(second.seat).toMatchObject({ role: 'seat', state: 'lissen', seatToken: first.seat!.seatToken });
    expect((await host.control({ type: 'start' })).ok).toBe(true);
    expect((await second.cmd({ type: 'declare', text: 'we speak as one' })).ok).toBe(true);
    const seen = (c: TestClient) => c.viewWhere((v) => v.messages.some((x) => x.text === 'we speak as one'), 'the declaration');
    const [a, b] = await Promise.all([seen(first), seen(second)]);
    expect(a).toEqual(b);
    expect(a.own?.state).toBe('lissen');
    const live = suite.server.matches.get(m.matchId)!;
    expect(live.live.state.seats.lissen!.controller).toBe('human');
    for (const c of [first, second, host]) await c.leave();
  });

  it('takes a short drop back into the same session (allowReconnection) with a full view', async () => {
    const m = await createMatch(suite.server.url, { seed: 'drop', settings: FAST });
    const player = await TestClient.join(suite.endpoint, m.matchId, { name: 'Dee', state: 'drakmor' }, 'dee');
    const token = player.room.reconnectionToken;
    // Drop without saying goodbye.
    (player.room.connection.transport as unknown as { ws: { close: () => void } }).ws.close();
    await player.until(() => !player.room.connection.isOpen || undefined, 2000, 'the drop');
    await new Promise((r) => setTimeout(r, 150)); // the server notices the drop a moment later
    const again = await new Client(suite.endpoint).reconnect(token);
    const rec = recorderOf(again);
    const types = await new Promise<string[]>((resolve) => {
      const check = () => {
        const t = rec.messages.map((x) => String(x.type));
        if (t.includes('view')) resolve(t);
      };
      rec.listeners.add(check);
      check();
    });
    expect(types.slice(0, 2)).toEqual(['seat', 'view']);
    const seat = rec.messages.find((x) => x.type === 'seat')!.message as { state: string };
    expect(seat.state).toBe('drakmor');
    await again.leave();
  });

  it('plays an absent seat with its bot when the match says so, without hurrying the phase', async () => {
    const m = await createMatch(suite.server.url, { seed: 'absent', settings: { ...FAST, absentSeats: 'bot' } });
    const host = await TestClient.join(suite.endpoint, m.matchId, { name: 'Host', state: 'valdoria', facilitatorKey: m.hostKey }, 'host');
    const away = await TestClient.join(suite.endpoint, m.matchId, { name: 'Away', state: 'drakmor' }, 'away');
    expect((await host.control({ type: 'start' })).ok).toBe(true);
    await away.leave();
    expect((await host.control({ type: 'advancePhase' })).ok).toBe(true); // diplomacy → orders, with Drakmor absent
    const live = suite.server.matches.get(m.matchId)!.live;
    await host.until(() => live.state.orders.drakmor!.budget !== null || undefined, 3000, 'the stand-in budget');
    const log = await suite.server.store.commandsAfter(m.matchId, 0);
    const standIn = log.filter((c) => c.envelope.actor.role === 'seat' && c.envelope.actor.state === 'drakmor');
    expect(standIn.length).toBeGreaterThan(0);
    expect(standIn.some((c) => c.envelope.command.type === 'ready')).toBe(false);
    expect(live.state.seats.drakmor).toMatchObject({ controller: 'human', ready: false });
    // Nobody plays Corvania or Lissen (open seats, no bots): they stay untouched.
    expect(log.some((c) => c.envelope.actor.role === 'seat' && c.envelope.actor.state === 'corvania')).toBe(false);
    await host.leave();
  });

  it('lets bots alone play a match to the end through the log, which replays to the same state', async () => {
    const m = await createMatch(suite.server.url, { seed: 'bots-alone', settings: { ...FAST, botsFill: true, rounds: 3 } });
    const watcher = await TestClient.join(suite.endpoint, m.matchId, { facilitatorKey: m.hostKey }, 'facilitator');
    expect((await watcher.control({ type: 'start' })).ok).toBe(true);
    const end = await watcher.viewWhere((v) => v.phase === 'ended', 'the end', 20_000);
    expect(end.winners.length).toBeGreaterThan(0);
    const live = suite.server.matches.get(m.matchId)!.live;
    const states = await statesBySeq(suite.server.store, m.matchId, live.scenario);
    expect(states[states.length - 1]).toEqual(live.state);
    await watcher.leave();
  }, 30_000);
  it('limits rejoins with one seat token: a reload loop runs out, other seats and a later rejoin do not', async () => {
    const m = await createMatch(suite.server.url, { seed: 'rejoin-loop', settings: FAST });
    const first = await TestClient.join(suite.endpoint, m.matchId, { name: 'Loop', state: 'lissen' }, 'loop');
    const token = first.seat!.seatToken!;
    await first.leave();
    let joined = 0;
    let refusal = '';
    while (!refusal && joined < 40) {
      try {
        const c = await TestClient.join(suite.endpoint, m.matchId, { seatToken: token }, 'again');
        joined++;
        await c.leave();
      } catch (e) {
        refusal = e instanceof Error ? e.message : String(e);
      }
    }
    expect(joined).toBe(20);
    expect(refusal).toMatch(/^rate\/limited: /);
    // Another seat of the same match (same IP) is not affected, and a wrong token is still a wrong token.
    const other = await TestClient.join(suite.endpoint, m.matchId, { name: 'Other', state: 'drakmor' }, 'other');
    expect(await TestClient.refused(suite.endpoint, m.matchId, { seatToken: 'x'.repeat(43) })).toMatch(/^join\/unknown-token/);
    await other.leave();
  });

  it('gives a token one rejoin back every 2 s (RejoinLimiter)', () => {
    let now = 0;
    const limiter = new RejoinLimiter(3, 0.5, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 1999;
    expect(limiter.take('a')).toBe(false);
    now += 2;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });
});
