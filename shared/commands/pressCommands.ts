import type { SeatCommand } from '../commands';
import type { Turn } from '../engine/turn';
import type { Rejection } from '../rejection';
import { reject } from '../rejection';
import type { GameState } from '../state';
import { treatyParties } from '../treaties/parties';

type Cmd<T extends SeatCommand['type']> = Extract<SeatCommand, { type: T }>;

/** The pairwise channel of two states, ids sorted. */
export function pairChannel(a: string, b: string): string {
  return a < b ? `pair:${a}:${b}` : `pair:${b}:${a}`;
}

/** Who may read a channel; null for a channel that does not exist. 'all' for the public one. */
export function channelMembers(s: GameState | { treaties: GameState['treaties']; nations: Record<string, unknown> }, channel: string): 'all' | string[] | null {
  if (channel === 'public') return 'all';
  const pair = /^pair:([a-z0-9-]+):([a-z0-9-]+)$/.exec(channel);
  if (pair) {
    const [, a, b] = pair;
    if (!a || !b || a >= b || !(a in s.nations) || !(b in s.nations)) return null;
    return [a, b];
  }
  const treaty = /^treaty:([a-z0-9-]+)$/.exec(channel);
  if (treaty) {
    const tr = s.treaties[treaty[1]!];
    if (!tr || tr.status !== 'active') return null;
    return treatyParties(tr.terms);
  }
  return null;
}

export function message(t: Turn, seat: string, c: Cmd<'message'>): Rejection | null {
  const press = t.s.settings.press;
  if (press === 'none') return reject('press/none', 'This is a no-press match: no messages may be sent.');
  const members = channelMembers(t.s, c.channel);
  if (members === null) return reject('press/unknown-channel', `There is no channel "${c.channel}".`);
  if (members !== 'all') {
    if (press === 'public') return reject('press/public-only', 'This match allows only the public channel.');
    if (!members.includes(seat)) return reject('press/not-member', 'You are not a member of that channel.');
  }
  t.s.messages.push({ id: t.newId('msg-'), round: t.s.round, channel: c.channel, from: seat, kind: 'chat', text: c.text, at: t.at });
  return null;
}

export function declare(t: Turn, seat: string, c: Cmd<'declare'>): Rejection | null {
  if (t.s.settings.press === 'none') return reject('press/none', 'This is a no-press match: no declarations.');
  t.s.messages.push({ id: t.newId('msg-'), round: t.s.round, channel: 'public', from: seat, kind: 'declaration', text: c.text, at: t.at });
  t.emit({ kind: 'declaration', audience: 'all', state: seat, text: c.text });
  return null;
}
