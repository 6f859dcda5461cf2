import { Client, Room } from 'colyseus.js';
import { decodePatch, patch } from '../../../../shared/index';
import type { ControlCommand, JoinOptions, PatchOp, PlayerView, SeatCommand } from '../../../../shared/index';
import type { WireMeter } from './wireMeter';
import { installWireMeter, meterOf, take } from './wireMeter';

/**
 * A player's connection for benchmarks: colyseus.js over a real WebSocket, keeping its view from
 * `view` and `patch` messages as a browser does, counting the bytes the socket received (as they
 * crossed the wire: compressed frames when permessage-deflate was negotiated; wireMeter.ts), and
 * timing every command from send to its `ack` or `error`.
 */

installWireMeter();

/** What arrived on one room's socket, kept from its first frame (before `joinById` resolves). */
interface Sink {
  /** Wire bytes of the data frames dispatched so far (header + payload as sent). */
  wire: number;
  /** The same frames' decoded size (header + payload had nothing been compressed). */
  plain: number;
  frames: number;
  /** Wire bytes and frames by message type ('schema' for Colyseus state patches), so far. */
  byType: Record<string, { frames: number; wire: number }>;
  /** The wire size of the frame being dispatched. */
  current: number;
  meter: WireMeter | undefined;
  early: { type: string | number; message: unknown }[];
  owner: BenchClient | null;
  /** Messages go to the SDK's own `onMessage` handlers (a room that is not a BenchClient's). */
  sdk: boolean;
}

const sinks = new WeakMap<object, Sink>();

function sinkOf(room: object): Sink {
  let s = sinks.get(room);
  if (!s) {
    const ws = (room as { connection?: { transport?: { ws?: object } } }).connection?.transport?.ws;
    s = { wire: 0, plain: 0, frames: 0, byType: {}, current: 0, meter: meterOf(ws), early: [], owner: null, sdk: false };
    sinks.set(room, s);
  }
  return s;
}

/** Bytes of a server→client WebSocket frame header (unmasked) for a payload of n bytes. */
function wsHeaderBytes(n: number): number {
  return n <= 125 ? 2 : n <= 0xffff ? 4 : 10;
}

function count(s: Sink, type: string): void {
  const t = (s.byType[type] ??= { frames: 0, wire: 0 });
  t.frames++;
  t.wire += s.current;
  s.current = 0;
}

// colyseus.js binds `Room.prototype.onMessageCallback` when it connects, and ws can deliver several
// frames before `joinById` resolves: count and keep them at the SDK's own entry points.
const proto = Room.prototype as unknown as {
  onMessageCallback(this: object, e: { data: ArrayBuffer }): void;
  dispatchMessage(this: object, type: string | number, message: unknown): void;
  __benchCounted?: boolean;
};
if (!proto.__benchCounted) {
  proto.__benchCounted = true;
  const onFrame = proto.onMessageCallback;
  const dispatch = proto.dispatchMessage;
  proto.onMessageCallback = function (e) {
    const s = sinkOf(this);
    if (!s.meter) throw new Error('bench: no wire meter on this socket');
    s.current = take(s.meter);
    s.wire += s.current;
    s.plain += e.data.byteLength + wsHeaderBytes(e.data.byteLength);
    s.frames += 1;
    // ROOM_DATA frames are counted by type when dispatched; the rest (schema state) here.
    if (new Uint8Array(e.data, 0, 1)[0] !== 13) count(s, 'schema');
    onFrame.call(this, e);
  };
  proto.dispatchMessage = function (type, message) {
    const s = sinkOf(this);
    count(s, String(type));
    if (s.owner) s.owner.handle(String(type), message);
    else if (s.sdk) dispatch.call(this, type, message);
    else s.early.push({ type, message });
  };
}

/** A plain colyseus.js room in the load process: its messages reach its own `onMessage` handlers. */
export function sdkRoom<R extends Room>(room: R): R {
  sinkOf(room).sdk = true;
  return room;
}

export interface Answer {
  ok: boolean;
  code?: string;
  logSeq?: number;
  /** Send → answer, ms. */
  ms: number;
}

export class BenchClient {
  seat: { role: string; state: string | null; seatToken: string | null } | null = null;
  view: PlayerView | null = null;
  version = -1;
  private seq = 0;
  private waiting = new Map<number, { t0: number; done: (a: Answer) => void }>();
  private listeners = new Set<() => void>();
  private readonly sink: Sink;
  closed = false;
  /** When set, every patch's ops are reported here (for a breakdown of what patches carry). */
  onPatch: ((ops: PatchOp[]) => void) | null = null;
  /** Keep the view up to date from patches; a load client that no longer reads its view turns it off to save CPU. */
  trackView = true;

  private constructor(readonly room: Room) {
    this.sink = sinkOf(room);
    this.sink.owner = this;
    room.onLeave(() => {
      this.closed = true;
      for (const [, w] of this.waiting) w.done({ ok: false, code: 'bench/disconnected', ms: Number.NaN });
      this.waiting.clear();
      this.changed();
    });
    for (const m of this.sink.early.splice(0)) this.handle(String(m.type), m.message);
  }

  /** Join and wait for the seat message and the full view. */
  static async join(endpoint: string, matchId: string, options: JoinOptions, timeoutMs = 20_000): Promise<BenchClient> {
    const room = await new Client(endpoint).joinById(matchId, options);
    const c = new BenchClient(room);
    await c.until(() => c.seat !== null && c.view !== null, timeoutMs, 'seat and view');
    return c;
  }

  /** WebSocket bytes received so far as they crossed the wire (frames as sent, compressed or not; pings included). */
  get bytes(): number {
    return this.sink.wire + (this.sink.meter?.control ?? 0);
  }

  /** Wire bytes and frames by message type so far (a copy). */
  get byType(): Record<string, { frames: number; wire: number }> {
    return Object.fromEntries(Object.entries(this.sink.byType).map(([k, v]) => [k, { ...v }]));
  }

  /** The same frames' decoded size: what the wire would carry without compression. */
  get plainBytes(): number {
    return this.sink.plain;
  }

  /** Frames that came compressed, and the extension the server accepted. */
  get deflate(): { compressed: number; extensions: string } {
    return { compressed: this.sink.meter?.compressed ?? 0, extensions: this.sink.meter?.extensions ?? '' };
  }

  get frames(): number {
    return this.sink.frames;
  }

  get inFlight(): number {
    return this.waiting.size;
  }

  cmd(command: SeatCommand): Promise<Answer> {
    return this.send('cmd', command);
  }

  control(command: ControlCommand): Promise<Answer> {
    return this.send('control', command);
  }

  private send(type: 'cmd' | 'control', command: SeatCommand | ControlCommand): Promise<Answer> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'bench/disconnected', ms: Number.NaN });
    const seq = ++this.seq;
    return new Promise<Answer>((done) => {
      this.waiting.set(seq, { t0: performance.now(), done });
      this.room.send(type, { seq, command });
    });
  }

  /** Called after every view change and disconnect. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (probe()) return resolve();
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const off = this.onChange(() => {
        if (!probe()) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  leave(): void {
    if (!this.closed) void this.room.leave(true).catch(() => undefined);
  }

  /** @internal from the prototype hook */
  handle(type: string, m: unknown): void {
    switch (type) {
      case 'seat':
        this.seat = m as BenchClient['seat'];
        break;
      case 'view': {
        const v = m as { version: number; view: PlayerView };
        this.version = v.version;
        this.view = v.view;
        break;
      }
      case 'patch': {
        const p = decodePatch(m) ?? { version: Number.NaN, base: Number.NaN, ops: [] };
        if (!this.view || p.base !== this.version) {
          this.room.send('resync', {});
          return;
        }
        if (!this.trackView) {
          this.version = p.version;
          return;
        }
        this.view = patch(this.view, p.ops);
        this.version = p.version;
        this.onPatch?.(p.ops);
        break;
      }
      case 'ack':
      case 'error': {
        const a = m as { seq: number | null; logSeq?: number; code?: string };
        const w = a.seq === null ? undefined : this.waiting.get(a.seq);
        if (!w) return;
        this.waiting.delete(a.seq!);
        w.done({ ok: type === 'ack', code: a.code, logSeq: a.logSeq, ms: performance.now() - w.t0 });
        return;
      }
      default:
        return;
    }
    this.changed();
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}
