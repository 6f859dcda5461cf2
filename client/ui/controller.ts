import type { ControlCommand, SeatCommand } from '../../shared/commands';
import type { OrderOption } from '../../shared/legal';
import type { JoinOptions } from '../../shared/protocol';
import type { Scenario } from '../../shared/scenario/schema';
import type { PlayerView } from '../../shared/view';
import { clickRegion } from '../display/orderBuilder';
import { api } from '../net/api';
import type { TrackedCommand } from '../net/commandTracker';
import type { LinkStatus, RoomInfo, SeatMessage } from '../net/connection';
import { MatchConnection } from '../net/connection';
import { store } from '../net/storage';

/**
 * Everything one open match page knows, in one observable object: the view, the room's public
 * data, the link, commands in flight, and what the player has selected or hovers. Preact panels
 * and the Phaser scene both subscribe; neither owns the other.
 */

export type Tab = 'orders' | 'diplomacy' | 'state' | 'report';
export type Overlay = 'owners' | 'deterrence';

export interface Hover {
  region: string;
  /** Screen position of the pointer, for the hover card. */
  x: number;
  y: number;
}

export interface PendingTarget {
  from: string;
  target: string;
  options: OrderOption[];
}

export class MatchController {
  scenario: Scenario | null = null;
  view: PlayerView | null = null;
  room: RoomInfo | null = null;
  seat: SeatMessage | null = null;
  link: LinkStatus = 'connecting';
  linkDetail: string | null = null;
  /** A fatal problem joining (wrong code, seat taken…). */
  joinError: string | null = null;
  /** Recent commands by seq, newest last. */
  commands: TrackedCommand[] = [];
  toasts: { id: number; text: string; tone: 'info' | 'error' }[] = [];
  selected: string | null = null;
  pendingTarget: PendingTarget | null = null;
  /** The engine's reason why the last clicked target cannot be ordered. */
  refusalText: string | null = null;
  hover: Hover | null = null;
  overlay: Overlay = 'owners';
  tab: Tab = 'diplomacy';
  /** Bumped when a new round report should be animated on the board. */
  reportRound = 0;
  /** Bumped when the player asks to replay the animation. */
  replayTick = 0;
  /** Set by the board scene once it draws and takes input. */
  boardReady = false;
  version = 0;
  hostKey: string | null;
  private conn: MatchConnection | null = null;
  private host: MatchConnection | null = null;
  private listeners = new Set<() => void>();
  private toastId = 0;
  private lastPhase: string | null = null;
  private lastRound = -1;

  constructor(readonly matchId: string) {
    this.hostKey = store.hostKey(matchId);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed(): void {
    this.version++;
    for (const fn of [...this.listeners]) fn();
  }

  get me(): string | null {
    return this.view?.own?.state ?? null;
  }

  /** Join with the given options (a seat token, a name and state, or as a spectator). */
  async join(joinOptions: JoinOptions): Promise<void> {
    this.joinError = null;
    // The host's browser brings its key, so the same link may start, pause or end the match.
    const options: JoinOptions = this.hostKey && !joinOptions.facilitatorKey ? { ...joinOptions, facilitatorKey: this.hostKey } : joinOptions;
    await this.conn?.close();
    const conn = new MatchConnection(this.matchId, options, {
      view: (v) => this.onView(v),
      seat: (s) => {
        this.seat = s;
        if (s.role === 'seat' && s.state) store.rememberMatch(this.matchId, s.state, Date.now());
        this.changed();
      },
      room: (r) => {
        this.room = r;
        this.changed();
      },
      status: (s, d) => {
        this.link = s;
        this.linkDetail = d;
        this.changed();
      },
      command: (t) => this.onCommand(t),
      notice: (m) => this.toast(m, 'error'),
    });
    this.conn = conn;
    try {
      await conn.connect();
    } catch (e) {
      this.conn = null;
      this.link = 'offline';
      this.joinError = e instanceof Error ? e.message : String(e);
      this.changed();
      throw e;
    }
  }

  async leave(): Promise<void> {
    await this.conn?.close();
    await this.host?.close();
    this.conn = null;
    this.host = null;
  }

  send(command: SeatCommand): TrackedCommand | null {
    if (!this.conn) {
      this.toast('Not connected to the match.', 'error');
      return null;
    }
    return this.conn.send(command);
  }

  /** A host command (start, advance…) over a facilitator link opened with this browser's host key. */
  async hostControl(command: ControlCommand): Promise<void> {
    if (!this.hostKey) throw new Error('Only the host may do that.');
    if ((this.seat?.host || this.seat?.role === 'facilitator') && this.conn) return this.conn.control(command);
    if (!this.host) {
      const host = new MatchConnection(this.matchId, { facilitatorKey: this.hostKey }, {
        view: () => undefined, seat: () => undefined, room: () => undefined, status: () => undefined,
        command: () => undefined, notice: (m) => this.toast(m, 'error'),
      });
      await host.connect();
      this.host = host;
    }
    await this.host.control(command);
  }

  /** Drop the link as a network failure would (for the reconnect overlay and tests). */
  simulateDrop(): void {
    this.conn?.simulateDrop();
  }

  toast(text: string, tone: 'info' | 'error' = 'info'): void {
    const id = ++this.toastId;
    this.toasts = [...this.toasts, { id, text, tone }].slice(-4);
    this.changed();
    setTimeout(() => {
      this.toasts = this.toasts.filter((t) => t.id !== id);
      this.changed();
    }, tone === 'error' ? 7000 : 4000);
  }

  setTab(tab: Tab): void {
    this.tab = tab;
    this.changed();
  }

  setOverlay(o: Overlay): void {
    this.overlay = o;
    this.changed();
  }

  setHover(h: Hover | null): void {
    const old = this.hover;
    // Re-render on a new region, or when the pointer strays far enough to move the card.
    if (h && old && h.region === old.region && Math.hypot(h.x - old.x, h.y - old.y) < 40) return;
    if (!h && !old) return;
    this.hover = h;
    this.changed();
  }

  select(region: string | null): void {
    this.selected = region;
    this.pendingTarget = null;
    this.refusalText = null;
    if (region) this.tab = 'orders';
    this.changed();
  }

  /** A click or tap on a region of the board. */
  clickRegion(region: string): void {
    if (!this.scenario || !this.view) return;
    const r = clickRegion(this.scenario, this.view, this.selected, region);
    switch (r.type) {
      case 'select':
        this.select(r.from);
        return;
      case 'clear':
        this.select(null);
        return;
      case 'target':
        this.pendingTarget = { from: r.from, target: r.target, options: r.options };
        this.refusalText = null;
        this.tab = 'orders';
        this.changed();
        return;
      case 'refused':
        this.pendingTarget = null;
        this.refusalText = r.reason;
        this.changed();
        return;
      case 'none':
        this.hover = this.hover ? { ...this.hover, region } : { region, x: 0, y: 0 };
        this.changed();
    }
  }

  clearTarget(): void {
    this.pendingTarget = null;
    this.refusalText = null;
    this.changed();
  }

  replayReport(): void {
    this.replayTick++;
    this.changed();
  }

  markBoardReady(): void {
    if (this.boardReady) return;
    this.boardReady = true;
    performance.mark('entente:board-interactive');
    this.changed();
  }

  /** The latest status of commands of a type (e.g. is the budget saved?). */
  lastOf(type: SeatCommand['type']): TrackedCommand | null {
    for (let i = this.commands.length - 1; i >= 0; i--) if (this.commands[i]!.command.type === type) return this.commands[i]!;
    return null;
  }

  get pendingCount(): number {
    return this.commands.filter((c) => c.status === 'pending').length;
  }

  private onCommand(t: TrackedCommand): void {
    const rest = this.commands.filter((c) => c.seq !== t.seq);
    this.commands = [...rest, { ...t }].slice(-60);
    if (t.status === 'refused' && t.message) this.toast(t.message, 'error');
    this.changed();
  }

  private onView(v: PlayerView): void {
    const first = this.view === null;
    this.view = v;
    if (!this.scenario || this.scenario.id !== v.scenarioId) {
      api.scenario(v.scenarioId).then((s) => {
        this.scenario = s;
        this.changed();
      }).catch((e: unknown) => this.toast(`Could not load the board: ${e instanceof Error ? e.message : String(e)}`, 'error'));
    }
    if (v.phase !== this.lastPhase) {
      // Follow the phase with the panel that matters now.
      if (v.phase === 'orders') this.tab = 'orders';
      else if (v.phase === 'diplomacy') this.tab = 'diplomacy';
      else if (v.phase === 'briefing' || v.phase === 'ended') this.tab = 'report';
      if (!first && v.phase === 'ended') this.reportRound++;
      if (v.phase !== 'orders') {
        this.selected = null;
        this.pendingTarget = null;
        this.refusalText = null;
      }
      this.lastPhase = v.phase;
    }
    if (v.round !== this.lastRound) {
      // A new round after a resolution: animate the report (not on the first view after a reload mid-round).
      if (!first && v.lastReport.length > 0) this.reportRound++;
      if (first && v.lastReport.length > 0 && (v.phase === 'briefing')) this.reportRound++;
      this.lastRound = v.round;
    }
    if (first && v.phase === 'ended') this.tab = 'report';
    this.changed();
  }
}
