import type { GameEvent } from '../events';

/**
 * The debrief's timeline (GAME.md §9): the key moments of a match, read from its typed events.
 * Only public events count (audience 'all'), so the same timeline may be shown to anyone.
 */

export const MOMENT_KINDS = [
  'treaty-signed', 'treaty-broken', 'treaty-left', 'treaty-ended', 'crisis-honored', 'crisis-abandoned',
  'government-fell', 'region-captured', 'event', 'broadcast', 'match-ended',
] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export interface Moment {
  round: number;
  kind: MomentKind;
  /** States it is about; for a crisis: the ally first, then the defender; for a capture: the new owner, then the old. */
  states: string[];
  region: string | null;
  treaty: string | null;
  /** Treaty kind, for treaty moments. */
  treatyKind: string | null;
  /** Card or broadcast text; a treaty's end reason; units committed in a crisis. */
  text: string | null;
  units: number | null;
}

const base = (round: number, kind: MomentKind): Moment => ({ round, kind, states: [], region: null, treaty: null, treatyKind: null, text: null, units: null });

/**
 * Fold events into moments. `kinds` remembers each treaty's kind across calls (treaties are signed
 * long before they are broken), so call it with the same map for a whole match.
 */
export function momentsOf(events: readonly GameEvent[], kinds: Map<string, string> = new Map()): Moment[] {
  const out: Moment[] = [];
  for (const e of events) {
    if (e.audience !== 'all') continue;
    switch (e.kind) {
      case 'treaty/proposed':
        kinds.set(e.treaty, e.treatyKind);
        break;
      case 'treaty/activated':
        kinds.set(e.treaty, e.treatyKind);
        out.push({ ...base(e.round, 'treaty-signed'), states: [...e.parties], treaty: e.treaty, treatyKind: e.treatyKind });
        break;
      case 'treaty/breached':
        out.push({ ...base(e.round, 'treaty-broken'), states: [e.state, e.victim], treaty: e.treaty, treatyKind: kinds.get(e.treaty) ?? null });
        break;
      case 'treaty/left':
        out.push({ ...base(e.round, e.breach ? 'treaty-broken' : 'treaty-left'), states: [e.state], treaty: e.treaty, treatyKind: kinds.get(e.treaty) ?? null });
        break;
      case 'treaty/ended':
        out.push({ ...base(e.round, 'treaty-ended'), treaty: e.treaty, treatyKind: kinds.get(e.treaty) ?? null, text: e.reason });
        break;
      case 'crisis/decided':
        out.push({
          ...base(e.round, e.choice === 'honor' ? 'crisis-honored' : 'crisis-abandoned'),
          states: [e.ally, e.defender], region: e.region, units: e.units,
        });
        break;
      case 'government/fell':
        out.push({ ...base(e.round, 'government-fell'), states: [e.state] });
        break;
      case 'region/captured':
        out.push({ ...base(e.round, 'region-captured'), states: e.from === null ? [e.to] : [e.to, e.from], region: e.region });
        break;
      case 'card/revealed':
        // A card strikes a state or a region: its target is kept in `region` either way (the client names it).
        out.push({ ...base(e.round, 'event'), region: e.target, text: e.text });
        break;
      case 'facilitator/broadcast':
        out.push({ ...base(e.round, 'broadcast'), text: e.text });
        break;
      case 'match/ended':
        out.push({ ...base(e.round, 'match-ended'), states: [...e.winners] });
        break;
      default:
        break;
    }
  }
  return out;
}
