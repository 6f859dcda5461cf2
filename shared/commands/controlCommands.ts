import type { ControlCommand } from '../commands';
import { aimCard, playCard } from '../engine/deck';
import { advancePhase, endMatch, startRound } from '../engine/phases';
import type { Turn } from '../engine/turn';
import type { Rejection } from '../rejection';
import { reject } from '../rejection';

type Cmd<T extends ControlCommand['type']> = Extract<ControlCommand, { type: T }>;

export function start(t: Turn): Rejection | null {
  if (t.s.phase !== 'setup') return reject('phase/started', 'The match has already started.');
  for (const id of t.stateIds) {
    const seat = t.s.seats[id]!;
    if (seat.controller === 'open' && t.s.settings.botsFill) {
      seat.controller = 'bot';
      seat.doctrine = seat.doctrine ?? defaultDoctrine(t, id);
      t.emit({ kind: 'seat/changed', audience: 'all', state: id, controller: 'bot', doctrine: seat.doctrine });
    }
  }
  t.emit({ kind: 'match/started', audience: 'all' });
  startRound(t);
  return null;
}

/** A scenario's revisionists play as opportunists, the rest as guardians, unless a host chose otherwise. */
function defaultDoctrine(t: Turn, state: string): string {
  const role = t.board.scenario.states.find((s) => s.id === state)?.role;
  return role === 'revisionist' ? 'opportunist' : 'guardian';
}

export function advance(t: Turn, actorRole: 'facilitator' | 'system'): Rejection | null {
  if (t.s.phase === 'setup' || t.s.phase === 'ended') return reject('phase/not-running', 'No phase is running.');
  if (t.s.paused && actorRole === 'system') return reject('phase/paused', 'The match is paused.');
  advancePhase(t);
  return null;
}

export function pause(t: Turn): Rejection | null {
  if (t.s.phase === 'setup' || t.s.phase === 'ended') return reject('phase/not-running', 'No phase is running.');
  if (t.s.paused) return reject('phase/paused', 'The match is already paused.');
  t.s.paused = true;
  t.s.remaining = t.s.deadline === null ? null : Math.max(0, t.s.deadline - t.at);
  t.s.deadline = null;
  t.emit({ kind: 'match/paused', audience: 'all' });
  return null;
}

export function resume(t: Turn): Rejection | null {
  if (!t.s.paused) return reject('phase/not-paused', 'The match is not paused.');
  t.s.paused = false;
  t.s.deadline = t.s.remaining === null ? null : t.at + t.s.remaining;
  t.s.remaining = null;
  t.emit({ kind: 'match/resumed', audience: 'all', deadline: t.s.deadline });
  return null;
}

export function extend(t: Turn, c: Cmd<'extend'>): Rejection | null {
  if (t.s.phase === 'setup' || t.s.phase === 'ended') return reject('phase/not-running', 'No phase is running.');
  const ms = c.seconds * 1000;
  if (t.s.paused) t.s.remaining = (t.s.remaining ?? 0) + ms;
  else t.s.deadline = (t.s.deadline ?? t.at) + ms;
  t.emit({ kind: 'phase/extended', audience: 'all', deadline: t.s.deadline });
  return null;
}

/** Cards whose effect falls on the state they strike. */
const STATE_CARDS: readonly string[] = ['technology-shift', 'rising-competitor', 'cyber-attack', 'election', 'space-incident'];

export function injectEvent(t: Turn, c: Cmd<'injectEvent'>): Rejection | null {
  if (t.s.phase === 'setup' || t.s.phase === 'ended') return reject('phase/not-running', 'Events can be injected only while the match runs.');
  if (c.target !== undefined && !t.s.nations[c.target] && !t.s.regions[c.target]) {
    return reject('event/unknown-target', `There is no state or region "${c.target}".`);
  }
  // A card must be able to strike what it is aimed at, or it would have no effect (GAME.md §1).
  if (c.target !== undefined && STATE_CARDS.includes(c.card) && !t.s.nations[c.target]) {
    return reject('event/unknown-target', `This card strikes a state; "${c.target}" is not one.`);
  }
  if (c.target !== undefined && c.card === 'sea-lane-crisis' && !t.s.regions[c.target]) {
    return reject('event/unknown-target', `A sea-lane crisis strikes a region; "${c.target}" is not one.`);
  }
  if (c.card === 'custom') {
    if (!c.text) return reject('event/no-text', 'A custom crisis needs its text.');
    playCard(t, { kind: 'custom', target: c.target ?? null, text: c.text });
    return null;
  }
  const card = aimCard(t, c.card, c.target);
  playCard(t, c.text ? { ...card, text: c.text } : card);
  return null;
}

export function end(t: Turn): Rejection | null {
  if (t.s.phase === 'ended') return reject('phase/ended', 'The match has already ended.');
  endMatch(t);
  return null;
}

export function setSeat(t: Turn, c: Cmd<'setSeat'>): Rejection | null {
  const seat = t.s.seats[c.state];
  if (!seat) return reject('seat/unknown', `There is no state "${c.state}".`);
  if (t.s.phase === 'ended') return reject('phase/ended', 'The match has ended.');
  seat.controller = c.controller;
  seat.doctrine = c.controller === 'bot' ? (c.doctrine ?? seat.doctrine ?? defaultDoctrine(t, c.state)) : (c.doctrine ?? seat.doctrine);
  seat.ready = false;
  t.emit({ kind: 'seat/changed', audience: 'all', state: c.state, controller: c.controller, doctrine: seat.doctrine });
  return null;
}

export function broadcast(t: Turn, c: Cmd<'broadcast'>): Rejection | null {
  t.s.messages.push({ id: t.newId('msg-'), round: t.s.round, channel: 'public', from: 'facilitator', kind: 'broadcast', text: c.text, at: t.at });
  t.emit({ kind: 'facilitator/broadcast', audience: 'all', text: c.text });
  return null;
}
