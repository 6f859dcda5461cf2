import { pairChannel } from '../../shared/commands/pressCommands';
import type { Message } from '../../shared/state';
import type { Scenario } from '../../shared/scenario/schema';
import { treatyParties } from '../../shared/treaties/parties';
import type { PlayerView } from '../../shared/view';
import { treatyTitle } from './format';
import { stateName } from './palette';

/** The channels a seat may read and write, with unread counts (GAME.md §5, §7 press modes). */

export interface ChannelInfo {
  id: string;
  label: string;
  kind: 'public' | 'pair' | 'treaty';
  /** May the viewer write here (press mode and membership allow it)? */
  writable: boolean;
  unread: number;
  messages: Message[];
}

/**
 * Channels shown to the viewer. Press modes hide what they forbid: "public" shows only the public
 * channel, "none" shows no channels at all (no-press, "gunboat").
 */
export function channelsFor(scenario: Scenario, view: PlayerView, lastRead: Record<string, number>): ChannelInfo[] {
  const press = view.settings.press;
  if (press === 'none') return [];
  const me = view.own?.state ?? null;
  const byChannel = new Map<string, Message[]>();
  for (const m of view.messages) byChannel.set(m.channel, [...(byChannel.get(m.channel) ?? []), m]);
  const unread = (id: string) => (byChannel.get(id) ?? []).filter((m) => m.at > (lastRead[id] ?? 0) && m.from !== me).length;
  const out: ChannelInfo[] = [{ id: 'public', label: 'Public', kind: 'public', writable: me !== null, unread: unread('public'), messages: byChannel.get('public') ?? [] }];
  if (press === 'public') return out;
  const treatyChannels = Object.values(view.treaties)
    .filter((t) => t.status === 'active' && (me === null || treatyParties(t.terms).includes(me)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const t of treatyChannels) {
    const id = `treaty:${t.id}`;
    out.push({ id, label: treatyTitle(scenario, t.terms), kind: 'treaty', writable: me !== null, unread: unread(id), messages: byChannel.get(id) ?? [] });
  }
  if (me) {
    for (const s of scenario.states) {
      if (s.id === me) continue;
      const id = pairChannel(me, s.id);
      out.push({ id, label: s.name, kind: 'pair', writable: true, unread: unread(id), messages: byChannel.get(id) ?? [] });
    }
  } else {
    // Spectators and facilitators read whatever their view carries.
    for (const id of [...byChannel.keys()].sort()) {
      if (out.some((c) => c.id === id)) continue;
      const pair = /^pair:([a-z0-9-]+):([a-z0-9-]+)$/.exec(id);
      const label = pair ? `${stateName(scenario, pair[1]!)} – ${stateName(scenario, pair[2]!)}` : id;
      out.push({ id, label, kind: pair ? 'pair' : 'treaty', writable: false, unread: unread(id), messages: byChannel.get(id)! });
    }
  }
  return out;
}
