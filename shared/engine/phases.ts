import { closeVote, recount } from '../commands/voteCommands';
import { resolveRound } from '../resolve/resolveRound';
import { computeScores } from '../resolve/scores';
import { eligibleUnits } from '../rules/crisisRules';
import type { Phase } from '../state';
import { intelligencePartners, obligationsTo } from '../treaties/queries';
import { treatyParties } from '../treaties/parties';
import { drawCards, playCard } from './deck';
import type { Turn } from './turn';

type Timed = Exclude<Phase, 'setup' | 'ended'>;

/** Enter a phase: its deadline is absolute server time; while paused the clock holds what is left. */
export function enterPhase(t: Turn, phase: Timed): void {
  const ms = t.s.settings.phaseSeconds[phase] * 1000;
  t.s.phase = phase;
  if (t.s.paused) {
    t.s.deadline = null;
    t.s.remaining = ms;
  } else {
    t.s.deadline = t.at + ms;
    t.s.remaining = null;
  }
  for (const seat of Object.values(t.s.seats)) seat.ready = false;
  t.emit({ kind: 'phase/changed', audience: 'all', phase, deadline: t.s.deadline });
}

/** A round opens: last round's report is kept, this round's cards are revealed and take effect. */
export function startRound(t: Turn): void {
  t.s.round += 1;
  t.s.lastReport = t.s.report;
  t.s.report = [];
  t.s.effects = { tradeSuspended: false, earlyWarningOff: false };
  t.emit({ kind: 'round/started', audience: 'all' });
  const cards = t.s.round === 1 ? drawCards(t) : t.s.pendingEvents;
  t.s.pendingEvents = [];
  for (const card of cards) playCard(t, card);
  if (t.s.settings.phaseSeconds.briefing > 0) enterPhase(t, 'briefing');
  else enterPhase(t, 'diplomacy');
}

/** End the current phase and do what its end brings (GAME.md §3). */
export function advancePhase(t: Turn): void {
  switch (t.s.phase) {
    case 'briefing':
      enterPhase(t, 'diplomacy');
      return;
    case 'diplomacy':
      closeDiplomacy(t);
      enterPhase(t, 'orders');
      return;
    case 'orders':
      if (openCrises(t)) enterPhase(t, 'crisis');
      else resolveAndContinue(t);
      return;
    case 'crisis':
      for (const c of t.s.crises) if (c.choice === null) c.choice = 'abstain';
      resolveAndContinue(t);
      return;
    case 'setup':
    case 'ended':
      return;
  }
}

/** Accepted proposals become active; the rest lapse; votes still open are counted among the voters left, else fail. */
function closeDiplomacy(t: Turn): void {
  for (const tr of Object.values(t.s.treaties).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (tr.status === 'accepted') {
      tr.status = 'active';
      tr.activeSince = t.s.round;
      t.emit({ kind: 'treaty/activated', audience: 'all', treaty: tr.id, treatyKind: tr.terms.kind, parties: treatyParties(tr.terms) });
    } else if (tr.status === 'proposed') {
      delete t.s.treaties[tr.id];
      t.emit({ kind: 'treaty/expired', audience: treatyParties(tr.terms), treaty: tr.id });
    }
  }
  for (const v of Object.values(t.s.votes).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    // Members who left during the phase no longer vote: what the others said may already decide it.
    recount(t, v);
    if (v.status === 'open') closeVote(t, v, false);
  }
}

/**
 * Attacks on a member of a defense pact or a guaranteed state call on its allies (GAME.md §3.4).
 * Intelligence partners give the defender early warning. Returns whether any crisis opened.
 */
function openCrises(t: Turn): boolean {
  t.s.crises = [];
  const attacks = new Map<string, { attackers: Set<string>; units: number }>();
  for (const seat of t.stateIds) {
    for (const o of t.s.orders[seat]?.force ?? []) {
      if (o.kind !== 'attack') continue;
      const a = attacks.get(o.to) ?? { attackers: new Set<string>(), units: 0 };
      a.attackers.add(seat);
      a.units += o.units;
      attacks.set(o.to, a);
    }
  }
  for (const region of [...attacks.keys()].sort()) {
    const a = attacks.get(region)!;
    const defender = t.s.regions[region]?.owner ?? null;
    if (defender === null) continue;
    const attackers = [...a.attackers].sort();
    if (!t.s.effects.earlyWarningOff) {
      const warned = intelligencePartners(t.s.treaties, defender).filter((p) => !a.attackers.has(p));
      if (warned.length) t.emit({ kind: 'warning/attack', audience: [defender, ...warned], region, attackers, units: a.units });
    }
    for (const ob of obligationsTo(t.s.treaties, defender)) {
      if (a.attackers.has(ob.ally)) continue;
      const eligible = eligibleUnits(t.board, t.s, ob.ally, region);
      if (eligible === 0) continue;
      const id = t.newId('crisis-');
      t.s.crises.push({
        id, region, defender, attackers, attackUnits: a.units, ally: ob.ally, obligation: ob.kind, treatyId: ob.treatyId,
        eligible, choice: null, committed: {},
      });
      t.emit({ kind: 'crisis/opened', audience: [defender, ob.ally], crisis: id, region, defender, attackers, ally: ob.ally, eligible });
    }
  }
  return t.s.crises.length > 0;
}

function resolveAndContinue(t: Turn): void {
  resolveRound(t);
  if (t.s.round >= t.s.rounds) endMatch(t);
  else startRound(t);
}

export function endMatch(t: Turn): void {
  t.s.phase = 'ended';
  t.s.deadline = null;
  t.s.remaining = null;
  t.s.paused = false;
  computeScores(t);
  const totals = Object.fromEntries(Object.entries(t.s.scores).map(([k, v]) => [k, v.total]));
  const best = Math.max(...Object.values(totals), Number.NEGATIVE_INFINITY);
  t.s.winners = Object.keys(totals).filter((k) => totals[k] === best).sort();
  t.emit({ kind: 'match/ended', audience: 'all', winners: t.s.winners, scores: totals });
  t.s.lastReport = t.s.report;
}

/** Every seat that plays (a person or a bot) is ready: the phase may end early. */
export function everyoneReady(t: Turn): boolean {
  // A loop, not Object.values: this runs after every ready.
  let playing = 0;
  for (const id in t.s.seats) {
    const seat = t.s.seats[id]!;
    if (seat.controller === 'open') continue;
    if (!seat.ready) return false;
    playing++;
  }
  return playing > 0;
}

/** Every crisis is answered: no need to wait for the timer. */
export function crisesAnswered(t: Turn): boolean {
  return t.s.crises.every((c) => c.choice !== null);
}
