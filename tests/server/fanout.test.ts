import { describe, expect, it } from 'vitest';
import { FlushScheduler } from '../../server/rooms/flushScheduler';
import { decodePatch } from '../../shared/index';
import { statesBySeq, wireView } from './helpers/replay';
import { TestClient } from './helpers/testClient';
import { createMatch, FAST, serveForSuite } from './helpers/testServer';

/** The order views and acks go out in, and how patches to other clients are coalesced. */
const suite = serveForSuite();

describe('view fan-out', () => {
  it('sends the sender its patch before its ack, and others one patch for a burst of commits', async () => {
    const m = await createMatch(suite.server.url, { seed: 'fanout-order', settings: FAST });
    const a = await TestClient.join(suite.endpoint, m.matchId, { name: 'Ada', state: 'valdoria', facilitatorKey: m.hostKey }, 'a');
    const b = await TestClient.join(suite.endpoint, m.matchId, { name: 'Bo', state: 'lissen' }, 'b');
    expect((await a.control({ type: 'start' })).ok).toBe(true);
    await b.viewWhere((v) => v.phase === 'diplomacy', 'diplomacy');
    const bPatchesBefore = b.messages.filter((x) => x.type === 'patch').length;
    const answers = await Promise.all([1, 2, 3, 4].map((i) => a.cmd({ type: 'message', channel: 'public', text: `burst ${i}` })));
    for (const ans of answers) expect(ans.ok).toBe(true);
    // 1. Every ack comes after a patch (or full view) that already shows its command.
    let seen = -1;
    for (const msg of a.messages) {
      if (msg.type === 'patch') seen = decodePatch(msg.message)!.version;
      if (msg.type === 'view') seen = (msg.message as { version: number }).version;
      if (msg.type === 'ack') {
        const { logSeq } = msg.message as { logSeq: number };
        expect(seen, `ack of log ${logSeq}`).toBeGreaterThanOrEqual(logSeq);
      }
    }
    // 2. The other client gets the burst in fewer patches than commits, and ends on the exact view.
    const last = Math.max(...answers.map((x) => (x.ok ? x.logSeq : 0)));
    await b.until(() => b.version >= last || undefined, 3000, 'the burst');
    expect(b.messages.filter((x) => x.type === 'patch').length - bPatchesBefore).toBeLessThan(4);
    const tutorial = suite.server.scenarios.get('tutorial')!;
    const states = await statesBySeq(suite.server.store, m.matchId, tutorial);
    expect(b.view).toEqual(wireView(tutorial, states[b.version]!, { role: 'seat', state: 'lissen' }));
    expect(b.problems).toEqual([]);
    await a.leave();
    await b.leave();
  });
});

describe('flush scheduler', () => {
  it('runs each queued task once, and leaves what exceeds a slice for the next turn', async () => {
    const s = new FlushScheduler(5);
    const ran: string[] = [];
    const slow = (name: string) => () => {
      ran.push(name);
      const t0 = performance.now();
      while (performance.now() - t0 < 6) { /* busy */ }
    };
    const t1 = slow('one');
    const t2 = slow('two');
    s.request(t1);
    s.request(t1);
    s.request(t2);
    await new Promise((r) => setImmediate(r));
    expect(ran).toEqual(['one']);
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['one', 'two']);
  });
});
