import type { Room } from 'colyseus.js';
import { Client } from 'colyseus.js';
import type { ControlCommand, SeatCommand } from '../../shared/commands';
import { decodePatch } from '../../shared/protocol';
import type { JoinOptions, ServerAck, ServerError, ServerView } from '../../shared/protocol';
import type { PlayerView } from '../../shared/view';
import type { TrackedCommand } from './commandTracker';
import { CommandTracker } from './commandTracker';
import { store } from './storage';
import { ViewSync } from './viewSync';

/**
 * One match room over colyseus.js: join, keep the view in step (full views, patches, resync on a
 * gap), send commands with sequence numbers and track their acks, and take the seat back after a
 * drop. The handlers are a table keyed by message type, as in lila's socket.
 */

export type LinkStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** The public room data every client gets through Colyseus schema state (PROTOCOL.md). */
export interface RoomSeat {
  name: string;
  controller: string;
  connected: boolean;
  ready: boolean;
}
export interface RoomInfo {
  phase: string;
  round: number;
  deadline: number | null;
  paused: boolean;
  seats: Record<string, RoomSeat>;
}

export interface SeatMessage {
  role: 'seat' | 'spectator' | 'facilitator';
  state: string | null;
  seatToken: string | null;
  /** This connection holds the host key: it may send control commands. */
  host?: boolean;
}

export interface ConnectionHandlers {
  view(view: PlayerView): void;
  seat(seat: SeatMessage): void;
  room(info: RoomInfo): void;
  status(status: LinkStatus, detail: string | null): void;
  /** A command changed status (sent, saved, refused). */
  command(c: TrackedCommand): void;
  /** A refusal with no command of ours attached (seq null) or a fatal join problem. */
  notice(message: string): void;
}

export function serverEndpoint(): string | undefined {
  // In `vite` development the page is on another port than the game server.
  if (import.meta.env?.DEV) return `ws://${location.hostname}:${import.meta.env.VITE_SERVER_PORT ?? '2567'}`;
  return undefined;
}

function toJson(state: unknown): RoomInfo | null {
  if (!state || typeof state !== 'object') return null;
  const raw = (typeof (state as { toJSON?: () => unknown }).toJSON === 'function' ? (state as { toJSON: () => unknown }).toJSON() : state) as Partial<RoomInfo>;
  return {
    phase: String(raw.phase ?? ''),
    round: Number(raw.round ?? 0),
    deadline: typeof raw.deadline === 'number' && raw.deadline > 0 ? raw.deadline : null,
    paused: !!raw.paused,
    seats: (raw.seats ?? {}) as Record<string, RoomSeat>,
  };
}

export class MatchConnection {
  readonly sync = new ViewSync();
  readonly tracker: CommandTracker;
  private readonly client: Client;
  private room: Room | null = null;
  private closed = false;
  private attempts = 0;
  private seat: SeatMessage | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly waiters = new Map<number, (t: TrackedCommand) => void>();

  constructor(readonly matchId: string, private joinOptions: JoinOptions, private readonly h: ConnectionHandlers) {
    this.client = new Client(serverEndpoint());
    this.tracker = new CommandTracker(store.lastSeq(matchId) + 1);
  }

  get role(): SeatMessage['role'] | null {
    return this.seat?.role ?? null;
  }

  async connect(): Promise<void> {
    this.h.status('connecting', null);
    const room = await this.client.joinById(this.matchId, this.joinOptions);
    this.attach(room);
    this.h.status('online', null);
  }

  /** Send a seat command; the returned record turns 'saved' on the server's ack. */
  send(command: SeatCommand): TrackedCommand {
    const t = this.tracker.track(command, Date.now());
    store.setLastSeq(this.matchId, t.seq);
    this.h.command(t);
    if (this.room) this.room.send('cmd', { seq: t.seq, command });
    return t;
  }

  /** Send a facilitator or host command (only a facilitator connection may); resolves on its ack. */
  control(command: ControlCommand, timeoutMs = 10_000): Promise<void> {
    const t = this.tracker.track(command, Date.now(), 'control');
    store.setLastSeq(this.matchId, t.seq);
    const room = this.room;
    if (!room) return Promise.reject(new Error('Not connected.'));
    return new Promise((resolve, reject) => {
      this.waiters.set(t.seq, (r) => (r.status === 'saved' ? resolve() : reject(new Error(r.message ?? 'Refused.'))));
      setTimeout(() => {
        if (this.tracker.get(t.seq)?.status === 'pending') {
          const r = this.tracker.error(t.seq, 'net/timeout', 'The server did not answer in time.');
          if (r) this.settle(r);
        }
      }, timeoutMs);
      room.send('control', { seq: t.seq, command });
    });
  }

  private settle(t: TrackedCommand): void {
    const w = this.waiters.get(t.seq);
    if (w) {
      this.waiters.delete(t.seq);
      w(t);
    }
    this.h.command(t);
  }

  resync(): void {
    this.room?.send('resync', {});
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const room = this.room;
    this.room = null;
    if (room) await room.leave(true).catch(() => undefined);
  }

  /** Drop the socket as a network failure would (tests and the "reconnecting" overlay use it). */
  simulateDrop(): void {
    (this.room?.connection as unknown as { close?: (code?: number) => void })?.close?.(4999);
  }

  private attach(room: Room): void {
    this.room = room;
    this.attempts = 0;
    const handlers: Record<string, (msg: never) => void> = {
      seat: (msg: SeatMessage) => {
        this.seat = msg;
        if (msg.seatToken) store.setSeatToken(this.matchId, msg.seatToken);
        this.h.seat(msg);
      },
      view: (msg: ServerView<PlayerView>) => this.h.view(this.sync.full(msg)),
      patch: (msg: unknown) => {
        const p = decodePatch(msg);
        const r = p ? this.sync.apply(p) : 'gap';
        if (r === 'gap') this.resync();
        else if (r !== 'stale') this.h.view(r);
      },
      ack: (msg: ServerAck) => {
        const t = this.tracker.ack(msg.seq);
        if (t) this.settle(t);
      },
      error: (msg: ServerError) => {
        const t = this.tracker.error(msg.seq, msg.code, msg.message);
        if (t) this.settle(t);
        else this.h.notice(msg.message);
      },
    };
    for (const [type, fn] of Object.entries(handlers)) room.onMessage(type, fn as (m: unknown) => void);
    room.onStateChange((state: unknown) => {
      const info = toJson(state);
      if (info) this.h.room(info);
    });
    room.onLeave((code: number) => {
      if (this.room !== room) return;
      this.room = null;
      if (this.closed || code === 1000) {
        this.h.status('offline', null);
        return;
      }
      this.h.status('reconnecting', null);
      this.retry(room.reconnectionToken);
    });
  }

  /** Take the seat back: first the Colyseus reconnection, then a fresh join with the seat token. */
  private retry(reconnectionToken: string): void {
    if (this.closed) return;
    const delay = Math.min(8000, 400 * 2 ** Math.min(this.attempts, 5));
    this.attempts++;
    this.retryTimer = setTimeout(async () => {
      try {
        let room: Room;
        try {
          room = await this.client.reconnect(reconnectionToken);
        } catch {
          const token = store.seatToken(this.matchId);
          if (token && this.seat?.role === 'seat') this.joinOptions = { seatToken: token, facilitatorKey: this.joinOptions.facilitatorKey };
          room = await this.client.joinById(this.matchId, this.joinOptions);
        }
        this.sync.reset();
        this.attach(room);
        this.h.status('online', null);
        // Orders and budgets are safe to send again; anything else is reported as not delivered.
        for (const t of this.tracker.dropUnsafe()) this.settle(t);
        for (const t of this.tracker.resendable()) room.send(t.channel, { seq: t.seq, command: t.command });
        room.send('resync', {});
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        // A seat that is gone for good (a student the facilitator unseated, a match that ended) is not retried.
        if (/^join\/(unknown-token|not-seated|ended)\b/.test(message)) {
          this.h.status('offline', message);
          return;
        }
        this.h.status('reconnecting', message);
        this.retry(reconnectionToken);
      }
    }, delay);
  }
}
