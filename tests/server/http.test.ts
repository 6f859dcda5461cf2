import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Scenario } from '../../shared/index';
import { startTestServer, tempDir } from './helpers/testServer';

/** The HTTP side: health, scenarios without secrets, the built client, JSON errors. */
let server: RunningServer;

beforeAll(async () => {
  const dist = tempDir('entente-dist-');
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Entente</title>');
  fs.mkdirSync(path.join(dist, 'scenarios'));
  fs.copyFileSync(path.resolve('assets/scenarios/standard.json'), path.join(dist, 'scenarios', 'standard.json'));
  server = await startTestServer({ env: { STATIC_DIR: dist } });
});

afterAll(async () => {
  await server?.close();
});

const get = (p: string) => fetch(`${server.url}${p}`);

describe('HTTP', () => {
  it('answers /health', async () => {
    expect(await (await get('/health')).json()).toMatchObject({ ok: true, store: 'sqlite', matches: 0 });
  });

  it('lists scenarios and serves one without secret objectives', async () => {
    const list = (await (await get('/api/scenarios')).json()) as { id: string; states: number }[];
    expect(list.map((s) => s.id).sort()).toEqual(['standard', 'tutorial']);
    expect(list.find((s) => s.id === 'tutorial')).toMatchObject({ states: 4, regions: 16, rounds: 8 });
    const full = server.scenarios.get('standard')!;
    const secrets = full.states.flatMap((s) => s.objectives.filter((o) => o.secret));
    expect(secrets.length).toBeGreaterThan(0);
    const served = (await (await get('/api/scenarios/standard')).json()) as Scenario;
    expect(served.states.flatMap((s) => s.objectives).filter((o) => o.secret)).toEqual([]);
    expect(served.regions).toEqual(full.regions);
    expect(await (await get('/api/scenarios/nowhere')).json()).toMatchObject({ code: 'scenario/unknown' });
  });

  it('serves the built client, its routes, and never the raw scenario files', async () => {
    expect(await (await get('/')).text()).toContain('<title>Entente</title>');
    expect(await (await get('/join/ABCD2345')).text()).toContain('<title>Entente</title>');
    const raw = await get('/scenarios/standard.json');
    expect(raw.status).toBe(404);
    const api = await get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'http/not-found' });
  });
});
