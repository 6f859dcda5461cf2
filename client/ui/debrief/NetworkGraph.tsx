import type { NetworkEdge } from '../../../shared/debrief/series';
import type { Scenario } from '../../../shared/scenario/schema';
import { TREATY_NAMES } from '../../display/format';
import { stateStyles } from '../../display/palette';

/**
 * The alliance network (GAME.md §9): states on a circle, one line per pair bound by a treaty, styled
 * by the strongest kind (color and dash, never color alone). Plain SVG: it prints and projects
 * sharply at any size.
 */

interface KindStyle {
  color: string;
  width: number;
  dash: string;
}

/** Strongest first: the line of a pair takes the style of its first kind in this order. */
export const KIND_STYLES: [string, KindStyle][] = [
  ['defense-pact', { color: '#0072b2', width: 6, dash: '' }],
  ['guarantee', { color: '#009e73', width: 4, dash: '10 5' }],
  ['basing', { color: '#cc79a7', width: 3, dash: '2 5' }],
  ['intelligence', { color: '#56b4e9', width: 3, dash: '7 4' }],
  ['non-aggression', { color: '#8a8a8a', width: 3, dash: '5 5' }],
  ['technology', { color: '#b59b00', width: 3, dash: '12 4 2 4' }],
  ['trade', { color: '#e69f00', width: 3, dash: '' }],
  ['sanctions', { color: '#d55e00', width: 2, dash: '1 4' }],
  ['forum', { color: '#9a9a9a', width: 2, dash: '3 3' }],
];
const STYLE = new Map(KIND_STYLES);

function styleOf(kinds: readonly string[]): KindStyle {
  for (const [k, s] of KIND_STYLES) if (kinds.includes(k)) return s;
  return { color: '#888888', width: 2, dash: '' };
}

const label = (k: string) => TREATY_NAMES[k as keyof typeof TREATY_NAMES] ?? k;

export function NetworkGraph({ scenario, edges, size = 420, ink = '#111111', title }: {
  scenario: Scenario;
  edges: readonly NetworkEdge[];
  size?: number;
  /** Text color: dark on the debrief's light page, light on the facilitator's dark one. */
  ink?: string;
  title: string;
}) {
  const styles = stateStyles(scenario);
  const ids = scenario.states.map((s) => s.id);
  const c = size / 2;
  // Room around the circle for names, which sit above the nodes of the upper half and below the rest.
  const r = size / 2 - 72;
  const pos = new Map(ids.map((id, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
    return [id, { x: c + r * Math.cos(a), y: c + r * Math.sin(a), a }];
  }));
  const kindsShown = KIND_STYLES.map(([k]) => k).filter((k) => edges.some((e) => e.kinds.includes(k)));
  const summary = edges.length === 0 ? 'No treaty binds any two states.' :
    edges.map((e) => `${styles.get(e.a)?.name ?? e.a} and ${styles.get(e.b)?.name ?? e.b}: ${e.kinds.map(label).join(', ')}`).join('; ');
  return (
    <figure class="network">
      <svg viewBox={`0 0 ${size} ${size}`} width="100%" role="img" aria-label={`${title}. ${summary}`} style={{ maxWidth: `${size}px` }}>
        {edges.map((e) => {
          const a = pos.get(e.a);
          const b = pos.get(e.b);
          if (!a || !b) return null;
          const s = styleOf(e.kinds);
          return (
            <line key={`${e.a}|${e.b}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={s.color} stroke-width={s.width + (e.kinds.length - 1)} stroke-dasharray={s.dash} stroke-linecap="round" opacity={0.9}>
              <title>{`${styles.get(e.a)?.name} – ${styles.get(e.b)?.name}: ${e.kinds.map(label).join(', ')}`}</title>
            </line>
          );
        })}
        {ids.map((id) => {
          const p = pos.get(id)!;
          const st = styles.get(id)!;
          const above = Math.sin(p.a) < -0.2;
          return (
            <g key={id}>
              <circle cx={p.x} cy={p.y} r={17} fill={st.color} stroke={ink} stroke-width={1.5} />
              <text x={p.x} y={p.y + 5} text-anchor="middle" font-size="13" font-weight="700" fill={st.ink}>{st.initials}</text>
              <text x={p.x} y={above ? p.y - 25 : p.y + 34} text-anchor="middle" font-size="14" font-weight="600" fill={ink}>{st.name}</text>
            </g>
          );
        })}
      </svg>
      <figcaption class="network-legend">
        {kindsShown.length === 0 ? <span>No treaties.</span> : kindsShown.map((k) => {
          const s = STYLE.get(k)!;
          return (
            <span key={k} class="legend-item">
              <svg width="36" height="10" aria-hidden="true"><line x1="2" y1="5" x2="34" y2="5" stroke={s.color} stroke-width={Math.min(s.width, 5)} stroke-dasharray={s.dash} stroke-linecap="round" /></svg>
              {label(k)}
            </span>
          );
        })}
      </figcaption>
    </figure>
  );
}
