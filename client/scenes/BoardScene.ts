import * as Phaser from 'phaser';
import type { BoardDisplay, RegionDisplay } from '../display/boardModel';
import { boardDisplay, ORDER_COLORS } from '../display/boardModel';
import { stackOptions } from '../display/orderBuilder';
import { BOARD, hexToNum, stateStyles } from '../display/palette';
import type { AnimationStep } from '../display/report';
import { animationSteps } from '../display/report';
import type { MatchController } from '../ui/controller';
import { arrow, dashedCircle, dashedLine, pattern, polygon, starPoints } from './draw';

/**
 * The board: draws the display model of the current view and turns pointer, touch and key input
 * into intents on the controller (hover, click a region, pan, zoom). It decides nothing.
 */

const FONT = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
const MIN_ZOOM = 0.15;
const MAX_ZOOM = 3;

export class BoardScene extends Phaser.Scene {
  private ctrl!: MatchController;
  private display: BoardDisplay | null = null;
  private base!: Phaser.GameObjects.Graphics;
  private regionsG!: Phaser.GameObjects.Graphics;
  private linesG!: Phaser.GameObjects.Graphics;
  private marksG!: Phaser.GameObjects.Graphics;
  private highlightG!: Phaser.GameObjects.Graphics;
  private animG!: Phaser.GameObjects.Graphics;
  private staticTexts: Phaser.GameObjects.Text[] = [];
  private dynamicTexts: Phaser.GameObjects.Text[] = [];
  private animTexts: Phaser.GameObjects.Text[] = [];
  private drawnView: unknown = null;
  private drawnScenario: unknown = null;
  private drawnOverlay = '';
  private drawnMarks = '';
  private reportRound = 0;
  private replayTick = 0;
  private userMoved = false;
  private drag: { x: number; y: number; sx: number; sy: number; moved: boolean } | null = null;
  private pinch: { dist: number; zoom: number } | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super('board');
  }

  init(data: { ctrl: MatchController }): void {
    this.ctrl = data.ctrl;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(BOARD.background);
    this.base = this.add.graphics();
    this.linesG = this.add.graphics();
    this.regionsG = this.add.graphics();
    this.marksG = this.add.graphics();
    this.highlightG = this.add.graphics();
    this.animG = this.add.graphics();
    this.input.addPointer(1);
    this.input.on('pointerdown', this.onDown, this);
    this.input.on('pointermove', this.onMove, this);
    this.input.on('pointerup', this.onUp, this);
    this.input.on('pointerupoutside', this.onUp, this);
    this.input.on('gameout', () => this.ctrl.setHover(null));
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => this.zoomAt(p.x, p.y, dy > 0 ? 1 / 1.15 : 1.15));
    this.scale.on('resize', () => {
      if (!this.userMoved) this.fit();
    });
    this.reportRound = this.ctrl.reportRound;
    this.replayTick = this.ctrl.replayTick;
    this.unsubscribe = this.ctrl.subscribe(() => this.refresh());
    this.events.once('shutdown', () => this.unsubscribe?.());
    this.refresh();
  }

  /** Keys, from the board's focusable container: arrows/WASD pan, +/− zoom, 0 fits, Esc clears. */
  key(e: KeyboardEvent): boolean {
    const cam = this.cameras.main;
    const step = 80 / cam.zoom;
    switch (e.key) {
      case 'ArrowLeft': case 'a': cam.scrollX -= step; break;
      case 'ArrowRight': case 'd': cam.scrollX += step; break;
      case 'ArrowUp': case 'w': cam.scrollY -= step; break;
      case 'ArrowDown': case 's': cam.scrollY += step; break;
      case '+': case '=': this.zoomAt(cam.width / 2, cam.height / 2, 1.2); break;
      case '-': case '_': this.zoomAt(cam.width / 2, cam.height / 2, 1 / 1.2); break;
      case '0': this.userMoved = false; this.fit(); break;
      case 'Escape': this.ctrl.select(null); break;
      default: return false;
    }
    this.userMoved = true;
    return true;
  }

  fit(): void {
    if (!this.display) return;
    const cam = this.cameras.main;
    const b = this.display.bounds;
    // Leave room for the toolbar above and the legend below.
    const top = 52;
    const bottom = 40;
    const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.min((cam.width - 24) / b.w, (cam.height - top - bottom) / b.h)));
    cam.setZoom(zoom);
    cam.centerOn(b.x + b.w / 2, b.y + b.h / 2 - (top - bottom) / 2 / zoom);
  }

  private zoomAt(sx: number, sy: number, factor: number): void {
    const cam = this.cameras.main;
    const before = cam.getWorldPoint(sx, sy);
    cam.setZoom(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, cam.zoom * factor)));
    const after = cam.getWorldPoint(sx, sy);
    cam.scrollX += before.x - after.x;
    cam.scrollY += before.y - after.y;
    this.userMoved = true;
  }

  private regionAt(wx: number, wy: number): RegionDisplay | null {
    if (!this.display) return null;
    let best: RegionDisplay | null = null;
    let bestD = Number.POSITIVE_INFINITY;
    for (const r of this.display.regions) {
      const d = Math.hypot(r.x - wx, r.y - wy);
      if (d <= r.r * 1.1 && d < bestD) {
        best = r;
        bestD = d;
      }
    }
    return best;
  }

  private onDown(p: Phaser.Input.Pointer): void {
    const p1 = this.input.pointer1;
    const p2 = this.input.pointer2;
    if (p1?.isDown && p2?.isDown) {
      this.pinch = { dist: Math.hypot(p1.x - p2.x, p1.y - p2.y), zoom: this.cameras.main.zoom };
      this.drag = null;
      return;
    }
    this.drag = { x: p.x, y: p.y, sx: this.cameras.main.scrollX, sy: this.cameras.main.scrollY, moved: false };
  }

  private onMove(p: Phaser.Input.Pointer): void {
    const cam = this.cameras.main;
    if (this.pinch) {
      const p1 = this.input.pointer1;
      const p2 = this.input.pointer2;
      if (p1?.isDown && p2?.isDown) {
        const d = Math.hypot(p1.x - p2.x, p1.y - p2.y);
        const target = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, (this.pinch.zoom * d) / Math.max(1, this.pinch.dist)));
        this.zoomAt((p1.x + p2.x) / 2, (p1.y + p2.y) / 2, target / cam.zoom);
      }
      return;
    }
    if (this.drag && p.isDown) {
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (this.drag.moved || Math.hypot(dx, dy) > 8) {
        this.drag.moved = true;
        this.userMoved = true;
        cam.scrollX = this.drag.sx - dx / cam.zoom;
        cam.scrollY = this.drag.sy - dy / cam.zoom;
        this.ctrl.setHover(null);
      }
      return;
    }
    const w = cam.getWorldPoint(p.x, p.y);
    const r = this.regionAt(w.x, w.y);
    this.ctrl.setHover(r ? { region: r.id, x: p.x, y: p.y } : null);
  }

  private onUp(p: Phaser.Input.Pointer): void {
    if (this.pinch) {
      if (!this.input.pointer1?.isDown && !this.input.pointer2?.isDown) this.pinch = null;
      this.drag = null;
      return;
    }
    const drag = this.drag;
    this.drag = null;
    if (!drag || drag.moved) return;
    const w = this.cameras.main.getWorldPoint(p.x, p.y);
    const r = this.regionAt(w.x, w.y);
    if (r) {
      this.ctrl.setHover({ region: r.id, x: p.x, y: p.y });
      this.ctrl.clickRegion(r.id);
    } else {
      this.ctrl.select(null);
    }
  }

  private refresh(): void {
    const { scenario, view } = this.ctrl;
    if (!scenario || !view) return;
    const fresh = view !== this.drawnView || scenario !== this.drawnScenario || this.ctrl.overlay !== this.drawnOverlay;
    if (fresh) {
      const first = this.display === null;
      this.display = boardDisplay(scenario, view);
      if (scenario !== this.drawnScenario) this.drawStatic();
      this.drawDynamic();
      this.drawnView = view;
      this.drawnScenario = scenario;
      this.drawnOverlay = this.ctrl.overlay;
      if (first) {
        this.fit();
        this.ctrl.markBoardReady();
      }
    }
    const marks = `${this.ctrl.selected}|${this.ctrl.hover?.region}|${this.ctrl.pendingTarget?.target}|${fresh}`;
    if (marks !== this.drawnMarks) {
      this.drawHighlights();
      this.drawnMarks = marks;
    }
    if (this.ctrl.reportRound !== this.reportRound || this.ctrl.replayTick !== this.replayTick) {
      this.reportRound = this.ctrl.reportRound;
      this.replayTick = this.ctrl.replayTick;
      this.animate(animationSteps(scenario, view.lastReport, view));
    }
  }

  private text(x: number, y: number, s: string, size: number, color: string, opts: Partial<Phaser.Types.GameObjects.Text.TextStyle> = {}): Phaser.GameObjects.Text {
    return this.add.text(x, y, s, { fontFamily: FONT, fontSize: `${Math.round(size)}px`, color, resolution: 2, ...opts }).setOrigin(0.5);
  }

  /** Theaters, adjacency and region names: what never changes during a match. */
  private drawStatic(): void {
    const d = this.display!;
    for (const t of this.staticTexts) t.destroy();
    this.staticTexts = [];
    const g = this.base;
    g.clear();
    for (const t of d.theaters) {
      g.fillStyle(BOARD.theater, 1);
      g.fillRoundedRect(t.x, t.y, t.w, t.h, 28);
      g.lineStyle(3, BOARD.theaterEdge, 1);
      g.strokeRoundedRect(t.x, t.y, t.w, t.h, 28);
      this.staticTexts.push(this.text(t.x + t.w / 2, t.y + 26, t.name.toUpperCase(), 26, '#aab6c3', { fontStyle: 'bold', letterSpacing: 4 }));
    }
    const pos = new Map(d.regions.map((r) => [r.id, r]));
    for (const e of d.edges) {
      const a = pos.get(e.a)!;
      const b = pos.get(e.b)!;
      g.lineStyle(e.water ? 3 : 5, e.water ? BOARD.seaEdge : BOARD.edge, e.crossTheater ? 0.9 : 0.7);
      dashedLine(g, a.x, a.y, b.x, b.y, e.water ? [14, 10] : null);
    }
    for (const r of d.regions) {
      this.staticTexts.push(this.text(r.x, r.y + r.r + 16, r.name, Math.max(15, r.r * 0.34), '#f2f5f8', { stroke: '#11161d', strokeThickness: 5 }));
    }
  }

  private drawDynamic(): void {
    const d = this.display!;
    const { scenario } = this.ctrl;
    const styles = stateStyles(scenario!);
    for (const t of this.dynamicTexts) t.destroy();
    this.dynamicTexts = [];
    const lines = this.linesG;
    lines.clear();
    for (const l of d.treatyLines) {
      lines.lineStyle(l.style.width + 4, 0x000000, 0.5);
      dashedLine(lines, l.x1, l.y1, l.x2, l.y2, l.style.dash);
      lines.lineStyle(l.style.width, hexToNum(l.style.color), 0.95);
      lines.fillStyle(hexToNum(l.style.color), 0.95);
      if (l.style.directed) arrow(lines, l.x1, l.y1, l.x2, l.y2, 0, d.regions[0]!.r + 10, 22, l.style.dash);
      else dashedLine(lines, l.x1, l.y1, l.x2, l.y2, l.style.dash);
    }
    const g = this.regionsG;
    g.clear();
    for (const r of d.regions) {
      const alpha = 1;
      g.fillStyle(r.fill, alpha);
      g.lineStyle(r.home ? 6 : 3, r.home ? 0xffffff : 0x0b0f14, r.home ? 0.9 : 1);
      if (r.kind === 'land') {
        const pts = polygon(r.x, r.y, r.r, 6, Math.PI / 6);
        g.fillPoints(pts, true);
        g.strokePoints(pts, true, true);
      } else if (r.kind === 'strait') {
        const pts = polygon(r.x, r.y, r.r * 1.05, 4, 0);
        g.fillPoints(pts, true);
        g.strokePoints(pts, true, true);
      } else {
        g.fillCircle(r.x, r.y, r.r * 0.95);
        g.lineStyle(3, 0x9fd3f5, 0.8);
        g.strokeCircle(r.x, r.y, r.r * 0.95);
        // Waves mark water whoever holds it.
        g.lineStyle(2, 0x9fd3f5, 0.5);
        for (const dy of [-0.35, 0.35]) {
          const y = r.y + r.r * dy;
          for (let k = -2; k < 2; k++) g.lineBetween(r.x + k * r.r * 0.3, y, r.x + (k + 0.5) * r.r * 0.3, y - 5);
        }
      }
      if (r.pattern) pattern(g, r.pattern, r.x, r.y, r.r * 0.78, hexToNum(r.ink), 0.22);
      if (r.initials) {
        this.dynamicTexts.push(this.text(r.x, r.y - r.r * 0.42, r.initials, r.r * 0.36, r.ink, { fontStyle: 'bold' }));
      }
      if (r.capital) {
        g.fillStyle(0xffffff, 1);
        g.lineStyle(2, 0x000000, 1);
        const star = starPoints(r.x + r.r * 0.62, r.y - r.r * 0.62, r.r * 0.2, r.r * 0.09);
        g.fillPoints(star, true);
        g.strokePoints(star, true, true);
      }
      // Unit counters: one chip per state, the owner's first.
      if (r.units === null) {
        this.dynamicTexts.push(this.text(r.x, r.y + r.r * 0.12, '?', r.r * 0.5, '#ffffff', { fontStyle: 'bold', stroke: '#000000', strokeThickness: 4 }));
      } else if (r.units.length > 0) {
        const w = r.r * 0.86;
        const h = r.r * 0.36;
        const total = r.units.length;
        r.units.forEach((u, i) => {
          const cx = r.x + (i - (total - 1) / 2) * (w + 4) * (total > 2 ? 0.7 : 1);
          const cy = r.y + r.r * 0.14;
          g.fillStyle(0x0b0f14, 0.9);
          g.fillRoundedRect(cx - w / 2 - 2, cy - h / 2 - 2, w + 4, h + 4, 6);
          g.fillStyle(hexToNum(u.color), 1);
          g.fillRoundedRect(cx - w / 2, cy - h / 2, w, h, 5);
          // The owner's own units need no initials (the region carries them); guests' chips do.
          this.dynamicTexts.push(this.text(cx, cy, u.state === r.owner ? `${u.count}` : `${u.initials} ${u.count}`, h * 0.7, u.ink, { fontStyle: 'bold' }));
        });
      }
    }
    // Fog: hatched veil over regions whose units this seat cannot see.
    const m = this.marksG;
    m.clear();
    for (const r of d.regions) {
      if (!r.fogged) continue;
      m.fillStyle(BOARD.fog, 0.55);
      m.fillCircle(r.x, r.y, r.r * 1.02);
      m.lineStyle(2, 0xd0d8e0, 0.25);
      for (let k = -r.r; k < r.r; k += 12) {
        const h = Math.sqrt(Math.max(0, r.r * r.r - k * k));
        m.lineBetween(r.x + k - h * 0.5, r.y - h, r.x + k + h * 0.5, r.y + h);
      }
    }
    if (this.ctrl.overlay === 'deterrence') {
      for (const r of d.regions) {
        if (r.deterrence === null || !r.heat) continue;
        m.lineStyle(9, hexToNum(r.heat), 0.95);
        m.strokeCircle(r.x, r.y, r.r * 1.12);
        const bx = r.x - r.r * 0.7;
        const by = r.y - r.r * 0.75;
        m.fillStyle(hexToNum(r.heat), 1);
        m.fillRoundedRect(bx - r.r * 0.36, by - r.r * 0.2, r.r * 0.72, r.r * 0.4, 6);
        this.dynamicTexts.push(this.text(bx, by, r.deterrence >= 10 ? '10+' : r.deterrence.toFixed(1), r.r * 0.28, '#000000', { fontStyle: 'bold' }));
      }
    }
    // Order arrows on top.
    for (const a of d.arrows) {
      const col = hexToNum(a.color);
      if (a.kind === 'exercise') {
        m.lineStyle(5, col, 1);
        m.strokeCircle(a.x1, a.y1, d.regions[0]!.r * 1.2);
        this.dynamicTexts.push(this.text(a.x1, a.y1 + d.regions[0]!.r * 1.2, `Exercise ${a.units}`, 18, '#000000', { backgroundColor: a.color, padding: { x: 6, y: 2 } }));
        continue;
      }
      const r0 = d.regions[0]!.r;
      m.lineStyle(a.kind === 'attack' ? 9 : 7, 0x000000, 0.6);
      m.fillStyle(0x000000, 0.6);
      arrow(m, a.x1, a.y1, a.x2, a.y2, r0 * 0.5, r0 * 0.75, 30, a.kind === 'support' ? [16, 8] : null);
      m.lineStyle(a.kind === 'attack' ? 6 : 4, col, 1);
      m.fillStyle(col, 1);
      arrow(m, a.x1, a.y1, a.x2, a.y2, r0 * 0.5, r0 * 0.8, 26, a.kind === 'support' ? [16, 8] : null);
      const mx = (a.x1 + a.x2) / 2;
      const my = (a.y1 + a.y2) / 2;
      const label = `${a.kind === 'attack' ? 'Attack' : a.kind === 'support' ? 'Support' : 'Move'} ${a.units}`;
      this.dynamicTexts.push(this.text(mx, my, label, 18, a.kind === 'move' ? (styles.get(this.ctrl.me ?? '')?.ink ?? '#000000') : '#000000', { backgroundColor: a.kind === 'move' ? a.color : ORDER_COLORS[a.kind], padding: { x: 6, y: 3 }, fontStyle: 'bold' }));
    }
  }

  /** Selection, legal targets and hover: redrawn on every pointer move, so kept cheap. */
  private drawHighlights(): void {
    const g = this.highlightG;
    g.clear();
    const d = this.display;
    const { scenario, view, selected, hover, pendingTarget } = this.ctrl;
    if (!d || !scenario || !view) return;
    const pos = new Map(d.regions.map((r) => [r.id, r]));
    if (selected) {
      const r = pos.get(selected);
      if (r) {
        g.lineStyle(7, BOARD.select, 1);
        g.strokeCircle(r.x, r.y, r.r * 1.18);
        const targets = new Set(stackOptions(scenario, view, selected).filter((o) => o.kind !== 'exercise').map((o) => o.target));
        for (const t of targets) {
          const tr = pos.get(t);
          if (!tr) continue;
          g.lineStyle(4, BOARD.select, 0.8);
          dashedCircle(g, tr.x, tr.y, tr.r * 1.15);
        }
      }
    }
    if (pendingTarget) {
      const r = pos.get(pendingTarget.target);
      if (r) {
        g.lineStyle(7, 0xffffff, 1);
        g.strokeCircle(r.x, r.y, r.r * 1.18);
      }
    }
    if (hover) {
      const r = pos.get(hover.region);
      if (r) {
        g.lineStyle(4, BOARD.highlight, 0.9);
        g.strokeCircle(r.x, r.y, r.r * 1.08);
      }
    }
  }

  /** Play a round report on the board: attacks fly, battles flash, regions change hands, moves follow. */
  private animate(steps: AnimationStep[]): void {
    const d = this.display;
    const { scenario } = this.ctrl;
    if (!d || !scenario || steps.length === 0) return;
    this.tweens.killAll();
    this.animG.clear();
    for (const t of this.animTexts) t.destroy();
    this.animTexts = [];
    const styles = stateStyles(scenario);
    const pos = new Map(d.regions.map((r) => [r.id, r]));
    const gap = Math.max(250, Math.min(700, 7000 / steps.length));
    steps.forEach((s, i) => {
      this.time.delayedCall(300 + i * gap, () => {
        if (s.type === 'move') {
          const a = pos.get(s.from);
          const b = pos.get(s.to);
          if (!a || !b) return;
          const st = styles.get(s.state);
          const chip = this.text(a.x, a.y, `${st?.initials ?? ''} ${s.units}`, 22, st?.ink ?? '#000', { backgroundColor: st?.color ?? '#888', padding: { x: 6, y: 3 }, fontStyle: 'bold' });
          this.animTexts.push(chip);
          this.tweens.add({ targets: chip, x: b.x, y: b.y, duration: gap * 1.4, ease: 'Cubic.easeInOut', onComplete: () => chip.destroy() });
        } else if (s.type === 'battle') {
          const r = pos.get(s.region);
          if (!r) return;
          const label = this.text(r.x, r.y - r.r * 1.3, `⚔ ${s.attack.toFixed(1)} vs ${s.defense.toFixed(1)}`, 24, '#ffffff', { backgroundColor: s.taken ? '#b3361b' : '#1d5f8a', padding: { x: 8, y: 4 }, fontStyle: 'bold' });
          this.animTexts.push(label);
          const ring = this.add.graphics();
          ring.lineStyle(10, 0xff5c39, 1);
          ring.strokeCircle(r.x, r.y, r.r);
          this.tweens.add({ targets: ring, alpha: 0, scale: 1, duration: gap * 2, onComplete: () => ring.destroy() });
          this.tweens.add({ targets: label, alpha: 0, delay: gap * 3, duration: 800, onComplete: () => label.destroy() });
        } else if (s.type === 'capture') {
          const r = pos.get(s.region);
          if (!r) return;
          const col = styles.get(s.to)?.colorNum ?? 0xffffff;
          const ring = this.add.graphics();
          ring.lineStyle(12, col, 1);
          ring.strokeCircle(r.x, r.y, r.r * 1.25);
          this.tweens.add({ targets: ring, alpha: { from: 1, to: 0 }, duration: 600, yoyo: true, repeat: 2, onComplete: () => ring.destroy() });
          const label = this.text(r.x, r.y + r.r * 1.45, `→ ${styles.get(s.to)?.name ?? s.to}`, 22, '#000000', { backgroundColor: styles.get(s.to)?.color ?? '#fff', padding: { x: 6, y: 3 }, fontStyle: 'bold' });
          this.animTexts.push(label);
          this.tweens.add({ targets: label, alpha: 0, delay: gap * 4, duration: 800, onComplete: () => label.destroy() });
        } else {
          const r = pos.get(s.region);
          if (!r) return;
          const label = this.text(r.x, r.y - r.r * 0.1, `+${s.units}`, 30, '#ffffff', { fontStyle: 'bold', stroke: '#000000', strokeThickness: 5 });
          this.animTexts.push(label);
          this.tweens.add({ targets: label, y: r.y - r.r * 0.9, alpha: 0, duration: 1400, onComplete: () => label.destroy() });
        }
      });
    });
  }
}
