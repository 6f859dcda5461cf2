import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { ControlCommand, MatchExport } from '../../shared/index';
import { replayExport, stateHash } from '../../shared/index';
import type { Dashboard, StudentStatus } from '../../shared/debrief/classroom';
import type { DebriefData } from '../../shared/debrief/data';
import { TestClient } from './helpers/testClient';
import { startTestServer, tempDir } from './helpers/testServer';

/**
 * Classroom exercises on the server: every facilitator action is refused without the key and with a
 * wrong one; students are seated by the facilitator (several per state, with roles), moved and
 * removed; every seating action and every control command is logged and survives a restart; the
 * exports and the debrief open to players only when the match ends.
 */

let server: RunningServer;
let endpoint: string;
let dbFile: string;
let ipCounter = 0;

// Every request comes from its own address (the server trusts X-Forwarded-For here), so the per-IP
// guessing budget never turns a wrong-key refusal into a rate limit in the middle of the table.
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function boot(): Promise<void> {
  server = await startTestServer({ dbFile, env: { TRUST_PROXY: 'true' } });
  endpoint = `ws://127.0.0.1:${server.port}`;
}

beforeAll(async () => {
  dbFile = path.join(tempDir('entente-facilitator-'), 'f.sqlite');
  await boot();
});

afterAll(async () => {
  await server?.close();
});

interface Res<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

async function call<T = unknown>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
  const res = await fetch(`${server.url}${p}`, {
    method, headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp(), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

const key = (k: string) => ({ 'x-facilitator-key': k });

interface Exercise {
  matchId: string;
  code: string;
  facilitatorKey: string;
  joinPath: string;
  facilitatorPath: string;
}

async function createExercise(over: Record<string, unknown> = {}, exercise: Record<string, unknown> = {}): Promise<Exercise> {
  const r = await call<Exercise>('POST', '/api/exercises', {
    scenario: 'tutorial',
    settings: { phaseSeconds: { briefing: 0, diplomacy: 600, orders: 600, crisis: 600 }, botsFill: true, rounds: 1, ...over },
    exercise: { title: 'Period 3', ...exercise },
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
}

async function arrive(code: string, name: string): Promise<{ participant: string; token: string; matchId: string }> {
  const r = await call<{ participant: string; token: string; matchId: string }>('POST', '/api/exercises/arrive', { code, name });
  expect(r.status, r.text).toBe(201);
  return r.body;
}

const CONTROLS: [string, ControlCommand][] = [
  ['start', { type: 'start' }],
  ['pause', { type: 'pause' }],
  ['resume', { type: 'resume' }],
  ['extend the phase', { type: 'extend', seconds: 60 }],
  ['end the phase', { type: 'advancePhase' }],
  ['inject a deck event', { type: 'injectEvent', card: 'financial-shock' }],
  ['inject a custom crisis', { type: 'injectEvent', card: 'custom', text: 'A storm closes the straits.' }],
  ['broadcast', { type: 'broadcast', text: 'Five minutes left.' }],
  ['replace a seat by a bot', { type: 'setSeat', state: 'lissen', controller: 'bot' }],
  ['hand a seat back', { type: 'setSeat', state: 'lissen', controller: 'human' }],
  ['end the match', { type: 'endMatch' }],
];

describe('facilitator actions need the facilitator key', () => {
  let ex: Exercise;
  let student: { participant: string; token: string };

  beforeAll(async () => {
    ex = await createExercise();
    student = await arrive(ex.code, 'Ada');
  });

  const actions: [string, (k: Record<string, string>) => Promise<Res>][] = [
    ['read the dashboard', (h) => call('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, h)],
    ['seat a student', (h) => call('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'assign', participant: student.participant, state: 'valdoria', role: 'head' }, h)],
    ['move a student back to waiting', (h) => call('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'unassign', participant: student.participant }, h)],
    ['remove a student', (h) => call('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'remove', participant: student.participant }, h)],
    ...CONTROLS.map(([name, command]): [string, (k: Record<string, string>) => Promise<Res>] => [name, (h) => call('POST', `/api/exercises/${ex.matchId}/control`, { command }, h)]),
    ['download the JSON export before the end', (h) => call('GET', `/api/matches/${ex.matchId}/export`, undefined, h)],
    ['download the CSV before the end', (h) => call('GET', `/api/matches/${ex.matchId}/export.csv`, undefined, h)],
    ['open the debrief before the end', (h) => call('GET', `/api/matches/${ex.matchId}/debrief`, undefined, h)],
  ];

  it.each(actions)('%s: refused without the key', async (_name, act) => {
    const r = await act({});
    expect([401, 403]).toContain(r.status);
    expect((r.body as { code: string }).code).toMatch(/^(auth\/no-key|export\/not-yet)$/);
  });

  it.each(actions)('%s: refused with a wrong key', async (_name, act) => {
    const r = await act(key(`${ex.facilitatorKey.slice(0, -4)}AAAA`));
    expect(r.status).toBe(403);
    expect((r.body as { code: string }).code).toBe('auth/wrong-key');
  });

  it.each(actions)('%s: refused with the key of another match', async (_name, act) => {
    const other = await createExercise();
    const r = await act(key(other.facilitatorKey));
    expect(r.status).toBe(403);
    expect((r.body as { code: string }).code).toBe('auth/wrong-key');
  });

  it('nothing changed through all those refusals', async () => {
    const live = server.matches.get(ex.matchId)!.live;
    expect(live.seq).toBe(0);
    expect(live.state.phase).toBe('setup');
    const d = await call<Dashboard>('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, key(ex.facilitatorKey));
    expect(d.status).toBe(200);
    expect(d.body.participants).toEqual([expect.objectContaining({ name: 'Ada', state: null, role: null })]);
  });

  it('a key in the match room refuses control from anyone without it', async () => {
    const spectator = await TestClient.join(endpoint, ex.matchId, { spectator: true, code: ex.code }, 'spectator');
    expect(await spectator.control({ type: 'start' })).toMatchObject({ ok: false, code: 'auth/not-host' });
    expect(await TestClient.refused(endpoint, ex.matchId, { facilitatorKey: 'x'.repeat(43) })).toMatch(/^join\/wrong-key/);
    await spectator.leave();
  });

  it('limits guessing: ten wrong keys from one address, then even the right key waits', async () => {
    const ip = { 'x-forwarded-for': '10.200.0.1' };
    for (let i = 0; i < 10; i++) {
      const r = await call('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, { ...ip, ...key(`wrong-key-${i}-xxxxxxxxxxxxxxxx`) });
      expect(r.status).toBe(403);
    }
    const r = await call('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, { ...ip, ...key(ex.facilitatorKey) });
    expect(r.status).toBe(429);
  });
});

describe('an exercise from creation to the debrief', () => {
  let ex: Exercise;
  const students: Record<string, { participant: string; token: string }> = {};

  it('tells students before they join whether the facilitator sees everything', async () => {
    ex = await createExercise({ facilitatorSeesAll: true }, { orderRoles: ['head', 'defense'] });
    expect(ex.joinPath).toBe(`/#/join/${ex.code}`);
    expect(ex.facilitatorPath).toBe(`/#/facilitate/${ex.matchId}/${ex.facilitatorKey}`);
    const info = await call('GET', `/api/exercises/info/${ex.code.toLowerCase()}`);
    expect(info.body).toMatchObject({ matchId: ex.matchId, title: 'Period 3', facilitatorSeesAll: true, orderRoles: ['head', 'defense'] });
    expect((await call('GET', '/api/exercises/info/ZZZZZZZZ')).status).toBe(404);
  });

  it('lets students arrive with a name and refuses them a seat until the facilitator gives one', async () => {
    for (const name of ['Ada', 'Bo', 'Cy']) students[name] = await arrive(ex.code, name);
    const me = await call<StudentStatus>('GET', `/api/exercises/${ex.matchId}/me`, undefined, { 'x-participant-token': students.Ada!.token });
    expect(me.body).toMatchObject({ name: 'Ada', state: null, facilitatorSeesAll: true });
    expect(await TestClient.refused(endpoint, ex.matchId, { seatToken: students.Ada!.token })).toMatch(/^join\/not-seated/);
    // Nobody takes a free seat by themselves in an exercise, even with the code.
    expect(await TestClient.refused(endpoint, ex.matchId, { name: 'Eve', state: 'drakmor', code: ex.code })).toMatch(/^join\/exercise/);
  });

  it('seats two students as one team with roles, and a third at another state', async () => {
    const seat = (participant: string, state: string, role: string | null) =>
      call('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'assign', participant, state, role }, key(ex.facilitatorKey));
    expect((await seat(students.Ada!.participant, 'valdoria', 'head')).status).toBe(200);
    expect((await seat(students.Bo!.participant, 'valdoria', 'diplomat')).status).toBe(200);
    expect((await seat(students.Cy!.participant, 'drakmor', null)).status).toBe(200);
    expect((await seat(students.Cy!.participant, 'atlantis', null)).body).toMatchObject({ code: 'exercise/unknown-state' });
    expect((await seat('pnobody', 'drakmor', null)).body).toMatchObject({ code: 'exercise/unknown-participant' });
    const d = (await call<Dashboard>('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, key(ex.facilitatorKey))).body;
    expect(d.participants.map((p) => [p.name, p.state, p.role])).toEqual([['Ada', 'valdoria', 'head'], ['Bo', 'valdoria', 'diplomat'], ['Cy', 'drakmor', null]]);
    // An assigned seat is a person's seat: bots will not fill it at the start.
    expect(d.seats.find((s) => s.state === 'valdoria')!.controller).toBe('human');
  });

  it('lets teammates share the seat view, and only the roles the exercise names give orders', async () => {
    const ada = await TestClient.join(endpoint, ex.matchId, { seatToken: students.Ada!.token }, 'ada');
    const bo = await TestClient.join(endpoint, ex.matchId, { seatToken: students.Bo!.token }, 'bo');
    expect(ada.seat).toMatchObject({ role: 'seat', state: 'valdoria' });
    expect(bo.seat).toMatchObject({ role: 'seat', state: 'valdoria' });
    expect((await call('POST', `/api/exercises/${ex.matchId}/control`, { command: { type: 'start' } }, key(ex.facilitatorKey))).status).toBe(200);
    await ada.viewWhere((v) => v.phase === 'diplomacy');
    expect(await bo.cmd({ type: 'message', channel: 'public', text: 'The diplomat speaks.' })).toMatchObject({ ok: true });
    expect((await call('POST', `/api/exercises/${ex.matchId}/control`, { command: { type: 'advancePhase' } }, key(ex.facilitatorKey))).status).toBe(200);
    await bo.viewWhere((v) => v.phase === 'orders');
    expect(await bo.cmd({ type: 'setBudget', budget: { defense: 40, domestic: 40, investment: 20 } })).toMatchObject({ ok: false, code: 'auth/role' });
    expect(await ada.cmd({ type: 'setBudget', budget: { defense: 40, domestic: 40, investment: 20 } })).toMatchObject({ ok: true });
    const d = (await call<Dashboard>('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, key(ex.facilitatorKey))).body;
    expect(d.participants.filter((p) => p.connected).map((p) => p.name).sort()).toEqual(['Ada', 'Bo']);
    const pub = d.channels.find((c) => c.channel === 'public')!;
    expect(pub.texts?.at(-1)).toMatchObject({ from: 'valdoria', text: 'The diplomat speaks.' });
    expect(pub.count).toBe(pub.texts!.length);
    await ada.leave();

    // Moving Bo closes Bo's page: it rejoins with the same link at the new seat.
    expect((await call('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'assign', participant: students.Bo!.participant, state: 'corvania', role: 'defense' }, key(ex.facilitatorKey))).status).toBe(200);
    await bo.until(() => !bo.room.connection.isOpen || undefined, 10_000, 'the server to close the moved student');
    const moved = await TestClient.join(endpoint, ex.matchId, { seatToken: students.Bo!.token }, 'bo-moved');
    expect(moved.seat).toMatchObject({ state: 'corvania' });
    await moved.leave();

    // A removed student's link stops working.
    expect((await call('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'remove', participant: students.Cy!.participant }, key(ex.facilitatorKey))).status).toBe(200);
    expect(await TestClient.refused(endpoint, ex.matchId, { seatToken: students.Cy!.token })).toMatch(/^join\/unknown-token/);
    expect((await call('GET', `/api/exercises/${ex.matchId}/me`, undefined, { 'x-participant-token': students.Cy!.token })).status).toBe(401);
  });

  it('replaces a seat by a bot and hands it back, pauses, injects, broadcasts: all in the command log', async () => {
    const run = async (command: ControlCommand) => {
      const r = await call<{ ok: boolean; code?: string }>('POST', `/api/exercises/${ex.matchId}/control`, { command }, key(ex.facilitatorKey));
      expect(r.status, r.text).toBe(200);
    };
    await run({ type: 'setSeat', state: 'valdoria', controller: 'bot' });
    await run({ type: 'setSeat', state: 'valdoria', controller: 'human' });
    await run({ type: 'pause' });
    const paused = server.matches.get(ex.matchId)!.live.state;
    expect(paused).toMatchObject({ paused: true, deadline: null });
    await run({ type: 'resume' });
    await run({ type: 'extend', seconds: 120 });
    await run({ type: 'injectEvent', card: 'custom', text: 'A cyber attack hits the ports.' });
    await run({ type: 'broadcast', text: 'Remember the guideline.' });
    const refused = await call<{ code: string }>('POST', `/api/exercises/${ex.matchId}/control`, { command: { type: 'resume' } }, key(ex.facilitatorKey));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('phase/not-paused');
    const log = await server.store.commandsAfter(ex.matchId, 0);
    const byFacilitator = log.filter((c) => c.envelope.actor.role === 'facilitator').map((c) => c.envelope.command.type);
    expect(byFacilitator).toEqual(['setSeat', 'setSeat', 'start', 'advancePhase', 'setSeat', 'setSeat', 'pause', 'resume', 'extend', 'injectEvent', 'broadcast']);
  });

  it('keeps the roster, the roles and the log across a restart', async () => {
    const before = server.matches.get(ex.matchId)!.live.state;
    await server.close();
    await boot();
    const after = server.matches.get(ex.matchId)!.live.state;
    expect(stateHash(after)).toBe(stateHash(before));
    const d = (await call<Dashboard>('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, key(ex.facilitatorKey))).body;
    expect(d.participants.map((p) => [p.name, p.state, p.role])).toEqual([['Ada', 'valdoria', 'head'], ['Bo', 'corvania', 'defense']]);
    const bo = await TestClient.join(endpoint, ex.matchId, { seatToken: students.Bo!.token }, 'bo-after');
    expect(bo.seat).toMatchObject({ state: 'corvania' });
    await bo.leave();
    const actions = await server.store.exercises.actions(ex.matchId);
    expect(actions.map((a) => a.action.type)).toEqual(['arrive', 'arrive', 'arrive', 'assign', 'assign', 'assign', 'assign', 'remove']);
  });

  it('lets the facilitator who sees everything export live; players only after the end', async () => {
    const live = await call<MatchExport>('GET', `/api/matches/${ex.matchId}/export`, undefined, key(ex.facilitatorKey));
    expect(live.status).toBe(200);
    expect(live.headers.get('content-disposition')).toContain(`entente-${ex.matchId}.json`);
    expect((await call('GET', `/api/matches/${ex.matchId}/export`)).status).toBe(403);
    const debrief = await call<DebriefData>('GET', `/api/matches/${ex.matchId}/debrief`, undefined, key(ex.facilitatorKey));
    expect(debrief.body).toMatchObject({ ended: false, matchId: ex.matchId });
    expect(debrief.body.moments.map((m) => m.kind)).toContain('event');

    expect((await call('POST', `/api/exercises/${ex.matchId}/control`, { command: { type: 'endMatch' } }, key(ex.facilitatorKey))).status).toBe(200);
    const file = await call<MatchExport>('GET', `/api/matches/${ex.matchId}/export`);
    expect(file.status).toBe(200);
    const replayed = replayExport(file.body);
    expect(replayed.ok ? [] : replayed.errors).toEqual([]);
    if (replayed.ok) expect(stateHash(replayed.state)).toBe(stateHash(server.matches.get(ex.matchId)!.live.state));
    const csv = await call('GET', `/api/matches/${ex.matchId}/export.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toContain('round,state,name,role,output,credibility');
    const after = await call<DebriefData>('GET', `/api/matches/${ex.matchId}/debrief`);
    expect(after.body).toMatchObject({ ended: true });
    expect(after.body.moments.at(-1)?.kind).toBe('match-ended');
    // After the end, seating is over.
    const late = await call<{ code: string }>('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'unassign', participant: students.Ada!.participant }, key(ex.facilitatorKey));
    expect(late.body.code).toBe('phase/ended');
  });

  it('refuses the live export to a facilitator who does not see everything', async () => {
    const blind = await createExercise({ facilitatorSeesAll: false, fog: true, botsFill: false, rounds: 2 });
    const run = (command: ControlCommand) => call('POST', `/api/exercises/${blind.matchId}/control`, { command }, key(blind.facilitatorKey));
    for (const command of [{ type: 'start' }, { type: 'advancePhase' }, { type: 'advancePhase' }] as const) expect((await run(command)).status).toBe(200);
    expect(server.matches.get(blind.matchId)!.live.state).toMatchObject({ round: 2, phase: 'diplomacy' });
    const r = await call<{ code: string }>('GET', `/api/matches/${blind.matchId}/export`, undefined, key(blind.facilitatorKey));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('export/not-yet');
    expect((await call('GET', `/api/matches/${blind.matchId}/export.csv`, undefined, key(blind.facilitatorKey))).status).toBe(403);
    const d = await call<DebriefData>('GET', `/api/matches/${blind.matchId}/debrief`, undefined, key(blind.facilitatorKey));
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ ended: false });
    expect(d.body.history.length).toBeGreaterThan(0);
    expect(d.body.history.flatMap((h) => Object.values(h.nations).map((n) => n.units))).toEqual(expect.arrayContaining([null]));
    expect(d.body.history.flatMap((h) => Object.values(h.nations).map((n) => n.units)).filter((u) => u !== null)).toEqual([]);
  });
});

describe('a lost facilitator key', () => {
  it('is re-issued from the command line; the old key stops working', async () => {
    const ex = await createExercise();
    const r = spawnSync(path.resolve('node_modules', '.bin', 'tsx'), ['server/cli/facilitatorKey.ts', ex.code, '--url', 'http://class.example:2567'], {
      env: { ...process.env, DATABASE_URL: `sqlite://${dbFile}`, LOG_LEVEL: 'silent' }, encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const link = /http:\/\/class\.example:2567\/#\/facilitate\/(\w+)\/(\S+)/.exec(r.stdout);
    expect(link?.[1]).toBe(ex.matchId);
    const fresh = link![2]!;
    expect((await call('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, key(fresh))).status).toBe(200);
    expect((await call('GET', `/api/exercises/${ex.matchId}/dashboard`, undefined, key(ex.facilitatorKey))).status).toBe(403);
    // The room, too, now takes only the new key.
    expect(await TestClient.refused(endpoint, ex.matchId, { facilitatorKey: ex.facilitatorKey })).toMatch(/^join\/wrong-key/);
    const host = await TestClient.join(endpoint, ex.matchId, { facilitatorKey: fresh }, 'host');
    expect(host.seat).toMatchObject({ role: 'facilitator', host: true });
    await host.leave();
    // A seating action after the command line wrote to the log still goes in.
    const s = await arrive(ex.code, 'Late');
    expect((await call('POST', `/api/exercises/${ex.matchId}/seating`, { type: 'assign', participant: s.participant, state: 'lissen', role: null }, key(fresh))).status).toBe(200);
    const actions = await server.store.exercises.actions(ex.matchId);
    expect(actions.map((a) => a.action.type)).toEqual(['keyReissued', 'arrive', 'assign']);
  });
});
