import { boardOf } from '../../../shared/board';
import type { DebriefTreaty } from '../../../shared/debrief/data';
import type { Moment, MomentKind } from '../../../shared/debrief/moments';
import type { Scenario } from '../../../shared/scenario/schema';
import { TREATY_NAMES } from '../../display/format';
import { stateName } from '../../display/palette';

/** The timeline of key moments (GAME.md §9), by round, each with an icon and a sentence. */

export const MOMENT_ICONS: Record<MomentKind, { icon: string; label: string; tone: 'good' | 'bad' | 'neutral' }> = {
  'treaty-signed': { icon: '✍', label: 'Treaty signed', tone: 'good' },
  'treaty-broken': { icon: '✂', label: 'Treaty broken', tone: 'bad' },
  'treaty-left': { icon: '↩', label: 'Left a treaty', tone: 'neutral' },
  'treaty-ended': { icon: '○', label: 'Treaty ended', tone: 'neutral' },
  'crisis-honored': { icon: '✔', label: 'Crisis honored', tone: 'good' },
  'crisis-abandoned': { icon: '✘', label: 'Ally abandoned', tone: 'bad' },
  'government-fell': { icon: '▼', label: 'Government fell', tone: 'bad' },
  'region-captured': { icon: '⚑', label: 'Region changed hands', tone: 'bad' },
  event: { icon: '✦', label: 'Event', tone: 'neutral' },
  broadcast: { icon: '✉', label: 'Facilitator', tone: 'neutral' },
  'match-ended': { icon: '★', label: 'Match ended', tone: 'neutral' },
};

export function describeMoment(scenario: Scenario, treaties: Record<string, DebriefTreaty>, m: Moment): string {
  const b = boardOf(scenario);
  const n = (id: string | undefined) => stateName(scenario, id ?? null);
  const region = (id: string | null) => (id ? b.region.get(id)?.name ?? stateName(scenario, id) : 'somewhere');
  const t = m.treaty ? treaties[m.treaty] : undefined;
  const kind = (t?.kind ?? m.treatyKind ?? 'treaty') as keyof typeof TREATY_NAMES;
  const tname = t?.name ?? (TREATY_NAMES[kind] ?? 'treaty').toLowerCase();
  const parties = (t?.parties ?? m.states).map((s) => n(s)).join(', ');
  switch (m.kind) {
    case 'treaty-signed': return `${t?.name ? `${t.name} (${(TREATY_NAMES[kind] ?? '').toLowerCase()})` : TREATY_NAMES[kind] ?? 'Treaty'} signed by ${m.states.map(n).join(', ')}.`;
    case 'treaty-broken': return m.states.length > 1
      ? `${n(m.states[0])} broke the ${tname} by attacking ${n(m.states[1])}.`
      : `${n(m.states[0])} walked out of the ${tname} at once, a breach.`;
    case 'treaty-left': return `${n(m.states[0])} gave notice and left the ${tname}.`;
    case 'treaty-ended': return `The ${tname}${parties ? ` (${parties})` : ''} ended${m.text ? `: ${m.text}` : ''}.`;
    case 'crisis-honored': return `${n(m.states[0])} honored its obligation to ${n(m.states[1])} at ${region(m.region)}${m.units ? ` with ${m.units} unit${m.units === 1 ? '' : 's'}` : ''}.`;
    case 'crisis-abandoned': return `${n(m.states[0])} abstained: it left ${n(m.states[1])} alone at ${region(m.region)}.`;
    case 'government-fell': return `The government of ${n(m.states[0])} fell.`;
    case 'region-captured': return m.states.length > 1 ? `${n(m.states[0])} took ${region(m.region)} from ${n(m.states[1])}.` : `${n(m.states[0])} took ${region(m.region)}.`;
    case 'event': return m.text ?? 'An event.';
    case 'broadcast': return `“${m.text ?? ''}”`;
    case 'match-ended': return `The match ended. Winner${m.states.length === 1 ? '' : 's'}: ${m.states.map(n).join(', ') || 'none'}.`;
  }
}

export function Timeline({ scenario, treaties, moments }: { scenario: Scenario; treaties: Record<string, DebriefTreaty>; moments: readonly Moment[] }) {
  const rounds = [...new Set(moments.map((m) => m.round))].sort((a, b) => a - b);
  if (moments.length === 0) return <p class="muted">No key moments yet.</p>;
  return (
    <ol class="timeline" aria-label="Key moments by round">
      {rounds.map((r) => (
        <li key={r} class="tl-round">
          <h3>{r === 0 ? 'Before the first round' : `Round ${r}`}</h3>
          <ul class="tl-items">
            {moments.filter((m) => m.round === r).map((m, i) => {
              const k = MOMENT_ICONS[m.kind];
              return (
                <li key={i} class={`tl-item tone-${k.tone} kind-${m.kind}`}>
                  <span class="tl-icon" aria-hidden="true">{k.icon}</span>
                  <span class="tl-kind">{k.label}</span>
                  <span class="tl-text">{describeMoment(scenario, treaties, m)}</span>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
