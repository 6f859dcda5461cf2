import * as Phaser from 'phaser';
import type { Pattern } from '../display/palette';

/** Small drawing helpers the board needs and Phaser's Graphics lacks (dashes, arrows, patterns). */

type G = Phaser.GameObjects.Graphics;

export function dashedLine(g: G, x1: number, y1: number, x2: number, y2: number, dash: [number, number] | null): void {
  if (!dash) {
    g.lineBetween(x1, y1, x2, y2);
    return;
  }
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const [on, off] = dash;
  for (let d = 0; d < len; d += on + off) {
    const e = Math.min(len, d + on);
    g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
  }
}

/** A line from a to b, shortened at both ends, with an arrowhead at b. */
export function arrow(g: G, x1: number, y1: number, x2: number, y2: number, trimStart: number, trimEnd: number, head: number, dash: [number, number] | null = null): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len <= trimStart + trimEnd) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const sx = x1 + ux * trimStart;
  const sy = y1 + uy * trimStart;
  const ex = x2 - ux * trimEnd;
  const ey = y2 - uy * trimEnd;
  dashedLine(g, sx, sy, ex - ux * head * 0.6, ey - uy * head * 0.6, dash);
  const px = -uy;
  const py = ux;
  g.fillTriangle(ex, ey, ex - ux * head + px * head * 0.6, ey - uy * head + py * head * 0.6, ex - ux * head - px * head * 0.6, ey - uy * head - py * head * 0.6);
}

export function polygon(cx: number, cy: number, r: number, sides: number, rotation: number): Phaser.Math.Vector2[] {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * Math.PI * 2) / sides;
    pts.push(new Phaser.Math.Vector2(cx + Math.cos(a) * r, cy + Math.sin(a) * r));
  }
  return pts;
}

export function starPoints(cx: number, cy: number, outer: number, inner: number): Phaser.Math.Vector2[] {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? outer : inner;
    pts.push(new Phaser.Math.Vector2(cx + Math.cos(a) * r, cy + Math.sin(a) * r));
  }
  return pts;
}

export function dashedCircle(g: G, cx: number, cy: number, r: number): void {
  const n = 24;
  for (let i = 0; i < n; i += 2) {
    g.beginPath();
    g.arc(cx, cy, r, (i / n) * Math.PI * 2, ((i + 1) / n) * Math.PI * 2);
    g.strokePath();
  }
}

/** Chords of a circle at spacing `step`, in direction `angle`. */
function chords(g: G, cx: number, cy: number, r: number, step: number, angle: number): void {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const px = -uy;
  const py = ux;
  for (let o = -r + step / 2; o < r; o += step) {
    const h = Math.sqrt(Math.max(0, r * r - o * o));
    const mx = cx + px * o;
    const my = cy + py * o;
    g.lineBetween(mx - ux * h, my - uy * h, mx + ux * h, my + uy * h);
  }
}

/** Fill pattern inside a circle: the second cue for who owns a region besides color. */
export function pattern(g: G, p: Pattern, cx: number, cy: number, r: number, color: number, alpha: number): void {
  const step = Math.max(7, r / 4);
  g.lineStyle(Math.max(1.5, r / 22), color, alpha);
  g.fillStyle(color, alpha);
  switch (p) {
    case 'solid':
      return;
    case 'stripes':
      chords(g, cx, cy, r, step, 0);
      return;
    case 'waves':
      chords(g, cx, cy, r, step, Math.PI / 2);
      return;
    case 'diagonal':
      chords(g, cx, cy, r, step, Math.PI / 4);
      return;
    case 'cross':
      chords(g, cx, cy, r, step * 1.3, 0);
      chords(g, cx, cy, r, step * 1.3, Math.PI / 2);
      return;
    case 'checks':
      chords(g, cx, cy, r, step * 1.3, Math.PI / 4);
      chords(g, cx, cy, r, step * 1.3, -Math.PI / 4);
      return;
    case 'dots':
      for (let y = -r; y <= r; y += step) {
        for (let x = -r; x <= r; x += step) if (x * x + y * y < (r - 3) * (r - 3)) g.fillCircle(cx + x, cy + y, Math.max(1.5, r / 16));
      }
      return;
    case 'rings':
      for (let k = step; k < r; k += step) g.strokeCircle(cx, cy, k);
      return;
  }
}
