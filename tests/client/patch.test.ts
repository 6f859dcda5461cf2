import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideBot } from '../../shared/bots/index';
import type { GameState } from '../../shared/state';
import type { PatchOp } from '../../shared/patch';
import { diff, OP_COPY, OP_PUSH, patch } from '../../shared/patch';
import type { PlayerView, Viewer } from '../../shared/view';
import { view } from '../../shared/view';
import { scenario, Table } from './fixtures';

/** What the wire does to a value: msgpack keeps what JSON keeps for the values views hold (checked below). */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(null, true, false, 0, 1, -2.5), fc.string({ maxLength: 4 }), tie('arr'), tie('obj')),
  arr: fc.array(tie('value'), { maxLength: 5 }),
  obj: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), tie('value'), { maxKeys: 5 }),
})).value;

/** A changed copy of `v` that keeps some of its subtrees (by identity), as consecutive views do. */
type Rand = (lo: number, hi: number) => number;

function rand(seed: number): Rand {
  let x = seed | 0 || 1;
  return (lo, hi) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return lo + (Math.abs(x) % (hi - lo + 1));
  };
}

function mutate(v: unknown, r: Rand): unknown {
  const roll = r(0, 9);
  if (roll < 4) return v;
  if (Array.isArray(v)) {
    const out = v.map((x) => mutate(x, r));
    if (roll === 5) out.push(r(0, 9));
    if (roll === 6 && out.length) out.splice(r(0, out.length - 1), 1);
    return out;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (roll !== 6 || k !== 'a') out[k] = mutate(x, r);
    if (roll === 5) out.e = r(0, 9);
    return out;
  }
  return roll === 9 ? [v] : roll === 8 ? r(0, 3) : v;
}

describe('patch and diff', () => {
  it('patch(a, diff(a, b)) is b, a is untouched, and the ops survive the wire', () => {
    fc.assert(fc.property(json, json, fc.boolean(), fc.integer(), (a, other, related, seed) => {
      const b = related ? mutate(a, rand(seed)) : other;
      const before = JSON.stringify(a);
      const ops = wire(diff(a, b));
      expect(patch(a, ops)).toEqual(b);
      expect(JSON.stringify(a)).toBe(before);
    }), { numRuns: 500 });
  });

  it('never walks into or sends subtrees shared by both sides', () => {
    const shared = { big: Array.from({ length: 50 }, (_, i) => ({ i })) };
    const a = { x: 1, s: shared };
    expect(diff(a, { x: 2, s: shared })).toEqual([[0, ['x'], 2]]);
    expect(diff(a, a)).toEqual([]);
  });

  it('appends, drops a few items, and sets an object whole when most of it changed', () => {
    expect(diff({ m: [1, 2, 3] }, { m: [1, 2, 3, 4] })).toEqual([[OP_PUSH, ['m'], [4]]]);
    const msg = (i: number): { from: string; text: string } => ({ from: 'valdoria', text: `message number ${i}` });
    const window = [msg(1), msg(2), msg(3), msg(4)];
    const moved = [window[0], window[2], window[3], msg(5)];
    const dropped = diff({ m: window }, { m: moved });
    expect(patch({ m: window }, dropped)).toEqual({ m: moved });
    expect(dropped).toEqual([[1, ['m', 1]], [OP_PUSH, ['m'], [msg(5)]]]);
    const nation = { output: 100.5, technology: 1.25, credibility: 50.5, publicSupport: 60.25 };
    const next = { output: 101.5, technology: 1.5, credibility: 51.5, publicSupport: 61.25 };
    expect(diff({ nations: { aa: nation } }, { nations: { aa: next } })).toEqual([[0, ['nations', 'aa'], next]]);
  });

  it('carries a report into lastReport by copy, sending only the new events', () => {
    const e1 = { kind: 'round/started', round: 1 };
    const e2 = { kind: 'combat', round: 1 };
    const e3 = { kind: 'round/started', round: 2 };
    const a = { report: [e1], lastReport: [] as unknown[] };
    const b = { report: [e3], lastReport: [e1, e2] };
    const ops = diff(a, b, { carry: [['report', 'lastReport']] });
    expect(ops[0]).toEqual([OP_COPY, ['report'], ['lastReport']]);
    expect(JSON.stringify(ops)).not.toContain('"round/started",round":1');
    const out = patch(wire(a), wire(ops));
    expect(out).toEqual(b);
    // The copy and the push did not write into the client's old report.
    expect(a.report).toEqual([e1]);
  });

  it('shares what did not change with the previous document', () => {
    const a = { x: { y: 1 }, z: { w: [1] } };
    const out = patch(a, [[0, ['x', 'y'], 2]] satisfies PatchOp[]);
    expect(out).toEqual({ x: { y: 2 }, z: { w: [1] } });
    expect(out.z).toBe(a.z);
    expect(a.x.y).toBe(1);
  });
});

describe('views of a played match through diff and patch', () => {
  const sc = scenario('standard');
  const viewers: Viewer[] = [{ role: 'seat', state: sc.states[0]!.id }, { role: 'seat', state: sc.states[3]!.id }, { role: 'spectator' }, { role: 'facilitator' }];

  function play(): GameState[] {
    const t = new Table(sc, { fog: true, rounds: 3, phaseSeconds: { briefing: 0 } });
    t.control({ type: 'start' });
    const states = [t.state];
    for (let step = 0; step < 200 && t.state.phase !== 'ended'; step++) {
      const { phase, round } = t.state;
      for (const st of sc.states) {
        const cmds = decideBot(sc, view(sc, t.state, { role: 'seat', state: st.id }), 'guardian', `patch-test/${round}/${phase}/${st.id}`);
        for (const c of cmds) {
          try {
            t.seat(st.id, c);
            states.push(t.state);
          } catch {
            // a bot's command the state no longer allows
          }
        }
      }
      if (t.state.phase === phase && t.state.round === round) {
        t.control({ type: 'advancePhase' });
        states.push(t.state);
      }
    }
    return states;
  }

  const states = play();

  it('views hold only what msgpack and JSON carry alike (no undefined, no NaN)', () => {
    const bad = (v: unknown, at: string): string | null => {
      if (v === undefined) return at;
      if (typeof v === 'number' && !Number.isFinite(v)) return at;
      if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          const r = bad(x, `${at}.${k}`);
          if (r) return r;
        }
      }
      return null;
    };
    for (const s of states.filter((_, i) => i % 5 === 0)) for (const v of viewers) expect(bad(view(sc, s, v), 'view')).toBeNull();
  });

  it('every step patches the client to the new view; a round end sends no event twice', () => {
    expect(states[states.length - 1]!.phase).toBe('ended');
    for (const v of viewers) {
      let held: PlayerView = wire(view(sc, states[0]!, v));
      let prev = view(sc, states[0]!, v);
      for (const s of states.slice(1)) {
        const next = view(sc, s, v);
        const ops = wire(diff(prev, next, { carry: [['report', 'lastReport']] }));
        held = patch(held, ops);
        expect(held).toEqual(wire(next));
        if (next.round > prev.round && prev.report.length > 0) {
          expect(ops.some((o) => o[0] === OP_COPY)).toBe(true);
          const sent = JSON.stringify(ops);
          for (const e of prev.report) expect(sent.includes(JSON.stringify(e))).toBe(false);
        }
        prev = next;
      }
    }
  });
});
