import { boardOf } from '../../shared/board';
import type { ForceOrder } from '../../shared/orders';
import type { Scenario } from '../../shared/scenario/schema';
import type { TreatyKind, TreatyTerms } from '../../shared/treaties/terms';
import { treatyParties } from '../../shared/treaties/parties';
import type { PlayerView } from '../../shared/view';
import type { Pattern } from './palette';
import { BOARD, heatColor, numToHex, stateStyles } from './palette';

/**
 * The display model: what the board draws for a view, as plain data. BoardScene only turns this
 * into Phaser objects, so everything a player sees is testable without Phaser.
 */

export interface UnitCounter {
  state: string;
  count: number;
  color: string;
  initials: string;
  ink: string;
}

export interface RegionDisplay {
  id: string;
  name: string;
  theater: string;
  kind: 'land' | 'sea' | 'strait';
  x: number;
  y: number;
  /** Radius in board units. */
  r: number;
  owner: string | null;
  /** Fill color (owner's color, or the neutral land / sea color). */
  fill: number;
  /** Pattern over the fill; null for unowned regions. */
  pattern: Pattern | null;
  /** Owner's initials drawn on the region; null for unowned regions. */
  initials: string | null;
  /** Text color that reads on the fill. */
  ink: string;
  capital: boolean;
  home: boolean;
  output: number;
  /** Unit counters by state; null where fog hides them. */
  units: UnitCounter[] | null;
  fogged: boolean;
  /** Deterrence index as the viewer knows it; null for neutral or fogged regions. */
  deterrence: number | null;
  /** Heat color for the deterrence overlay. */
  heat: string | null;
  /** Owned by the viewing seat. */
  mine: boolean;
}

export interface EdgeDisplay {
  a: string;
  b: string;
  /** Water edges (to a sea or strait) are drawn dashed and blue. */
  water: boolean;
  /** Edges that cross between theaters. */
  crossTheater: boolean;
}

export interface TheaterDisplay {
  id: string;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TreatyStyle {
  label: string;
  color: string;
  width: number;
  /** Dash pattern in board units; null for a solid line. */
  dash: [number, number] | null;
  /** Drawn with an arrowhead from the first party to the second. */
  directed: boolean;
}

/** How each treaty kind is drawn between capitals; the legend shows the same table. */
export const TREATY_STYLES: Record<TreatyKind, TreatyStyle> = {
  'defense-pact': { label: 'Defense pact', color: '#f0e442', width: 6, dash: null, directed: false },
  guarantee: { label: 'Guarantee', color: '#ffb000', width: 4, dash: [18, 10], directed: true },
  basing: { label: 'Basing access', color: '#a6d8ff', width: 3, dash: [6, 8], directed: true },
  intelligence: { label: 'Intelligence sharing', color: '#c7b3ff', width: 3, dash: [2, 6], directed: false },
  trade: { label: 'Trade agreement', color: '#7fe0b0', width: 3, dash: [12, 6], directed: false },
  sanctions: { label: 'Sanctions coalition', color: '#ff8a80', width: 3, dash: [4, 4], directed: false },
  'non-aggression': { label: 'Non-aggression', color: '#e0e0e0', width: 2, dash: [10, 10], directed: false },
  technology: { label: 'Technology pact', color: '#80deea', width: 3, dash: [14, 4], directed: false },
  forum: { label: 'Forum', color: '#bdbdbd', width: 2, dash: [3, 9], directed: false },
};

export interface TreatyLine {
  treaty: string;
  kind: TreatyKind;
  /** Start and end in board units, offset so parallel treaties do not overlap. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  style: TreatyStyle;
}

export interface OrderArrow {
  kind: ForceOrder['kind'];
  from: string;
  /** Target region; for an exercise, the region itself. */
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  units: number;
  color: string;
  label: string;
}

export interface BoardDisplay {
  bounds: { x: number; y: number; w: number; h: number };
  theaters: TheaterDisplay[];
  regions: RegionDisplay[];
  edges: EdgeDisplay[];
  treatyLines: TreatyLine[];
  arrows: OrderArrow[];
}

/** Color of an order arrow by kind (shape and label differ too). */
export const ORDER_COLORS: Record<ForceOrder['kind'], string> = {
  move: '#ffffff',
  attack: '#ff5c39',
  support: '#56b4e9',
  exercise: '#c7b3ff',
};

/** Region radius: a little under half the closest spacing, within sane limits. */
export function regionRadius(scenario: Scenario): number {
  let min = Number.POSITIVE_INFINITY;
  const rs = scenario.regions;
  for (let i = 0; i < rs.length; i++) {
    for (let j = i + 1; j < rs.length; j++) {
      const d = Math.hypot(rs[i]!.position.x - rs[j]!.position.x, rs[i]!.position.y - rs[j]!.position.y);
      if (d < min) min = d;
    }
  }
  return Math.max(26, Math.min(88, Math.floor(min * 0.4)));
}

export function theaterBoxes(scenario: Scenario, pad: number): TheaterDisplay[] {
  return scenario.theaters.map((t) => {
    const rs = scenario.regions.filter((r) => r.theater === t.id);
    const xs = rs.map((r) => r.position.x);
    const ys = rs.map((r) => r.position.y);
    const x = Math.min(...xs) - pad;
    const y = Math.min(...ys) - pad - 40;
    return { id: t.id, name: t.name, x, y, w: Math.max(...xs) + pad - x, h: Math.max(...ys) + pad - y };
  });
}

function orderLabel(o: ForceOrder): string {
  return `${o.kind === 'exercise' ? 'Ex' : o.kind[0]!.toUpperCase()}${o.units}`;
}

/** Pairs a treaty draws a line between: the directed pair, or every pair of members. */
function linePairs(terms: TreatyTerms): [string, string][] {
  if (terms.kind === 'guarantee') return [[terms.guarantor, terms.protected]];
  if (terms.kind === 'basing') return [[terms.guest, terms.host]];
  const p = treatyParties(terms);
  const out: [string, string][] = [];
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) out.push([p[i]!, p[j]!]);
  return out;
}

export function treatyLines(scenario: Scenario, view: PlayerView): TreatyLine[] {
  const b = boardOf(scenario);
  const pos = (state: string) => {
    const rid = b.capital.get(state);
    const r = rid ? b.region.get(rid) : undefined;
    return r ? r.position : null;
  };
  const raw: { treaty: string; kind: TreatyKind; a: string; b: string }[] = [];
  for (const t of Object.values(view.treaties).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (t.status !== 'active') continue;
    for (const [a, c] of linePairs(t.terms)) raw.push({ treaty: t.id, kind: t.terms.kind, a, b: c });
  }
  const perPair = new Map<string, number>();
  for (const l of raw) {
    const k = [l.a, l.b].sort().join('|');
    perPair.set(k, (perPair.get(k) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const out: TreatyLine[] = [];
  for (const l of raw) {
    const pa = pos(l.a);
    const pb = pos(l.b);
    if (!pa || !pb) continue;
    const key = [l.a, l.b].sort().join('|');
    const n = perPair.get(key)!;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    // Offset parallel lines perpendicular to the pair's direction, in a direction independent of who is first.
    const [s, e] = l.a < l.b ? [pa, pb] : [pb, pa];
    const len = Math.hypot(e.x - s.x, e.y - s.y) || 1;
    const off = (k - (n - 1) / 2) * 12;
    const ox = (-(e.y - s.y) / len) * off;
    const oy = ((e.x - s.x) / len) * off;
    out.push({ treaty: l.treaty, kind: l.kind, x1: pa.x + ox, y1: pa.y + oy, x2: pb.x + ox, y2: pb.y + oy, style: TREATY_STYLES[l.kind] });
  }
  return out;
}

/** Arrows for force orders: the seat's own, or everyone's for an omniscient facilitator. */
export function orderArrows(scenario: Scenario, orders: readonly ForceOrder[], owner: string): OrderArrow[] {
  const b = boardOf(scenario);
  const styles = stateStyles(scenario);
  const out: OrderArrow[] = [];
  for (const o of orders) {
    const from = b.region.get(o.from);
    if (!from) continue;
    const to = o.kind === 'exercise' ? from : b.region.get(o.to);
    if (!to) continue;
    out.push({
      kind: o.kind, from: o.from, to: to.id, x1: from.position.x, y1: from.position.y, x2: to.position.x, y2: to.position.y,
      units: o.units, color: o.kind === 'move' ? (styles.get(owner)?.color ?? ORDER_COLORS.move) : ORDER_COLORS[o.kind], label: orderLabel(o),
    });
  }
  return out;
}

/** The whole board for one view. */
export function boardDisplay(scenario: Scenario, view: PlayerView): BoardDisplay {
  const b = boardOf(scenario);
  const styles = stateStyles(scenario);
  const r = regionRadius(scenario);
  const me = view.own?.state ?? (view.viewer.role === 'seat' ? view.viewer.state : null);
  const regions: RegionDisplay[] = scenario.regions.map((meta) => {
    const rv = view.regions[meta.id];
    const owner = rv?.owner ?? null;
    const st = owner ? styles.get(owner) : undefined;
    const fill = st ? st.colorNum : meta.kind === 'sea' ? BOARD.sea : meta.kind === 'strait' ? BOARD.strait : BOARD.neutralLand;
    const seen = rv?.units ?? null;
    const units: UnitCounter[] | null = seen === null ? null : Object.entries(seen)
      .filter(([, n]) => n > 0)
      .sort(([a], [c]) => (a === owner ? -1 : c === owner ? 1 : a < c ? -1 : 1))
      .map(([s, n]) => {
        const ss = styles.get(s);
        return { state: s, count: n, color: ss?.color ?? '#999999', initials: ss?.initials ?? s.slice(0, 2).toUpperCase(), ink: ss?.ink ?? '#000000' };
      });
    const deterrence = rv?.deterrence ?? null;
    return {
      id: meta.id, name: meta.name, theater: meta.theater, kind: meta.kind, x: meta.position.x, y: meta.position.y, r,
      owner, fill, pattern: st ? st.pattern : null, initials: st?.initials ?? null,
      ink: st ? st.ink : '#ffffff',
      capital: meta.capital, home: meta.home, output: meta.output,
      units, fogged: seen === null, deterrence, heat: deterrence === null ? null : heatColor(deterrence),
      mine: me !== null && owner === me,
    };
  });
  const edges: EdgeDisplay[] = [];
  for (const a of b.regionIds) {
    for (const c of b.adjacent.get(a) ?? []) {
      if (a >= c) continue;
      const ra = b.region.get(a)!;
      const rc = b.region.get(c);
      if (!rc) continue;
      edges.push({ a, b: c, water: ra.kind !== 'land' || rc.kind !== 'land', crossTheater: ra.theater !== rc.theater });
    }
  }
  const theaters = theaterBoxes(scenario, r + 30);
  const xs = theaters.flatMap((t) => [t.x, t.x + t.w]);
  const ys = theaters.flatMap((t) => [t.y, t.y + t.h]);
  const bounds = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
  const arrows: OrderArrow[] = [];
  if (view.own) arrows.push(...orderArrows(scenario, view.own.orders.force, view.own.state));
  else if (view.allOrders) for (const [s, o] of Object.entries(view.allOrders).sort()) arrows.push(...orderArrows(scenario, o.force, s));
  return { bounds, theaters, regions, edges, treatyLines: treatyLines(scenario, view), arrows };
}

export { numToHex };
