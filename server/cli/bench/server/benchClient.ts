import zlib from 'node:zlib';
import { Client, Room } from 'colyseus.js';
import { patch } from '../../../../shared/index';
import type { ControlCommand, JoinOptions, PatchOp, PlayerView, SeatCommand } from '../../../../shared/index';

/**
 * A player's connection for benchmarks: colyseus.js over a real WebSocket, keeping its view from
 * `view` and `patch` messages as a browser does, counting the bytes the socket received, and timing
 * every command from send to its `ack` or `error`.
 */

/** What arrived on one room's socket, kept from its first frame (before `joinById` resolves). */
interface Sink {
  bytes: number;
  frames: number;
  /** Bytes had each frame been compressed on its own (permessage-deflate without context takeover), when asked for. */
  deflated: number;
  early: { type: string | number; message: unknown }[];
  owner: BenchClient | null;
}

const sinks = new WeakMap<object, Sink>();
let estimateDeflate = false;

/** From now on, also count what each frame would weigh compressed (see Sink.deflated). */
export function estimateDeflatedBytes(on: boolean): void {
  estimateDeflate = on;
}

function sinkOf(room: object): Sink {
  let s = sinks.get(room);
  if (!s) {
    s = { bytes: 0, frames: 0, deflated: 0, early: [], owner: null };
    sinks.set(room, s);
  }
  return s;
}

/** Bytes of a server→client WebSocket frame header (unmasked) for a payload of n bytes. */
function wsHeaderBytes(n: number): number {
  return n <= 125 ? 2 : n <= 0xffff ? 4 : 10;
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
  proto.onMessageCallback = function (e) {
    const s = sinkOf(this);
    s.bytes += e.data.byteLength + wsHeaderBytes(e.data.byteLength);
    s.frames += 1;
    if (estimateDeflate) {
      // ws compresses only frames above its threshold (1 KiB by default); the others go as they are.
      const n = e.data.byteLength < 1024 ? e.data.byteLength : zlib.deflateRawSync(new Uint8Array(e.data)).length;
      s.deflated += n + wsHeaderBytes(n);
    }
    onFrame.call(this, e);
  };
  proto.dispatchMessage = function (type, message) {
    const s = sinkOf(this);
    if (s.owner) s.owner.handle(String(type), message);
    else s.early.push({ type, message });
  };
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

  /** WebSocket bytes (payload + frame header) and frames received so far. */
  get bytes(): number {
    return this.sink.bytes;
  }

  get frames(): number {
    return this.sink.frames;
  }

  get deflatedBytes(): number {
    return this.sink.deflated;
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
        const p = m as { version: number; base: number; ops: PatchOp[] };
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
