import type { Scenario } from '../../shared/scenario/schema';

/**
 * Colors, initials and patterns for states. Color is never the only cue (GAME.md §2): every owner
 * also gets two initials and a fill pattern, so a region reads the same in grey scale.
 */

export const PATTERNS = ['solid', 'stripes', 'dots', 'cross', 'checks', 'waves', 'diagonal', 'rings'] as const;
export type Pattern = (typeof PATTERNS)[number];

export interface StateStyle {
  id: string;
  name: string;
  /** #rrggbb from the scenario (an Okabe-Ito or Tol color). */
  color: string;
  /** The same color as a number for Phaser. */
  colorNum: number;
  /** Two letters, unique within the scenario. */
  initials: string;
  pattern: Pattern;
  /** Black or white, whichever reads better on `color` (at least 4.5:1 where possible). */
  ink: string;
}

/** Colors of the board itself (dark theme). */
export const BOARD = {
  background: 0x11161d,
  theater: 0x1a222c,
  theaterEdge: 0x3a4756,
  neutralLand: 0x59626d,
  sea: 0x1f4e6e,
  strait: 0x2c6a8a,
  edge: 0x55606c,
  seaEdge: 0x3f7fa6,
  fog: 0x0b0f14,
  highlight: 0xffffff,
  select: 0xf0e442,
} as const;

export function hexToNum(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

export function numToHex(n: number): string {
  return `#${n.toString(16).padStart(6, '0')}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const n = hexToNum(hex);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colors (1..21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white text, whichever contrasts more with the background. */
export function inkOn(bg: string): string {
  return contrastRatio('#000000', bg) >= contrastRatio('#ffffff', bg) ? '#000000' : '#ffffff';
}

/** Two letters per state, unique in the scenario: first two letters, else first and a later consonant. */
export function initialsFor(names: readonly { id: string; name: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const { id, name } of names) {
    const letters = name.replace(/[^A-Za-z]/g, '').toUpperCase() || id.toUpperCase();
    const candidates = [letters.slice(0, 2)];
    for (let i = 2; i < letters.length; i++) candidates.push(letters[0]! + letters[i]!);
    for (let i = 0; i < 26; i++) candidates.push(letters[0]! + String.fromCharCode(65 + i));
    const pick = candidates.find((c) => c.length === 2 && !used.has(c)) ?? `${letters[0] ?? 'X'}${out.size}`;
    used.add(pick);
    out.set(id, pick);
  }
  return out;
}

const styleCache = new WeakMap<Scenario, Map<string, StateStyle>>();

/** Display style of every state of a scenario, in scenario order. */
export function stateStyles(scenario: Scenario): Map<string, StateStyle> {
  const hit = styleCache.get(scenario);
  if (hit) return hit;
  const initials = initialsFor(scenario.states);
  const out = new Map<string, StateStyle>();
  scenario.states.forEach((s, i) => {
    out.set(s.id, {
      id: s.id, name: s.name, color: s.color, colorNum: hexToNum(s.color), initials: initials.get(s.id)!,
      pattern: PATTERNS[i % PATTERNS.length]!, ink: inkOn(s.color),
    });
  });
  styleCache.set(scenario, out);
  return out;
}

export function stateName(scenario: Scenario, id: string | null): string {
  if (id === null) return 'nobody';
  if (id === 'facilitator') return 'Facilitator';
  return scenario.states.find((s) => s.id === id)?.name ?? id;
}

/**
 * Heat color of a deterrence index: weak (below 1, an attack would likely win) is vermillion,
 * even (about 1–2) is yellow, strong (2 and more) is sky blue. A diverging scheme that stays
 * readable with red-green deficiencies; the number is always drawn beside it.
 */
export function heatColor(index: number): string {
  if (index < 1) return '#d55e00';
  if (index < 1.5) return '#e69f00';
  if (index < 2.5) return '#f0e442';
  return '#56b4e9';
}

/** A word for the deterrence index, for the hover card and screen readers. */
export function heatWord(index: number): string {
  if (index < 1) return 'weak: an attack could succeed';
  if (index < 1.5) return 'thin';
  if (index < 2.5) return 'solid';
  return 'strong';
}
