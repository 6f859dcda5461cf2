import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, PlayerView, Scenario, Viewer } from '../../shared';
import { boardOf, createMatch, DEFAULT_SETTINGS, DeterrenceReader, loadScenarioJson, view, ViewMemo } from '../../shared';
import { playBotMatch } from './helpers/botMatch';
import type { Applied } from './helpers/randomCommands';
import { matchPlanArb, playPlan, settingsArb } from './helpers/randomCommands';

/**
 * ViewMemo's contract, which the server's fan-out relies on: `memo.of(state, viewer)` is exactly `view(...)`, and
 * every part of it whose inputs in the state are the same objects as at this viewer's previous `of` is the very same
 * object as in that previous view. Checked over random matches and bot matches on both scenarios, with and without
 * fog and an omniscient facilitator, for every seat, the facilitator and a spectator; and the deterrence a view shows
 * is checked against a fresh DeterrenceReader, so the shared caches behind it cannot go stale unseen.
 */

const SCENARIO_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));
function load(name: string): Scenario {
  const r = loadScenarioJson(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const RUNS_SCALE = Number(process.env.FC_RUNS ?? 0);
const runs = (n: number): number => (RUNS_SCALE > 0 ? RUNS_SCALE : n);

function viewersOf(scenario: Scenario): Viewer[] {
  return [
    ...boardOf(scenario).stateIds.map((state) => ({ role: 'seat' as const, state })),
    { role: 'facilitator' as const },
    { role: 'spectator' as const },
  ];
}

const key = (v: Viewer): string => (v.role === 'seat' ? v.state : v.role);

type Same = (a: GameState, b: GameState, me: string | null) => boolean;
const is = (...parts: Array<keyof GameState>): Same => (a, b) => parts.every((p) => a[p] === b[p]);

/** Which parts of a view must keep their identity when which parts of the state kept theirs. */
const PROMISES: Array<[keyof PlayerView, Same]> = [
  ['settings', is('settings')],
  ['regions', is('regions', 'nations', 'interop', 'treaties')],
  ['nations', is('nations')],
  ['seats', is('seats')],
  ['treaties', is('treaties')],
  ['votes', is('votes', 'treaties')],
  ['interop', is('interop')],
  ['crises', is('crises')],
  ['messages', is('messages', 'treaties', 'nations')],
  ['report', is('report')],
  ['lastReport', is('lastReport')],
  ['scores', is('scores')],
  ['winners', is('winners')],
  ['own', (a, b, me) => me !== null && a.orders[me] === b.orders[me] && is('nations', 'regions', 'treaties')(a, b, me)],
  ['publicObjectives', () => true],
];

/** Deterrence as view.ts computed it before any cache: from the viewer's own cut of the regions. */
function freshDeterrence(scenario: Scenario, s: GameState, v: PlayerView): Record<string, number | null> {
  const b = boardOf(scenario);
  const active = Object.fromEntries(Object.entries(s.treaties).filter(([, t]) => t.status === 'active'));
  const reader = new DeterrenceReader(b, { regions: v.regions, nations: v.nations, treaties: active, interop: s.interop });
  const out: Record<string, number | null> = {};
  for (const rid of b.regionIds) out[rid] = v.regions[rid]!.units === null ? null : (reader.of(rid)?.index ?? null);
  return out;
}

const PRESS = new Set(['message', 'declare', 'broadcast']);

class Checker {
  readonly memo: ViewMemo;
  private readonly last = new Map<string, { state: GameState; view: PlayerView }>();
  kept = 0;
  keptRegionsAfterPress = 0;

  constructor(private readonly scenario: Scenario, readonly viewers: Viewer[]) {
    this.memo = new ViewMemo(scenario);
  }

  look(x: Applied, viewer: Viewer): void {
    const s = x.after;
    const got = this.memo.of(s, viewer);
    const want = view(this.scenario, s, viewer);
    const where = `${JSON.stringify(viewer)} after #${x.index} ${JSON.stringify(x.env.command)}`;
    if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, where).toEqual(want);
    const fresh = freshDeterrence(this.scenario, s, got);
    for (const [rid, d] of Object.entries(fresh)) if (got.regions[rid]!.deterrence !== d) expect(got.regions[rid]!.deterrence, `${where}: deterrence of ${rid}`).toBe(d);
    const me = viewer.role === 'seat' ? viewer.state : null;
    const prev = this.last.get(key(viewer));
    if (prev) {
      for (const [part, same] of PROMISES) {
        if (!same(prev.state, s, me)) continue;
        if (got[part] !== prev.view[part]) throw new Error(`${where}: ${part} was rebuilt though its inputs did not change`);
        this.kept++;
        if (part === 'regions' && PRESS.has(x.env.command.type) && prev.state === x.before) this.keptRegionsAfterPress++;
      }
    }
    this.last.set(key(viewer), { state: s, view: got });
  }

  /**
   * Every viewer at a round's end, and before and after each message; two rotating viewers after other commands, so
   * that views are also skipped.
   */
  step(x: Applied): void {
    if (!x.result.ok) return;
    const closed = x.result.events.some((e) => e.kind === 'round/started' || e.kind === 'match/ended');
    const press = PRESS.has(x.env.command.type);
    if (press) for (const v of this.viewers) this.look({ ...x, after: x.before }, v);
    const n = this.viewers.length;
    const who = closed || press ? this.viewers : [this.viewers[x.index % n]!, this.viewers[(x.index * 7 + 3) % n]!];
    for (const v of who) this.look(x, v);
  }
}

describe.each(['tutorial', 'standard'] as const)('ViewMemo on %s', (name) => {
  const scenario = load(name);
  const viewers = viewersOf(scenario);

  it.each([
    { fog: false, facilitatorSeesAll: false },
    { fog: false, facilitatorSeesAll: true },
    { fog: true, facilitatorSeesAll: false },
    { fog: true, facilitatorSeesAll: true },
  ])('over random matches with %o, of() deep-equals view() and keeps every part whose inputs kept theirs', (fixed) => {
    let kept = 0;
    const plans = matchPlanArb({ minSteps: 60, maxSteps: 220, settings: settingsArb().map((s) => ({ ...s, ...fixed })) });
    fc.assert(fc.property(plans, (plan) => {
      const checker = new Checker(scenario, viewers);
      playPlan(scenario, plan, { onCommand: (x) => checker.step(x) });
      kept += checker.kept;
    }), { numRuns: runs(name === 'tutorial' ? 5 : 3) });
    expect(kept).toBeGreaterThan(0);
  }, 60_000);

  it.each([false, true])('over a bot match (fog %s), the same holds, and a message leaves every viewer its regions', (fog) => {
    const checker = new Checker(scenario, viewers);
    playBotMatch(scenario, `memo-${name}`, (x) => checker.step(x), { rounds: 5, settings: { fog } });
    expect(checker.keptRegionsAfterPress).toBeGreaterThan(0);
  }, 60_000);
});

describe('ViewMemo after a failed build', () => {
  it('remembers nothing of it: asking again fails again, and a good viewer is unaffected', () => {
    const scenario = load('tutorial');
    const s = createMatch(scenario, DEFAULT_SETTINGS, 'memo-failed-build');
    const memo = new ViewMemo(scenario);
    const nobody: Viewer = { role: 'seat', state: 'no-such-state' };
    expect(() => memo.of(s, nobody)).toThrow();
    expect(() => memo.of(s, nobody)).toThrow();
    const seat: Viewer = { role: 'seat', state: scenario.states[0]!.id };
    expect(memo.of(s, seat)).toEqual(view(scenario, s, seat));
  });
});
