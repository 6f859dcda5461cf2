import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, Scenario } from '../../shared';
import { loadScenarioJson } from '../../shared';
import { playBotMatch } from './helpers/botMatch';
import type { Applied } from './helpers/randomCommands';
import { matchPlanArb, playPlan } from './helpers/randomCommands';

/**
 * apply() copies only what a command writes (shared/engine/claims.ts): its input is never changed, and every part of
 * the state the command does not write is the very same object in its output, so views and diffs skip it by identity.
 * Guarded here on deep-frozen states over bot matches (which end phases by everyone being ready and by the last
 * crisis answer) and random plans, and the test fails if some command kind was never applied.
 */

const SCENARIO_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));
function load(name: string): Scenario {
  const r = loadScenarioJson(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

type Part = keyof GameState;
const KEYED = ['regions', 'nations', 'seats', 'treaties', 'votes', 'orders'] as const;
const OTHERS: readonly Part[] = ['settings', 'interop', 'crises', 'messages', 'deck', 'pendingEvents', 'effects', 'lastReport', 'history', 'scores', 'winners'];

/** A command applied, named finely enough to tell the paths apart (a ready that ends the phase, a vote that closes…). */
function label(x: Applied): string {
  const c = x.env.command;
  const events = x.result.ok ? x.result.events : [];
  const ended = events.some((e) => e.kind === 'phase/changed' || e.kind === 'match/ended');
  switch (c.type) {
    case 'ready': return ended ? `ready ends ${x.before.phase}` : 'ready';
    case 'crisisChoice': return ended ? 'crisisChoice ends crisis' : 'crisisChoice';
    case 'castVote': return events.some((e) => e.kind === 'vote/closed') ? 'castVote closes' : 'castVote';
    case 'withdraw': return `withdraw ${c.mode}`;
    case 'respond': return c.accept ? 'respond yes' : 'respond no';
    case 'advancePhase': return `advancePhase ${x.before.phase}`;
    default: return c.type;
  }
}

const ALL_LABELS = [
  'start', 'setSeat', 'pause', 'resume', 'extend', 'broadcast', 'injectEvent', 'endMatch',
  'advancePhase briefing', 'advancePhase diplomacy', 'advancePhase orders', 'advancePhase crisis',
  'ready', 'ready ends briefing', 'ready ends diplomacy', 'ready ends orders', 'declare', 'message',
  'propose', 'respond yes', 'respond no', 'proposeVote', 'castVote', 'castVote closes', 'withdraw notice', 'withdraw immediate',
  'setBudget', 'order', 'cancelOrder', 'hold', 'aid', 'sanctionsVote', 'crisisChoice', 'crisisChoice ends crisis',
];

/**
 * What an accepted command that does not end a phase may replace; everything else must keep its identity. For keyed
 * records, `[part, id]` lets the record and that one entry change (the others keep theirs).
 */
function mayWrite(x: Applied): Array<Part | [Part, string | undefined]> {
  const c = x.env.command;
  const seat = x.env.actor.role === 'seat' ? x.env.actor.state : '';
  const always: Part[] = ['now', 'rng', 'nextId', 'report'];
  switch (c.type) {
    case 'setBudget': case 'order': case 'cancelOrder': case 'hold': case 'aid': case 'sanctionsVote': return [...always, ['orders', seat]];
    case 'message': case 'declare': case 'broadcast': return [...always, 'messages'];
    case 'ready': return [...always, ['seats', seat]];
    case 'setSeat': return [...always, ['seats', c.state]];
    case 'propose': return [...always, ['treaties', undefined]];
    case 'respond': return [...always, ['treaties', c.treaty]];
    case 'castVote': return [...always, ['treaties', x.before.votes[c.vote]?.treatyId], 'votes'];
    case 'proposeVote': return [...always, ['treaties', c.treaty], 'votes'];
    case 'crisisChoice': return [...always, 'crises'];
    case 'pause': case 'resume': case 'extend': return [...always, 'paused', 'deadline', 'remaining'];
    default: return Object.keys(x.after) as Part[];
  }
}

/** Faults in what an accepted command kept: parts it does not write that are no longer the same objects. */
function identityFaults(x: Applied): string[] {
  if (!x.result.ok || x.result.events.some((e) => e.kind === 'phase/changed' || e.kind === 'match/ended')) return [];
  const faults: string[] = [];
  const allowed = mayWrite(x);
  const whole = new Set(allowed.filter((p): p is Part => typeof p === 'string'));
  const entryOf = new Map(allowed.filter((p): p is [Part, string | undefined] => Array.isArray(p)));
  for (const part of [...KEYED, ...OTHERS]) {
    if (whole.has(part)) continue;
    const before = x.before[part] as unknown as Record<string, unknown>;
    const after = x.after[part] as unknown as Record<string, unknown>;
    if (!entryOf.has(part)) {
      if (before !== after) faults.push(`${part} was replaced`);
      continue;
    }
    const id = entryOf.get(part);
    for (const k of Object.keys(after)) if (k !== id && k in before && before[k] !== after[k]) faults.push(`${part}.${k} was replaced`);
  }
  return faults;
}

function check(x: Applied, seen: Set<string>): void {
  // `before` was frozen when it was made: a write into it would have thrown inside apply().
  if (!x.result.ok) return;
  seen.add(label(x));
  const faults = identityFaults(x);
  if (faults.length) throw new Error(`${JSON.stringify(x.env)} (#${x.index}):\n${faults.join('\n')}`);
  deepFreeze(x.after);
}

describe('apply() drafts', () => {
  it('never write into their input, keep every part a command does not write, and are exercised by every command kind', () => {
    const seen = new Set<string>();
    const standard = load('standard');
    const tutorial = load('tutorial');
    const games: Array<[Scenario, string, Parameters<typeof playBotMatch>[3]]> = [
      [standard, 'drafts-1', { rounds: 6 }],
      [standard, 'drafts-2', { rounds: 6, settings: { fog: true } }],
      [tutorial, 'drafts-3', { rounds: 8, endEarlyIn: 7 }],
      [tutorial, 'drafts-4', { rounds: 8, settings: { fog: true } }],
    ];
    for (const [scenario, seed, opts] of games) {
      let first = true;
      playBotMatch(scenario, seed, (x) => {
        if (first) deepFreeze(x.before);
        first = false;
        check(x, seen);
      }, opts);
    }
    // Random plans reach what bots never do: refusals, odd orders, cancellations, holds, aid.
    for (const scenario of [tutorial, standard]) {
      fc.assert(fc.property(matchPlanArb({ minSteps: 80, maxSteps: 240 }), (plan) => {
        playPlan(scenario, plan, { onInitial: (s) => deepFreeze(s), onCommand: (x) => check(x, seen) });
      }), { numRuns: 12, seed: 20240611 });
    }
    expect(ALL_LABELS.filter((l) => !seen.has(l))).toEqual([]);
  }, 120_000);
});
