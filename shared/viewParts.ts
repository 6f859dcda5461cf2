import type { BoardIndex } from './board';
import { channelMembers } from './commands/pressCommands';
import type { RegionIndexes } from './deterrenceCache';
import { regionIndexes } from './deterrenceCache';
import type { Audience, GameEvent } from './events';
import type { Scenario } from './scenario/schema';
import type { GameState, Treaty } from './state';
import { objectiveMet } from './rules/objectives';
import { boundBy } from './treaties/parties';
import { sealBook } from './treaties/queries';
import type { PlayerView, Viewer } from './view';

/**
 * The parts a view is cut from, one function per part, each reading only the inputs named in its comment. view()
 * builds every part fresh; ViewMemo rebuilds a part only when those inputs changed. Parts share what they show of the
 * state (treaties, orders, units…) with the state itself: views, like states, are never changed.
 */

/** Who is looking, as the parts need it. */
export interface Cut {
  viewer: Viewer;
  /** The seat looking, if a seat is. */
  me: string | null;
  /** The facilitator sees everything in this match. */
  omniscient: boolean;
  /** Fog applies to this viewer. */
  fogged: boolean;
}

export function cutFor(s: GameState, viewer: Viewer): Cut {
  const omniscient = viewer.role === 'facilitator' && s.settings.facilitatorSeesAll;
  return { viewer, me: viewer.role === 'seat' ? viewer.state : null, omniscient, fogged: s.settings.fog && !omniscient };
}

/** Whose fog a viewer's regions show: '' sees every unit, a seat id sees what that seat sees, null sees none. */
export function fogOf(cut: Cut): string | null {
  if (!cut.fogged) return '';
  return cut.me;
}

/** Units seen and deterrence for a fog key from fogOf; null when no unit is seen. Reads regions, nations, interop, active treaties. */
export function indexesFor(b: BoardIndex, s: GameState, fog: string | null): RegionIndexes | null {
  if (fog === null) return null;
  return regionIndexes(b, s, fog === '' ? null : fog);
}

/** Reads s.regions and the indexes (null: nothing seen). */
export function regionsPart(b: BoardIndex, s: GameState, ix: RegionIndexes | null): PlayerView['regions'] {
  const out: PlayerView['regions'] = {};
  for (const rid of b.regionIds) {
    const r = s.regions[rid]!;
    const visible = ix !== null && (ix.seen === null || ix.seen.has(rid));
    out[rid] = visible ? { owner: r.owner, units: r.units, deterrence: ix.indexes[rid] ?? null } : { owner: r.owner, units: null, deterrence: null };
  }
  return out;
}

/** Reads s.nations. */
export function nationsPart(s: GameState): PlayerView['nations'] {
  const out: PlayerView['nations'] = {};
  for (const id in s.nations) {
    const n = s.nations[id]!;
    out[id] = { output: n.output, technology: n.technology, credibility: n.credibility, publicSupport: n.publicSupport, revealedBudget: n.revealedBudget };
  }
  return out;
}

/** Reads s.seats. */
export function seatsPart(s: GameState): PlayerView['seats'] {
  const out: PlayerView['seats'] = {};
  for (const id in s.seats) {
    const x = s.seats[id]!;
    out[id] = { controller: x.controller, ready: x.ready };
  }
  return out;
}

/** GAME.md §5: only proposals are private to their parties; once every party has accepted, the treaty is public. */
function seesTreaty(tr: Treaty, cut: Cut): boolean {
  return tr.status !== 'proposed' || cut.omniscient || (cut.me !== null && boundBy(tr.terms, cut.me));
}

/** Reads s.treaties. */
export function treatiesPart(s: GameState, cut: Cut): PlayerView['treaties'] {
  const out: PlayerView['treaties'] = {};
  for (const id in s.treaties) {
    const tr = s.treaties[id]!;
    if (seesTreaty(tr, cut)) out[id] = tr;
  }
  sealBook(out);
  return out;
}

/**
 * Whether a viewer's treaties part may differ from the public one (every treaty but proposals): only proposals that
 * bind it, or the facilitator's sight, make it differ. Most views show the public part, which one build can serve.
 */
export function personalTreaties(s: GameState, cut: Cut): boolean {
  if (cut.omniscient) return true;
  const { me } = cut;
  if (me === null) return false;
  for (const id in s.treaties) {
    const tr = s.treaties[id]!;
    if (tr.status === 'proposed' && boundBy(tr.terms, me)) return true;
  }
  return false;
}

/** Whom the public treaties part is cut for: a viewer party to no proposal. */
export const PUBLIC_CUT: Cut = { viewer: { role: 'spectator' }, me: null, omniscient: false, fogged: false };

/**
 * Whether the treaties part cut from `after` would differ from `shown`, the part cut from `before`: most changes to
 * the book are proposals and answers the viewer is not party to, and these leave its part as it was.
 */
export function treatiesChanged(before: GameState['treaties'], after: GameState['treaties'], shown: PlayerView['treaties'], cut: Cut): boolean {
  let kept = 0;
  for (const id in after) {
    const tr = after[id]!;
    const old = before[id];
    if (old !== undefined) kept++;
    if (tr !== old && (seesTreaty(tr, cut) || shown[id] !== undefined)) return true;
  }
  let had = 0;
  for (const _ in before) had++;
  if (kept !== had) for (const id in shown) if (after[id] === undefined) return true;
  return false;
}

/** Reads s.votes and the treaties part: votes go with their treaty. */
export function votesPart(s: GameState, treaties: PlayerView['treaties']): PlayerView['votes'] {
  const out: PlayerView['votes'] = {};
  for (const id of Object.keys(s.votes)) {
    const v = s.votes[id]!;
    if (treaties[v.treatyId] !== undefined) out[id] = v;
  }
  return out;
}

/** Reads s.interop: the viewer's own pairs (all pairs for an omniscient facilitator). */
export function interopPart(s: GameState, cut: Cut): PlayerView['interop'] {
  const out: Record<string, number> = {};
  const { me } = cut;
  if (!cut.omniscient && me === null) return out;
  for (const k of Object.keys(s.interop)) if (cut.omniscient || hasPart(k, me!)) out[k] = s.interop[k]!;
  return out;
}

/** `key.split('|').includes(part)`, without the garbage: this runs for every pair on every rebuild. */
function hasPart(key: string, part: string): boolean {
  let from = 0;
  for (;;) {
    const bar = key.indexOf('|', from);
    const end = bar < 0 ? key.length : bar;
    if (end - from === part.length && key.startsWith(part, from)) return true;
    if (bar < 0) return false;
    from = bar + 1;
  }
}

/** Reads s.crises. */
export function crisesPart(s: GameState, cut: Cut): PlayerView['crises'] {
  const { me } = cut;
  return s.crises.filter((c) => cut.omniscient || (me !== null && (c.ally === me || c.defender === me)));
}

/** How many recent messages of each channel a view carries; older ones are history. */
export const VIEW_MESSAGES_PER_CHANNEL = 100;

/** Reads s.messages, and s.treaties and s.nations for who reads each channel. */
export function messagesPart(s: GameState, cut: Cut): PlayerView['messages'] {
  const perChannel = new Map<string, number>();
  const readable = new Map<string, 'all' | string[] | null>();
  const out: PlayerView['messages'] = [];
  const { me } = cut;
  for (let i = s.messages.length - 1; i >= 0; i--) {
    const m = s.messages[i]!;
    const count = perChannel.get(m.channel) ?? 0;
    if (count >= VIEW_MESSAGES_PER_CHANNEL) continue;
    let members = readable.get(m.channel);
    if (members === undefined) {
      members = channelMembers(s, m.channel);
      readable.set(m.channel, members);
    }
    const ok = cut.omniscient || members === 'all' || (me !== null && (members?.includes(me) ?? m.from === me));
    if (!ok) continue;
    perChannel.set(m.channel, count + 1);
    out.push(m);
  }
  return out.reverse();
}

export function sees(audience: Audience, cut: Pick<Cut, 'me' | 'omniscient'>): boolean {
  if (audience === 'all') return true;
  if (cut.me !== null) return audience.includes(cut.me);
  return cut.omniscient;
}

/** Reads one event list (s.report or s.lastReport). */
export function eventsPart(events: readonly GameEvent[], cut: Cut): GameEvent[] {
  return events.filter((e) => sees(e.audience, cut));
}

type Own = NonNullable<PlayerView['own']>;

/** Reads s.orders[me], s.nations[me], and s.regions, s.nations and s.treaties for the objectives met. */
export function ownPart(scenario: Scenario, s: GameState, me: string): Own {
  return {
    state: me, orders: s.orders[me]!, budget: s.nations[me]!.budget, defenseCap: s.nations[me]!.defenseCap, objectives: objectivesPart(scenario, s, me),
  };
}

export function objectivesPart(scenario: Scenario, s: GameState, me: string): Own['objectives'] {
  return (scenario.states.find((x) => x.id === me)?.objectives ?? []).map((o) => ({ ...o, met: objectiveMet(s, me, o) }));
}

/** Reads the scenario only. */
export function publicObjectivesPart(scenario: Scenario, omniscient: boolean): PlayerView['publicObjectives'] {
  const out: PlayerView['publicObjectives'] = {};
  for (const st of scenario.states) out[st.id] = st.objectives.filter((o) => !o.secret || omniscient);
  return out;
}
