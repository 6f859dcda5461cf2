import { boardOf } from '../../shared/board';
import type { GameEvent } from '../../shared/events';
import type { Scenario } from '../../shared/scenario/schema';
import type { TreatyKind } from '../../shared/treaties/terms';
import type { PlayerView } from '../../shared/view';
import { signed, TREATY_NAMES } from './format';
import { stateName } from './palette';

/**
 * A round report as a readable list and as animation steps for the board. Both are read from
 * the typed events the engine produced; nothing is recomputed here.
 */

export type ReportGroup = 'events' | 'war' | 'diplomacy' | 'forces' | 'economy' | 'politics' | 'match';

export const GROUP_TITLES: Record<ReportGroup, string> = {
  match: 'The match',
  events: 'World events',
  war: 'Battles and territory',
  forces: 'Forces',
  diplomacy: 'Treaties and crises',
  politics: 'Credibility, support and cohesion',
  economy: 'Economy',
};

export interface ReportLine {
  group: ReportGroup;
  text: string;
  /** Tone for an icon and color: good, bad or neutral news for the viewer. */
  tone: 'good' | 'bad' | 'neutral';
  /** Regions the line is about (the board highlights them on hover). */
  regions: string[];
}

function treatyLabel(view: PlayerView | null, id: string, kind?: string): string {
  const t = view?.treaties[id];
  if (t && (t.terms.kind === 'defense-pact' || t.terms.kind === 'forum')) return t.terms.name;
  const k = (t?.terms.kind ?? kind) as TreatyKind | undefined;
  return k && TREATY_NAMES[k] ? TREATY_NAMES[k].toLowerCase() : 'treaty';
}

/** One event as a sentence, or null for bookkeeping events a player need not read. */
export function describeEvent(scenario: Scenario, e: GameEvent, view: PlayerView | null = null): ReportLine | null {
  const b = boardOf(scenario);
  const me = view?.own?.state ?? null;
  const n = (id: string | null) => stateName(scenario, id);
  const r = (id: string) => b.region.get(id)?.name ?? id;
  const u = (k: number) => `${k} unit${k === 1 ? '' : 's'}`;
  const toneFor = (good: boolean) => (me === null ? 'neutral' : good ? 'good' : 'bad');
  /** Bad news when it is the viewer's own, otherwise just news. */
  const ownLoss = (state: string) => (state === me ? 'bad' : 'neutral');
  const a = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
  const attack = (ids: readonly string[]) => `${ids.map(n).join(' and ')} ${ids.length === 1 ? 'attacks' : 'attack'}`;
  switch (e.kind) {
    case 'card/revealed':
      return { group: 'events', text: e.text, tone: 'neutral', regions: e.target && b.region.has(e.target) ? [e.target] : [] };
    case 'combat': {
      const atk = e.attackers.map(n).join(' and ');
      const who = e.defender ? n(e.defender) : 'nobody';
      const lossText = Object.entries(e.losses).filter(([, k]) => k > 0).map(([s, k]) => `${n(s)} lost ${k}`).join(', ');
      const outcome = e.taken ? `${atk} took it` : `${who} held`;
      const tone = me === null ? 'neutral' : e.attackers.includes(me) ? toneFor(e.taken) : e.defender === me ? toneFor(!e.taken) : 'neutral';
      return { group: 'war', text: `Battle for ${r(e.region)}: ${atk} (${e.attack.toFixed(1)}) against ${who} (${e.defense.toFixed(1)}) — ${outcome}.${lossText ? ` ${lossText}.` : ''}`, tone, regions: [e.region] };
    }
    case 'region/captured':
      return { group: 'war', text: `${r(e.region)} passed from ${n(e.from)} to ${n(e.to)}.`, tone: me === null ? 'neutral' : e.to === me ? 'good' : e.from === me ? 'bad' : 'neutral', regions: [e.region] };
    case 'support/cut':
      return { group: 'war', text: `${n(e.state)}'s support from ${r(e.from)} to ${r(e.to)} was cut by an attack.`, tone: 'neutral', regions: [e.from, e.to] };
    case 'units/moved':
      return { group: 'forces', text: `${n(e.state)} moved ${u(e.units)} from ${r(e.from)} to ${r(e.to)}.`, tone: 'neutral', regions: [e.from, e.to] };
    case 'units/bounced':
      return { group: 'forces', text: `${n(e.state)}'s ${u(e.units)} could not enter ${r(e.to)} from ${r(e.from)}: ${e.reason}.`, tone: 'neutral', regions: [e.from, e.to] };
    case 'units/retreated':
      return { group: 'forces', text: `${n(e.state)} retreated ${u(e.units)} from ${r(e.from)} to ${r(e.to)}.`, tone: 'neutral', regions: [e.from, e.to] };
    case 'units/disbanded':
      return { group: 'forces', text: `${n(e.state)} lost ${u(e.units)} in ${r(e.region)} with nowhere to retreat.`, tone: ownLoss(e.state), regions: [e.region] };
    case 'units/recruited':
      return { group: 'forces', text: `${n(e.state)} raised ${u(e.units)} in ${r(e.region)}.`, tone: 'neutral', regions: [e.region] };
    case 'units/demobilized':
      return { group: 'forces', text: `${n(e.state)} could not pay upkeep and stood down ${u(e.units)}.`, tone: ownLoss(e.state), regions: [] };
    case 'exercise/held':
      return { group: 'forces', text: `${e.states.map(n).join(' and ')} held a joint exercise (interoperability now ${e.interoperability.toFixed(2)}).`, tone: 'good', regions: [] };
    case 'exercise/unmatched':
      return { group: 'forces', text: `${n(e.state)} planned an exercise with ${n(e.partner)}, who did not order one back.`, tone: 'neutral', regions: [] };
    case 'warning/attack':
      return { group: 'war', text: `Early warning: ${e.attackers.map(n).join(', ')} will attack ${r(e.region)} with ${u(e.units)}.`, tone: 'bad', regions: [e.region] };
    case 'crisis/opened':
      return { group: 'diplomacy', text: `Crisis: ${attack(e.attackers)} ${r(e.region)} (${n(e.defender)}). ${n(e.ally)} is obliged to answer (${u(e.eligible)} eligible).`, tone: 'neutral', regions: [e.region] };
    case 'crisis/decided':
      return e.choice === 'honor'
        ? { group: 'diplomacy', text: `${n(e.ally)} honored its obligation to ${n(e.defender)} with ${u(e.units)}.`, tone: 'good', regions: [e.region] }
        : { group: 'diplomacy', text: `${n(e.ally)} abstained and left ${n(e.defender)} to defend ${r(e.region)} alone.`, tone: 'bad', regions: [e.region] };
    case 'treaty/proposed':
      return { group: 'diplomacy', text: `${n(e.proposer)} proposed ${a(TREATY_NAMES[e.treatyKind as TreatyKind]?.toLowerCase() ?? e.treatyKind)} with ${e.parties.filter((p) => p !== e.proposer).map(n).join(', ')}.`, tone: 'neutral', regions: [] };
    case 'treaty/accepted':
      return { group: 'diplomacy', text: `${n(e.state)} accepted the ${treatyLabel(view, e.treaty)}.`, tone: 'neutral', regions: [] };
    case 'treaty/rejected':
      return { group: 'diplomacy', text: `${n(e.state)} rejected a proposal.`, tone: 'neutral', regions: [] };
    case 'treaty/expired':
      return { group: 'diplomacy', text: 'A proposal lapsed without every party accepting.', tone: 'neutral', regions: [] };
    case 'treaty/activated':
      return { group: 'diplomacy', text: `In force: ${TREATY_NAMES[e.treatyKind as TreatyKind]?.toLowerCase() ?? e.treatyKind} of ${e.parties.map(n).join(', ')}.`, tone: 'good', regions: [] };
    case 'treaty/notice':
      return { group: 'diplomacy', text: `${n(e.state)} gave notice to leave the ${treatyLabel(view, e.treaty)} (effective after round ${e.effectiveRound}).`, tone: 'neutral', regions: [] };
    case 'treaty/left':
      return { group: 'diplomacy', text: `${n(e.state)} left the ${treatyLabel(view, e.treaty)}${e.breach ? ' at once, in breach' : ''}.`, tone: 'bad', regions: [] };
    case 'treaty/breached':
      return { group: 'diplomacy', text: `${n(e.state)} breached the ${treatyLabel(view, e.treaty)} by attacking ${n(e.victim)}.`, tone: 'bad', regions: [] };
    case 'treaty/ended':
      return { group: 'diplomacy', text: `The ${treatyLabel(view, e.treaty)} ended (${e.reason}).`, tone: 'neutral', regions: [] };
    case 'vote/opened':
      return { group: 'diplomacy', text: `A vote opened in the ${treatyLabel(view, e.treaty)}: ${e.voteKind === 'guideline' ? `guideline to ${e.guideline}%` : `${e.voteKind} ${n(e.subject)}`}.`, tone: 'neutral', regions: [] };
    case 'vote/closed':
      return { group: 'diplomacy', text: `The vote in the ${treatyLabel(view, e.treaty)} ${e.passed ? 'passed' : 'failed'} (${e.yes} yes, ${e.no} no).`, tone: 'neutral', regions: [] };
    case 'declaration':
      return { group: 'diplomacy', text: `${n(e.state)} declared: “${e.text}”`, tone: 'neutral', regions: [] };
    case 'budget/revealed':
      return { group: 'economy', text: `${n(e.state)} spent ${e.defense}% on defense, ${e.domestic}% at home, ${e.investment}% on investment.`, tone: 'neutral', regions: [] };
    case 'aid/sent':
      return { group: 'economy', text: `${n(e.from)} sent ${e.amount} output in aid to ${n(e.to)}.`, tone: 'neutral', regions: [] };
    case 'economy':
      return { group: 'economy', text: `${n(e.state)}: output ${e.previous} → ${e.output} (growth ${signed(e.growth * 100)}%).`, tone: me === e.state ? toneFor(e.output >= e.previous) : 'neutral', regions: [] };
    case 'technology':
      return null;
    case 'credibility':
      return { group: 'politics', text: `${n(e.state)}: credibility ${signed(e.delta)} to ${e.value.toFixed(0)} (${e.reason}).`, tone: me === e.state ? toneFor(e.delta >= 0) : 'neutral', regions: [] };
    case 'support':
      return Math.abs(e.delta) < 0.05 ? null : { group: 'politics', text: `${n(e.state)}: public support ${signed(e.delta)} to ${e.value.toFixed(0)}.`, tone: me === e.state ? toneFor(e.delta >= 0) : 'neutral', regions: [] };
    case 'government/fell':
      return { group: 'politics', text: `The government of ${n(e.state)} fell: next budget’s defense share is capped at ${e.defenseCap}%.`, tone: ownLoss(e.state), regions: [] };
    case 'cohesion':
      return Math.abs(e.delta) < 0.05 ? null : { group: 'politics', text: `${treatyLabel(view, e.treaty)}: cohesion ${signed(e.delta)} to ${e.value.toFixed(0)}.`, tone: e.delta >= 0 ? 'good' : 'bad', regions: [] };
    case 'alliance/strain':
      return { group: 'politics', text: `Alliance strain in the ${treatyLabel(view, e.treaty)} (cohesion ${e.cohesion.toFixed(0)}): members may vote to renegotiate or expel.`, tone: 'bad', regions: [] };
    case 'peace/dividend':
      return { group: 'economy', text: `A round without war: peace dividend of ${e.points} to ${e.states.map(n).join(', ')}.`, tone: 'good', regions: [] };
    case 'match/ended':
      return { group: 'match', text: `The match is over. Winner${e.winners.length === 1 ? '' : 's'}: ${e.winners.map(n).join(', ')}.`, tone: 'neutral', regions: [] };
    case 'facilitator/broadcast':
      return { group: 'match', text: `Facilitator: ${e.text}`, tone: 'neutral', regions: [] };
    case 'seat/changed':
      return { group: 'match', text: `${n(e.state)} is now played by ${e.controller === 'bot' ? `a bot (${e.doctrine ?? 'bot'})` : e.controller === 'human' ? 'a person' : 'nobody'}.`, tone: 'neutral', regions: [] };
    case 'match/paused':
      return { group: 'match', text: 'The match was paused.', tone: 'neutral', regions: [] };
    case 'match/resumed':
      return { group: 'match', text: 'The match resumed.', tone: 'neutral', regions: [] };
    case 'match/started':
    case 'round/started':
    case 'phase/changed':
    case 'phase/extended':
    case 'scores':
      return null;
  }
}

/** The report as grouped, readable lines, groups in a fixed order. */
export function reportLines(scenario: Scenario, events: readonly GameEvent[], view: PlayerView | null = null): { group: ReportGroup; title: string; lines: ReportLine[] }[] {
  const order: ReportGroup[] = ['match', 'events', 'war', 'diplomacy', 'forces', 'politics', 'economy'];
  const by = new Map<ReportGroup, ReportLine[]>();
  for (const e of events) {
    const line = describeEvent(scenario, e, view);
    if (!line) continue;
    by.set(line.group, [...(by.get(line.group) ?? []), line]);
  }
  return order.filter((g) => by.has(g)).map((g) => ({ group: g, title: GROUP_TITLES[g], lines: by.get(g)! }));
}

/** One step of the board animation of a resolution. */
export type AnimationStep =
  | { type: 'move'; state: string; from: string; to: string; units: number; hostile: boolean }
  | { type: 'battle'; region: string; attackers: string[]; defender: string | null; taken: boolean; attack: number; defense: number }
  | { type: 'capture'; region: string; from: string | null; to: string }
  | { type: 'recruit'; state: string; region: string; units: number };

/**
 * Steps in the order the resolution ran: attacks fly toward their battles, battles flash, regions
 * change hands, then moves and recruits. Events the viewer may not see never reach the client.
 */
export function animationSteps(scenario: Scenario, events: readonly GameEvent[], view: PlayerView | null = null): AnimationStep[] {
  const b = boardOf(scenario);
  const out: AnimationStep[] = [];
  // The combat event names the battle, not where attackers came from: draw the arrow from a neighbour
  // the attacker holds or stands in (best effort; the list beside the board is exact).
  const origin = (state: string, region: string): string | null => {
    const near = [...(b.adjacent.get(region) ?? [])].sort();
    return near.find((r) => (view?.regions[r]?.units?.[state] ?? 0) > 0)
      ?? near.find((r) => view?.regions[r]?.owner === state)
      ?? near.find((r) => b.region.get(r)?.owner === state)
      ?? null;
  };
  const battles = events.filter((e): e is Extract<GameEvent, { kind: 'combat' }> => e.kind === 'combat');
  for (const c of battles) {
    for (const [s, k] of Object.entries(c.attackUnits)) {
      if (k <= 0) continue;
      const from = origin(s, c.region);
      if (from) out.push({ type: 'move', state: s, from, to: c.region, units: k, hostile: true });
    }
    out.push({ type: 'battle', region: c.region, attackers: c.attackers, defender: c.defender, taken: c.taken, attack: c.attack, defense: c.defense });
  }
  for (const e of events) {
    if (e.kind === 'region/captured') out.push({ type: 'capture', region: e.region, from: e.from, to: e.to });
  }
  for (const e of events) {
    if (e.kind === 'units/moved' || e.kind === 'units/retreated') out.push({ type: 'move', state: e.state, from: e.from, to: e.to, units: e.units, hostile: false });
    if (e.kind === 'units/recruited') out.push({ type: 'recruit', state: e.state, region: e.region, units: e.units });
  }
  return out;
}
