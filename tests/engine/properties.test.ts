import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandEnvelope, GameEvent, GameState, PlayerView, Scenario, Viewer } from '../../shared';
import {
  boardOf, channelMembers, CommandEnvelopeSchema, ControlCommandSchema, GameEventSchema, GameStateSchema, loadScenarioJson, PlayerViewSchema,
  replayLog, SeatCommandSchema, stateHash, treatyParties, view, visibleRegions,
} from '../../shared';
import { stableStringify } from '../../shared/hash';
import type { Applied, MatchPlan } from './helpers/randomCommands';
import { matchPlanArb, playPlan, replay } from './helpers/randomCommands';

/**
 * Properties of the rules engine over random command sequences on the shipped scenarios (STYLE.md §7):
 * (a) the invariants of GAME.md §4 hold in every reachable state, (b) a refused command changes nothing,
 * (c) the same scenario, settings, seed and log always give the same states and events, (d) views never leak,
 * (e) commands, events, views and states survive JSON and their zod schemas.
 *
 * Runs are few and matches short-ish so the file stays well under a minute on two cores; set FC_RUNS to run more
 * (e.g. FC_RUNS=200 npx vitest run tests/engine/properties.test.ts) and FC_SEED to replay a reported failure.
 */

const SCENARIO_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));

function load(name: string): Scenario {
  const r = loadScenarioJson(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(`${name}.json is invalid:\n${r.errors.join('\n')}`);
  return r.scenario;
}

const RUNS_SCALE = Number(process.env.FC_RUNS ?? 0);
const runs = (n: number): number => (RUNS_SCALE > 0 ? RUNS_SCALE : n);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = (numRuns: number): fc.Parameters<[MatchPlan]> => ({ numRuns: runs(numRuns), ...(SEED === undefined ? {} : { seed: SEED }) });
/** Per test: generous for a busy CI machine, and unbounded in practice when FC_RUNS asks for a long hunt. */
const TIMEOUT = RUNS_SCALE > 0 ? 3_600_000 : 60_000;

/** Per scenario: how many random matches each property plays, and how long their step lists may be. */
const SIZES = {
  tutorial: { runs: 16, minSteps: 60, maxSteps: 260 },
  standard: { runs: 8, minSteps: 80, maxSteps: 320 },
} as const;

// ---------------------------------------------------------------------------------------------------------------
// (a) invariants
// ---------------------------------------------------------------------------------------------------------------

function unitsByState(s: GameState): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of Object.values(s.regions)) for (const [st, n] of Object.entries(r.units)) out.set(st, (out.get(st) ?? 0) + n);
  return out;
}

/** Units a command's events account for, per state: + recruited, − demobilized, − combat losses, − disbanded. */
function accountedChange(events: readonly GameEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (st: string, n: number): void => {
    out.set(st, (out.get(st) ?? 0) + n);
  };
  for (const e of events) {
    if (e.kind === 'units/recruited') add(e.state, e.units);
    else if (e.kind === 'units/demobilized') add(e.state, -e.units);
    else if (e.kind === 'units/disbanded') add(e.state, -e.units);
    else if (e.kind === 'combat') for (const [st, n] of Object.entries(e.losses)) add(st, -n);
  }
  return out;
}

const inRange = (x: number, lo: number, hi: number): boolean => Number.isFinite(x) && x >= lo && x <= hi;

/** Every GAME.md §4 invariant of one accepted step; returns the faults found, one line each. */
function invariantFaults(scenario: Scenario, x: Applied): string[] {
  const faults: string[] = [];
  if (!x.result.ok) return faults;
  const s = x.after;
  const b = boardOf(scenario);
  const states = new Set(b.stateIds);
  // Units never negative, whole, held by real states in real regions.
  for (const rid of b.regionIds) {
    const r = s.regions[rid];
    if (!r) {
      faults.push(`region ${rid} missing`);
      continue;
    }
    if (r.owner !== null && !states.has(r.owner)) faults.push(`region ${rid} owned by unknown ${r.owner}`);
    for (const [st, n] of Object.entries(r.units)) {
      if (!states.has(st)) faults.push(`units of unknown state ${st} in ${rid}`);
      if (!Number.isInteger(n) || n < 0) faults.push(`units ${st}@${rid} = ${n}`);
    }
  }
  if (Object.keys(s.regions).length !== b.regionIds.length) faults.push('region set changed');
  // Units conserved except through recruitment, demobilization, combat losses and disbanding.
  const before = unitsByState(x.before);
  const after = unitsByState(s);
  const accounted = accountedChange(x.result.events);
  for (const st of states) {
    const delta = (after.get(st) ?? 0) - (before.get(st) ?? 0);
    const expected = accounted.get(st) ?? 0;
    if (delta !== expected) faults.push(`units of ${st} changed by ${delta}, events account for ${expected} (${x.env.command.type})`);
  }
  // Output never negative; values in range; budgets of whole points summing to 100.
  const budgetOk = (bud: { defense: number; domestic: number; investment: number } | null): boolean =>
    bud === null || ([bud.defense, bud.domestic, bud.investment].every((v) => Number.isInteger(v) && inRange(v, 0, 100)) && bud.defense + bud.domestic + bud.investment === 100);
  for (const st of states) {
    const n = s.nations[st];
    if (!n) {
      faults.push(`nation ${st} missing`);
      continue;
    }
    if (!Number.isInteger(n.output) || n.output < 0) faults.push(`output of ${st} = ${n.output}`);
    if (!Number.isInteger(n.core) || n.core < 0) faults.push(`core of ${st} = ${n.core}`);
    if (!inRange(n.credibility, 0, 100)) faults.push(`credibility of ${st} = ${n.credibility}`);
    if (!inRange(n.publicSupport, 0, 100)) faults.push(`public support of ${st} = ${n.publicSupport}`);
    if (!inRange(n.technology, 0.5, 5)) faults.push(`technology of ${st} = ${n.technology}`);
    if (n.defenseCap !== null && !(Number.isInteger(n.defenseCap) && inRange(n.defenseCap, 0, 100))) faults.push(`defense cap of ${st} = ${n.defenseCap}`);
    if (!budgetOk(n.budget) || !budgetOk(n.revealedBudget) || !budgetOk(s.orders[st]?.budget ?? null)) faults.push(`budget of ${st} does not sum to 100`);
    const ordered = new Map<string, number>();
    for (const o of s.orders[st]?.force ?? []) {
      if (!Number.isInteger(o.units) || o.units < 1) faults.push(`order of ${st} with ${o.units} units`);
      ordered.set(o.from, (ordered.get(o.from) ?? 0) + o.units);
    }
    // Nothing takes units away between orders and resolution, so a stack's orders never spend more than it has.
    for (const [from, n] of ordered) {
      const have = s.regions[from]?.units[st] ?? 0;
      if (n > have) faults.push(`${st} ordered ${n} units from ${from}, which holds ${have}`);
    }
    for (const [to, a] of Object.entries(s.orders[st]?.aid ?? {})) if (!Number.isInteger(a) || a < 0) faults.push(`aid ${st}→${to} = ${a}`);
  }
  for (const tr of Object.values(s.treaties)) {
    if (tr.terms.kind === 'defense-pact') {
      if (tr.cohesion === null || !inRange(tr.cohesion, 0, 100)) faults.push(`cohesion of ${tr.id} = ${tr.cohesion}`);
      if (!inRange(tr.terms.guideline, 0, 1)) faults.push(`guideline of ${tr.id} = ${tr.terms.guideline}`);
    }
  }
  for (const [k, v] of Object.entries(s.interop)) if (!inRange(v, 0.5, 1)) faults.push(`interoperability ${k} = ${v}`);
  if (s.round > s.rounds) faults.push(`round ${s.round} beyond ${s.rounds}`);
  if (s.now !== x.env.at) faults.push(`now ${s.now} is not the command's time ${x.env.at}`);
  if (s.nextId < x.before.nextId) faults.push('nextId went back');
  if (s.history.length > s.round) faults.push(`history of ${s.history.length} rounds in round ${s.round}`);
  // The whole state validates against its schema.
  const parsed = GameStateSchema.safeParse(s);
  if (!parsed.success) faults.push(...parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`));
  return faults;
}

// ---------------------------------------------------------------------------------------------------------------
// (b) refusals and purity
// ---------------------------------------------------------------------------------------------------------------

/** Freeze a state deeply: any write by the engine into its input then throws (modules run in strict mode). */
function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// (d) visibility
// ---------------------------------------------------------------------------------------------------------------

const ORDER_KINDS = new Set(['move', 'attack', 'support', 'exercise']);
const OBJECTIVE_KINDS = new Set(['hold-region', 'min-credibility', 'treaty-kind', 'output-growth']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Walk a JSON value, calling back with each object and its path. */
function walk(v: Json, path: string[], visit: (o: Record<string, Json>, path: string[]) => void): void {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)], visit));
  else if (v !== null && typeof v === 'object') {
    visit(v, path);
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k], visit);
  }
}

/** Every string value in a JSON value, with the path of its first occurrence. */
function strings(v: Json, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof v === 'string') {
    if (!out.has(v)) out.set(v, path);
  } else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}.${i}`, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${path}.${k}`, out);
  return out;
}

function eventVisible(audience: GameEvent['audience'], me: string | null): boolean {
  return audience === 'all' || (me !== null && audience.includes(me));
}

/**
 * What a viewer may not hold (GAME.md §6), checked on the bytes a client would receive: others' orders, budgets
 * before they are revealed, proposals not addressed to it, private channels it is not in, secret objectives,
 * fogged units. An omniscient facilitator must instead see everything.
 */
function leaks(scenario: Scenario, s: GameState, viewer: Viewer, v: PlayerView): string[] {
  const faults: string[] = [];
  const b = boardOf(scenario);
  const bytes = JSON.stringify(v);
  const json = JSON.parse(bytes) as Json;
  const omniscient = viewer.role === 'facilitator' && s.settings.facilitatorSeesAll;
  if (v.omniscient !== omniscient) faults.push(`omniscient is ${v.omniscient}`);
  if (omniscient) {
    if (stableStringify(v.allOrders) !== stableStringify(s.orders)) faults.push('omniscient facilitator misses orders');
    if (stableStringify(v.pendingEvents) !== stableStringify(s.pendingEvents)) faults.push('omniscient facilitator misses the next cards');
    if (Object.keys(v.treaties).length !== Object.keys(s.treaties).length) faults.push('omniscient facilitator misses treaties');
    for (const rid of b.regionIds) if (stableStringify(v.regions[rid]?.units) !== stableStringify(s.regions[rid]!.units)) faults.push(`omniscient facilitator misses units in ${rid}`);
    if (v.report.length !== s.report.length) faults.push('omniscient facilitator misses events');
    if (v.crises.length !== s.crises.length) faults.push('omniscient facilitator misses crises');
    return faults;
  }
  const me = viewer.role === 'seat' ? viewer.state : null;
  if (v.allOrders !== null) faults.push('allOrders given');
  if (v.pendingEvents !== null) faults.push('next cards given');
  if (me === null && v.own !== null) faults.push('own data given to a non-seat');
  if (me !== null && (v.own?.state !== me || stableStringify(v.own.orders) !== stableStringify(s.orders[me]))) faults.push('own orders wrong');
  // Secrets by their shape, anywhere outside the viewer's own block.
  walk(json, [], (o, path) => {
    if (path[0] === 'own') return;
    const where = path.join('.');
    if (typeof o.kind === 'string' && ORDER_KINDS.has(o.kind) && 'from' in o && 'units' in o) faults.push(`force order at ${where}`);
    if ('force' in o && 'aid' in o) faults.push(`orders at ${where}`);
    if ('defense' in o && 'domestic' in o && 'investment' in o) {
      const revealed = (path[0] === 'nations' && path[2] === 'revealedBudget') || o.kind === 'budget/revealed';
      if (!revealed) faults.push(`budget at ${where}`);
    }
    if (typeof o.kind === 'string' && OBJECTIVE_KINDS.has(o.kind) && 'points' in o && (o.secret !== false || path[0] !== 'publicObjectives')) {
      faults.push(`objective at ${where}`);
    }
  });
  const present = strings(json);
  // Other states' secret objectives; public ones are for everyone.
  for (const st of scenario.states) {
    if (st.id === me) continue;
    for (const o of st.objectives) if (o.secret && present.has(o.id)) faults.push(`secret objective ${o.id} of ${st.id} at ${present.get(o.id)}`);
  }
  // Proposals only to their parties until every party has accepted (GAME.md §5); votes only with their treaty.
  for (const tr of Object.values(s.treaties)) {
    const isPublic = tr.status !== 'proposed';
    const mine = me !== null && treatyParties(tr.terms).includes(me);
    if (!isPublic && !mine && present.has(tr.id)) faults.push(`proposal ${tr.id} not addressed to ${me ?? viewer.role} at ${present.get(tr.id)}`);
  }
  for (const [id, vote] of Object.entries(v.votes)) if (!v.treaties[vote.treatyId]) faults.push(`vote ${id} of an unseen treaty`);
  // Messages only from channels the viewer reads; the text of any other must not be in the bytes.
  for (const m of s.messages) {
    const members = channelMembers(s, m.channel);
    const ok = members === 'all' || (me !== null && (members === null ? m.from === me : members.includes(me)));
    if (!ok && bytes.includes(JSON.stringify(m.text))) faults.push(`message ${m.id} on ${m.channel}`);
  }
  for (const m of v.messages) {
    const members = channelMembers(s, m.channel);
    const ok = members === 'all' || (me !== null && (members === null ? m.from === me : members.includes(me)));
    if (!ok) faults.push(`message ${m.id} on ${m.channel} listed`);
  }
  // Events only for their audience.
  for (const e of [...v.report, ...v.lastReport]) if (!eventVisible(e.audience, me)) faults.push(`event ${e.kind} for ${JSON.stringify(e.audience)}`);
  // Crises only to the defender and the ally called; interoperability only of the viewer's own pairs.
  for (const c of v.crises) if (me === null || (c.ally !== me && c.defender !== me)) faults.push(`crisis ${c.id}`);
  for (const k of Object.keys(v.interop)) if (me === null || !k.split('|').includes(me)) faults.push(`interoperability ${k}`);
  // Fog: units only where the seat may see them; nothing for spectators; everything without fog.
  const seen = s.settings.fog ? (me === null ? new Set<string>() : visibleRegions(b, s, me)) : null;
  for (const rid of b.regionIds) {
    const r = v.regions[rid]!;
    const visible = seen === null || seen.has(rid);
    if (visible && stableStringify(r.units) !== stableStringify(s.regions[rid]!.units)) faults.push(`units in ${rid} wrong`);
    if (!visible && (r.units !== null || r.deterrence !== null)) faults.push(`fogged units in ${rid}`);
  }
  if (s.settings.fog) {
    for (const e of [...v.report, ...v.lastReport]) {
      if ((e.kind === 'units/moved' || e.kind === 'units/recruited' || e.kind === 'units/bounced') && e.state !== me) faults.push(`${e.kind} of ${e.state} under fog`);
    }
  }
  for (const key of ['rng', 'deck', 'seed']) if (bytes.includes(`"${key}":`)) faults.push(`${key} in the view`);
  return faults;
}

function viewersOf(scenario: Scenario): Viewer[] {
  return [
    ...boardOf(scenario).stateIds.map((state) => ({ role: 'seat' as const, state })),
    { role: 'facilitator' as const },
    { role: 'spectator' as const },
  ];
}

/** A round closed (or the match did): the moment every viewer's view is checked in full. */
function roundClosed(x: Applied): boolean {
  return x.result.ok && x.result.events.some((e) => e.kind === 'round/started' || e.kind === 'match/ended');
}

// ---------------------------------------------------------------------------------------------------------------

const roundTrip = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));

describe.each(['tutorial', 'standard'] as const)('engine properties on %s', (name) => {
  const scenario = load(name);
  const size = SIZES[name];
  const plans = matchPlanArb({ minSteps: size.minSteps, maxSteps: size.maxSteps });
  const viewers = viewersOf(scenario);

  it('(a) every reachable state keeps the invariants of GAME.md §4 and validates against GameStateSchema', () => {
    let played = 0;
    let battles = 0;
    fc.assert(fc.property(plans, (plan) => {
      playPlan(scenario, plan, {
        onCommand: (x) => {
          const faults = invariantFaults(scenario, x);
          if (faults.length) throw new Error(`after #${x.index} ${JSON.stringify(x.env)}:\n${faults.join('\n')}`);
          if (x.result.ok) battles += x.result.events.filter((e) => e.kind === 'combat').length;
        },
      });
      played++;
    }), params(size.runs));
    // The generator must reach combat, or the conservation check proves little.
    if (played >= 4) expect(battles).toBeGreaterThan(0);
  }, TIMEOUT);

  it('(b) a refused command changes nothing, and no command writes into the state it is given', () => {
    let refused = 0;
    fc.assert(fc.property(plans, (plan) => {
      playPlan(scenario, plan, {
        onInitial: (s) => deepFreeze(s),
        onCommand: (x) => {
          // `before` was frozen when it was produced, so a write into it would have thrown inside apply.
          if (!x.result.ok) {
            refused++;
            expect(x.after).toBe(x.before);
            expect(x.result.code).toMatch(/^[a-z]+\/[a-z-]+$/);
            expect(x.result.message.length).toBeGreaterThan(0);
            expect('state' in x.result).toBe(false);
          } else {
            expect(x.after).not.toBe(x.before);
          }
          deepFreeze(x.after);
        },
      });
    }), params(size.runs));
    expect(refused).toBeGreaterThan(0);
  }, TIMEOUT);

  it('(b) refused commands leave the state deep-equal, hash and all', () => {
    fc.assert(fc.property(plans, (plan) => {
      let hash = '';
      let text = '';
      playPlan(scenario, plan, {
        onCommand: (x) => {
          if (!x.result.ok) {
            expect(JSON.stringify(x.after)).toBe(text);
            expect(stateHash(x.after)).toBe(hash);
          } else {
            text = JSON.stringify(x.after);
            hash = stateHash(x.after);
          }
        },
      });
    }), params(Math.ceil(size.runs / 2)));
  }, TIMEOUT);

  it('(c) the same scenario, settings, seed and log give byte-identical states and events; replay equals the live state', () => {
    fc.assert(fc.property(plans, (plan) => {
      const states: string[] = [];
      const events: string[] = [];
      const live = playPlan(scenario, plan, {
        onCommand: (x) => {
          states.push(JSON.stringify(x.after));
          events.push(x.result.ok ? JSON.stringify(x.result.events) : x.result.code);
        },
      });
      // The same plan again, on a scenario object parsed afresh (no cache may carry anything over).
      const fresh = load(name);
      let i = 0;
      playPlan(fresh, plan, {
        onCommand: (x) => {
          expect(JSON.stringify(x.after)).toBe(states[i]);
          expect(x.result.ok ? JSON.stringify(x.result.events) : x.result.code).toBe(events[i]);
          i++;
        },
      });
      expect(i).toBe(states.length);
      // Replaying the whole log, and only its accepted commands, ends in the live state.
      const whole = replay(fresh, live.settings, live.seed, live.log);
      const acceptedOnly = replay(fresh, live.settings, live.seed, live.log.filter((_, k) => live.accepted[k]));
      // …and so does the engine's own replay of a stored log (shared/replay.ts), which refuses any refused command.
      const stored = replayLog(fresh, live.settings, live.seed, live.log.filter((_, k) => live.accepted[k]).map((envelope, k) => ({ seq: k + 1, envelope })));
      if (!stored.ok) throw new Error(stored.errors.join('\n'));
      for (const r of [whole, acceptedOnly, stored]) {
        expect(stateHash(r.state)).toBe(stateHash(live.final));
        expect(JSON.stringify(r.state)).toBe(JSON.stringify(live.final));
      }
      expect(JSON.stringify(whole.events)).toBe(JSON.stringify(live.log.map((_, k) => (live.accepted[k] ? JSON.parse(events[k]!) as unknown : []))));
    }), params(Math.ceil(size.runs / 2)));
  }, TIMEOUT);

  it('(d) a view never holds what its viewer may not see; the facilitator sees all only when the match allows it', () => {
    let checked = 0;
    fc.assert(fc.property(plans, (plan) => {
      playPlan(scenario, plan, {
        onCommand: (x) => {
          if (!x.result.ok) return;
          // Every viewer at each round's end; one rotating viewer after every other accepted command.
          const who = roundClosed(x) ? viewers : [viewers[x.index % viewers.length]!];
          for (const viewer of who) {
            const faults = leaks(scenario, x.after, viewer, view(scenario, x.after, viewer));
            checked++;
            if (faults.length) throw new Error(`view of ${JSON.stringify(viewer)} after #${x.index} ${JSON.stringify(x.env)}:\n${faults.join('\n')}`);
          }
        },
      });
    }), params(size.runs));
    expect(checked).toBeGreaterThan(0);
  }, TIMEOUT);

  it('(e) commands, events, views and states survive JSON and their zod schemas', () => {
    fc.assert(fc.property(plans, (plan) => {
      const played = playPlan(scenario, plan, {
        onCommand: (x) => {
          const env = roundTrip(x.env);
          expect(stableStringify(CommandEnvelopeSchema.parse(env))).toBe(stableStringify(env));
          const cmd = (env as CommandEnvelope).command;
          const schema = x.env.actor.role === 'seat' ? SeatCommandSchema : ControlCommandSchema;
          expect(stableStringify(schema.parse(cmd))).toBe(stableStringify(cmd));
          if (!x.result.ok) return;
          for (const e of x.result.events) {
            const ev = roundTrip(e);
            expect(stableStringify(GameEventSchema.parse(ev))).toBe(stableStringify(ev));
          }
          if (roundClosed(x) || x.index % 7 === 0) {
            for (const viewer of roundClosed(x) ? viewers : [viewers[x.index % viewers.length]!]) {
              const v = roundTrip(view(scenario, x.after, viewer));
              expect(stableStringify(PlayerViewSchema.parse(v))).toBe(stableStringify(v));
            }
          }
        },
      });
      const s = roundTrip(played.final);
      expect(stableStringify(GameStateSchema.parse(s))).toBe(stableStringify(s));
    }), params(Math.ceil(size.runs / 2)));
  }, TIMEOUT);
});
