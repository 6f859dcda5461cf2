import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { pairChannel } from '../../shared/index';
import { createTestDatabase, postgresAvailable } from './helpers/postgres';
import type { TestDatabase } from './helpers/postgres';
import { TestClient } from './helpers/testClient';
import { createMatch, FAST, startTestServer, tempDir } from './helpers/testServer';

/**
 * Stop the server and start a new one on the same database: matches come back under the same id
 * and code, seat tokens take their seats back with the same view, and a deadline that passed while
 * the server was down fires at once. SQLite always; PostgreSQL when a server answers.
 */
// PostgreSQL runs when a server answers at 127.0.0.1:5432 (TEST_PG_URL); otherwise it shows as skipped.
const pgOk = await postgresAvailable('server restart on PostgreSQL');

let server: RunningServer | null = null;
let database: TestDatabase | null = null;

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe.each(['sqlite', 'postgres'])('restart on the same database (%s)', (backend) => {
  const it = backend === 'postgres' && !pgOk ? test.skip : test;
  it('restores matches, codes, seats and views; overdue deadlines fire at boot', async () => {
    let databaseUrl = `sqlite://${path.join(tempDir(), 'restart.sqlite')}`;
    if (backend === 'postgres') {
      database = await createTestDatabase();
      databaseUrl = database.url;
    }
    server = await startTestServer({ databaseUrl });
    const a = await createMatch(server.url, { seed: 'restart-a', settings: { ...FAST, fog: true } });
    const b = await createMatch(server.url, { seed: 'restart-b', visibility: 'private', settings: FAST });
    let endpoint = `ws://127.0.0.1:${server.port}`;

    const val = await TestClient.join(endpoint, a.matchId, { name: 'Vera', state: 'valdoria', facilitatorKey: a.hostKey }, 'valdoria');
    const cor = await TestClient.join(endpoint, a.matchId, { name: 'Cora', state: 'corvania' }, 'corvania');
    const priv = await TestClient.join(endpoint, b.matchId, { name: 'Pat', code: b.code.toLowerCase() }, 'private');
    await val.control({ type: 'start' });
    await val.cmd({ type: 'message', channel: pairChannel('valdoria', 'corvania'), text: 'before the restart' });
    await cor.viewWhere((v) => v.messages.length === 1, 'the message');
    const before = { val: val.view!, cor: cor.view!, priv: priv.view!, seq: server.matches.get(a.matchId)!.live.seq };
    const deadline = before.val.deadline!;
    expect(before.val.phase).toBe('diplomacy');
    const tokens = { val: val.seat!.seatToken!, cor: cor.seat!.seatToken!, priv: priv.seat!.seatToken! };

    await server.close();
    server = null;
    // The rooms are gone with the server: the clients were disconnected.
    await val.until(() => val.room.connection.isOpen === false || undefined, 5000, 'disconnect');

    // 1. A new server on the same file: same ids, same code; views equal to what clients had.
    server = await startTestServer({ databaseUrl });
    endpoint = `ws://127.0.0.1:${server.port}`;
    expect(server.matches.get(a.matchId)?.live.seq).toBe(before.seq);
    const join = await fetch(`${server.url}/api/join/${b.code}`);
    expect(await join.json()).toEqual({ matchId: b.matchId });
    const listed = (await (await fetch(`${server.url}/api/matches`)).json()) as { matchId: string }[];
    expect(listed.map((m) => m.matchId)).toEqual([a.matchId]);

    const val2 = await TestClient.join(endpoint, a.matchId, { seatToken: tokens.val }, 'valdoria again');
    const cor2 = await TestClient.join(endpoint, a.matchId, { seatToken: tokens.cor }, 'corvania again');
    const priv2 = await TestClient.join(endpoint, b.matchId, { seatToken: tokens.priv }, 'private again');
    await Promise.all([val2, cor2, priv2].map((c) => c.viewWhere(() => true, 'a view')));
    expect(val2.seat).toMatchObject({ role: 'seat', state: 'valdoria', seatToken: tokens.val, host: false });
    expect(cor2.seat).toMatchObject({ role: 'seat', state: 'corvania' });
    expect(val2.view).toEqual(before.val);
    expect(cor2.view).toEqual(before.cor);
    expect(priv2.view).toEqual(before.priv);
    expect(val2.version).toBe(before.seq);

    // The seat stays held: nobody else takes it by name.
    expect(await TestClient.refused(endpoint, a.matchId, { name: 'Intruder', state: 'valdoria' })).toMatch(/^join\/seat-taken/);
    // Commands work after the restart and continue the same log.
    expect(await cor2.cmd({ type: 'ready', ready: true })).toEqual({ ok: true, logSeq: before.seq + 1 });
    for (const c of [val, cor, priv, val2, cor2, priv2]) await c.leave();
    await server.close();
    server = null;

    // 2. Down past the diplomacy deadline: on boot the phase advances at once, as a logged system command.
    const later = deadline - Date.now() + 5_000;
    server = await startTestServer({ databaseUrl, now: () => Date.now() + later });
    const live = server.matches.get(a.matchId)!.live;
    await new Promise<void>((resolve) => {
      if (live.state.phase === 'orders') resolve();
      else live.onCommit(() => live.state.phase === 'orders' && resolve());
    });
    expect(live.state.phase).toBe('orders');
    const log = await server.store.commandsAfter(a.matchId, before.seq + 1);
    expect(log[0]?.envelope).toMatchObject({ actor: { role: 'system' }, command: { type: 'advancePhase' } });
    expect(live.state.deadline).toBeGreaterThan(Date.now() + later);
    await server.close();
    server = null;
    await database?.drop();
    database = null;
  });
});
