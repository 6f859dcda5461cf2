import { describe, expect, it } from 'vitest';
import type { MyMatch } from '../../shared/index';
import { TestClient } from './helpers/testClient';
import { createMatch, FAST, serveForSuite } from './helpers/testServer';

/** Long matches: the lobby asks where each of a browser's matches stands and what waits on the player. */
const suite = serveForSuite();

const ask = async (seats: unknown[]): Promise<{ status: number; body: MyMatch[] }> => {
  const res = await fetch(`${suite.server.url}/api/me/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats }) });
  return { status: res.status, body: (await res.json()) as MyMatch[] };
};

describe('POST /api/me/matches', () => {
  it('tells a player where the match stands, until when, and what waits on them', async () => {
    const m = await createMatch(suite.server.url, { seed: 'mine', settings: { ...FAST, phaseSeconds: { briefing: 0, diplomacy: 86_400, orders: 86_400, crisis: 3_600 } } });
    const ada = await TestClient.join(suite.endpoint, m.matchId, { name: 'Ada', state: 'valdoria', facilitatorKey: m.hostKey }, 'ada');
    const bo = await TestClient.join(suite.endpoint, m.matchId, { name: 'Bo', state: 'drakmor' }, 'bo');
    const before = Date.now();
    expect((await ada.control({ type: 'start' })).ok).toBe(true);
    expect((await ada.cmd({ type: 'propose', terms: { kind: 'trade', members: ['valdoria', 'drakmor'] } })).ok).toBe(true);
    expect((await ada.cmd({ type: 'message', channel: 'pair:drakmor:valdoria', text: 'Trade with us?' })).ok).toBe(true);
    const r = await ask([
      { matchId: m.matchId, token: bo.seat!.seatToken!, since: before },
      { matchId: 'mnosuchmatch000', token: 'x'.repeat(43) },
      { matchId: m.matchId, token: 'y'.repeat(43) },
    ]);
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({
      matchId: m.matchId, status: 'running', state: 'drakmor', phase: 'diplomacy', round: 1, ready: false, newMessages: 1,
      waiting: ['answer 1 treaty proposal', 'say you are ready when diplomacy is done'],
    });
    expect(r.body[0]!.deadline).toBeGreaterThan(Date.now() + 86_000_000);
    expect(r.body[1]).toEqual({ matchId: 'mnosuchmatch000', status: 'gone' });
    expect(r.body[2]).toEqual({ matchId: m.matchId, status: 'refused' });
    // Ada wrote the message: it is not news to her.
    expect((await ask([{ matchId: m.matchId, token: ada.seat!.seatToken!, since: before }])).body[0]).toMatchObject({ state: 'valdoria', newMessages: 0 });
    await ada.leave();
    await bo.leave();
  });

  it('refuses a malformed body', async () => {
    const res = await fetch(`${suite.server.url}/api/me/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: 'all' }) });
    expect(res.status).toBe(400);
  });
});
