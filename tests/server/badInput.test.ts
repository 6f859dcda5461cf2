import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { pairChannel, stateHash } from '../../shared/index';
import { TestClient } from './helpers/testClient';
import { createMatch, FAST, startTestServer } from './helpers/testServer';

/**
 * Bad input is answered with an `error` to that client alone, and changes nothing: malformed,
 * unknown, illegal, out of phase, not allowed. Oversized frames close the connection.
 */
let server: RunningServer;
let endpoint: string;
let matchId: string;
const c: Record<'host' | 'player' | 'watcher' | 'other', TestClient> = {} as never;

beforeAll(async () => {
  server = await startTestServer();
  endpoint = `ws://127.0.0.1:${server.port}`;
  const m = await createMatch(server.url, { seed: 'bad-input', settings: { ...FAST, press: 'full' } });
  matchId = m.matchId;
  c.host = await TestClient.join(endpoint, matchId, { name: 'Host', state: 'valdoria', facilitatorKey: m.hostKey }, 'host');
  c.player = await TestClient.join(endpoint, matchId, { name: 'Player', state: 'corvania' }, 'player');
  c.other = await TestClient.join(endpoint, matchId, { name: 'Other', state: 'lissen' }, 'other');
  c.watcher = await TestClient.join(endpoint, matchId, { spectator: true }, 'watcher');
  expect((await c.host.control({ type: 'start' })).ok).toBe(true);
  const live = server.matches.get(matchId)!.live;
  for (const x of Object.values(c)) await x.until(() => x.version === live.seq || undefined, 5000, 'the latest view');
});

afterAll(async () => {
  for (const x of Object.values(c)) await x.leave();
  await server?.close();
});

type Row = [name: string, who: keyof typeof c, type: string, payload: Record<string, unknown>, code: RegExp];

const rows: Row[] = [
  ['malformed: the command is not an object', 'player', 'cmd', { command: 'ready' }, /^message\/invalid$/],
  ['malformed: no command', 'player', 'cmd', {}, /^message\/invalid$/],
  ['malformed: a command type nobody knows', 'player', 'cmd', { command: { type: 'nuke', target: 'everyone' } }, /^message\/invalid$/],
  ['malformed: a field of the wrong type', 'player', 'cmd', { command: { type: 'ready', ready: 'yes' } }, /^message\/invalid$/],
  ['malformed: a message too long', 'player', 'cmd', { command: { type: 'message', channel: 'public', text: 'x'.repeat(1001) } }, /^message\/invalid$/],
  ['malformed: resync with fields', 'player', 'resync', { extra: true }, /^message\/invalid$/],
  ['unknown message type', 'player', 'launch', { missiles: 3 }, /^message\/unknown-type$/],
  ['out of phase: a budget in diplomacy', 'player', 'cmd', { command: { type: 'setBudget', budget: { defense: 30, domestic: 40, investment: 30 } } }, /^phase\/wrong$/],
  ['out of phase: a crisis choice in diplomacy', 'player', 'cmd', { command: { type: 'crisisChoice', crisis: 'crisis-1', choice: 'honor', units: 1 } }, /^phase\/wrong$/],
  ['illegal: answer a treaty that does not exist', 'player', 'cmd', { command: { type: 'respond', treaty: 'treaty-404', accept: true } }, /^treaty\/unknown$/],
  ['illegal: write in a channel it is not in', 'player', 'cmd', { command: { type: 'message', channel: pairChannel('valdoria', 'lissen'), text: 'hello' } }, /^press\/not-member$/],
  ['illegal: propose a treaty with an unknown state', 'player', 'cmd', { command: { type: 'propose', terms: { kind: 'trade', members: ['corvania', 'atlantis'] } } }, /^treaty\//],
  ['not allowed: a spectator sends a command', 'watcher', 'cmd', { command: { type: 'ready', ready: true } }, /^auth\/not-seated$/],
  ['not allowed: a player sends a control command', 'player', 'control', { command: { type: 'endMatch' } }, /^auth\/not-host$/],
  ['illegal control: start a started match', 'host', 'control', { command: { type: 'start' } }, /^phase\/started$/],
  ['illegal control: resume a running match', 'host', 'control', { command: { type: 'resume' } }, /^phase\/not-paused$/],
];

describe('bad input', () => {
  it.each(rows)('%s → error, nothing changes', async (_name, who, type, payload, code) => {
    const live = server.matches.get(matchId)!.live;
    const before = { seq: live.seq, hash: stateHash(live.state), views: Object.values(c).map((x) => x.version) };
    const answer = await c[who].raw(type, payload);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.code).toMatch(code);
    // Give any stray broadcast a moment to arrive, then check nothing moved.
    await new Promise((r) => setTimeout(r, 30));
    expect({ seq: live.seq, hash: stateHash(live.state), views: Object.values(c).map((x) => x.version) }).toEqual(before);
    expect(c[who].room.connection.isOpen).toBe(true);
  });

  it('answers only the sender', () => {
    const errors = (x: TestClient) => x.messages.filter((m) => m.type === 'error').length;
    expect(errors(c.other)).toBe(0);
    expect(errors(c.host)).toBe(2);
    expect(errors(c.watcher)).toBe(1);
  });

  it('rate-limits chat per client with an error, and orders keep flowing', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => c.other.cmd({ type: 'message', channel: 'public', text: `hi ${i}` })));
    const limited = answers.filter((a) => !a.ok && a.code === 'rate/limited').length;
    expect(limited).toBeGreaterThan(0);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThan(0);
    expect((await c.other.cmd({ type: 'ready', ready: true })).ok).toBe(true);
  });

  it('closes a connection that sends a frame over 16 KiB, and nothing changes', async () => {
    const live = server.matches.get(matchId)!.live;
    const before = live.seq;
    const victim = await TestClient.join(endpoint, matchId, { spectator: true }, 'big');
    const closed = new Promise<number>((resolve) => victim.room.onLeave((code) => resolve(code)));
    victim.send('cmd', { seq: 1, command: { type: 'message', channel: 'public', text: 'x'.repeat(17 * 1024) } });
    expect(await closed).toBe(4413);
    expect(live.seq).toBe(before);
  });
});
