/**
 * guardedTransport — Colyseus 0.16's WebSocketTransport with every incoming frame checked before
 * Colyseus decodes it.
 *
 * Where the frames go (read from @colyseus/ws-transport 0.16.5 and @colyseus/core 0.16.26):
 * `WebSocketTransport` registers `wss.on('connection', onConnection)`; `Room._onJoin` then adds
 * `ws.on('message', room._onMessage)`, which reads the type with @colyseus/schema and the payload
 * with msgpackr `unpack`. Nothing else listens to 'message'. This module replaces `emit` on each
 * new socket (from a 'connection' listener prepended so it runs before ws-transport's), so every
 * 'message' event, whoever listens and whenever they subscribe, passes these checks first:
 *   1. binary frames only (colyseus.js sends nothing else);
 *   2. a per-connection flood budget: frames and bytes, each a token bucket (rateLimit.ts);
 *   3. `checkFrame` (frameGuard.ts): envelope, size ≤ 16 KiB, msgpack claims vs bytes, depth.
 * A frame that fails is dropped, and so is every later frame on that socket; the socket is closed
 * with a code below and the reason string (≤ 123 bytes), and terminated if the peer does not finish
 * the close handshake within `closeGraceMs`. We disconnect rather than reply: a client that sends
 * a malformed frame is broken or hostile, and a dropped message would desynchronise an honest one
 * (ARCHITECTURE.md: "Malformed frames and floods may disconnect"). Colyseus sees an ordinary
 * non-consented leave, so `onLeave` / `allowReconnection` work as for a dropped connection.
 *
 * ws also enforces `maxPayload` (default here 64 KiB, ws-transport's own default is 4 KiB): ws
 * refuses a larger message while reading it (close 1009) without buffering it whole. Frames
 * between 16 KiB and maxPayload reach checkFrame and get 4413.
 *
 * Close codes (colyseus.js: `room.onLeave(code)`, or `room.onError(code, reason)` before joining):
 *   4400 CLOSE_BAD_FRAME       checkFrame refused the frame, or it was a text frame
 *   4413 CLOSE_FRAME_TOO_LARGE the frame exceeded limits.maxFrameBytes
 *   4429 CLOSE_FLOOD           the connection spent its frame or byte budget
 *
 * Usage, in server/app.ts:
 *   import { Server } from '@colyseus/core';
 *   import { GuardedWebSocketTransport } from './net/guardedTransport';
 *   const httpServer = http.createServer(expressApp);
 *   const gameServer = new Server({
 *     transport: new GuardedWebSocketTransport({
 *       server: httpServer,                      // any ws-transport / ws ServerOptions
 *       guard: { onRefuse: (r) => log.warn(r, 'refused websocket frame') },   // optional
 *     }),
 *   });
 *   gameServer.define('match', MatchRoom);
 *   await gameServer.listen(port);
 * Options other than `guard` go to WebSocketTransport unchanged (maxPayload defaults to 64 KiB,
 * perMessageDeflate to DEFAULT_PER_MESSAGE_DEFLATE; `perMessageDeflate: false` turns it off).
 * `guardSocket(ws, options)` applies the same guard to a single `ws` socket (used by the class).
 */
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketTransport, type TransportOptions } from '@colyseus/ws-transport';
import type WebSocket from 'ws';
import { checkFrame, type FrameLimits } from './frameGuard';
import { TokenBucket, type BucketConfig } from './rateLimit';

export const CLOSE_BAD_FRAME = 4400;
export const CLOSE_FRAME_TOO_LARGE = 4413;
export const CLOSE_FLOOD = 4429;

/** ws's limit on one message, enforced while reading (bytes). */
export const DEFAULT_MAX_PAYLOAD = 64 * 1024;

/**
 * permessage-deflate for what the server sends (views and patches repeat their keys: a full view or a
 * round's resolution patch shrinks about 4×). colyseus.js in Node (ws) and browsers both offer it with
 * client_max_window_bits; a client that does not offer it gets uncompressed frames.
 * - The server keeps its compression context from frame to frame: a patch repeats the keys and event
 *   shapes of the patches before it, so it compresses against them (a round's bytes fell from about
 *   5.5 to 4.7 KB per client). ws then compresses every frame it is not told otherwise; what a client
 *   waits for (its catch-up patch and ack) goes uncompressed (server/rooms/sendNow.ts).
 * - Clients keep no context: ws applies `threshold` only then, and a Node client (ws) would otherwise
 *   compress every message, asynchronously, while colyseus.js reuses the buffer it packed the message
 *   in: its next message would overwrite the one still queued (seen as 4400 msgpack/trailing-bytes).
 *   With no takeover ws keeps frames under its own 1 KiB threshold uncompressed and sends them at
 *   once; browsers copy what they send.
 * - a 16 KiB window lets a round's resolution patch (~12 KB) refer to everything before it (4 KiB:
 *   4.5 KB a round; 16 KiB: 3.2 KB); with memLevel 5 zlib keeps about 80 KB per connection
 *   (15/8: ~300 KB, 300 MB for 1,000 clients). Clients send little: their window stays at 4 KiB;
 * - clientMaxWindowBits bounds inflating a client's frames; ws enforces maxPayload on the inflated
 *   size, so a small compressed frame cannot expand past it.
 */
export const DEFAULT_PER_MESSAGE_DEFLATE = Object.freeze({
  threshold: 128,
  serverNoContextTakeover: false,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 14,
  clientMaxWindowBits: 12,
  zlibDeflateOptions: Object.freeze({ level: 6, memLevel: 5 }),
});

/** Per-connection flood budget: generous, well above what rateLimit's per-class limits let through. */
export const DEFAULT_FRAME_BUDGET: Readonly<BucketConfig> = Object.freeze({ capacity: 100, refillPerSecond: 50 });
export const DEFAULT_BYTE_BUDGET: Readonly<BucketConfig> = Object.freeze({ capacity: 256 * 1024, refillPerSecond: 64 * 1024 });

/** A refused frame, for logs and metrics. */
export interface FrameRefusal {
  /** The close code sent to the client. */
  code: number;
  /** frameGuard's reason, 'frame/text', 'flood/frames' or 'flood/bytes'. */
  reason: string;
  /** Size of the refused frame in bytes. */
  bytes: number;
  /** The peer's address as the socket saw it (behind a proxy: the proxy). */
  remoteAddress: string | undefined;
}

export interface FrameGuardOptions {
  /** Overrides for frameGuard's limits (frame size, depth, type length). */
  limits?: Partial<FrameLimits>;
  /** Frames per connection: burst and sustained rate. */
  frameBudget?: BucketConfig;
  /** Bytes per connection: burst and sustained rate. */
  byteBudget?: BucketConfig;
  /** Milliseconds to wait for the peer's close frame before terminating the socket. */
  closeGraceMs?: number;
  /** Clock for the budgets, in ms; defaults to performance.now. */
  now?: () => number;
  /** Called once per refused connection (the first refused frame). Must not throw. */
  onRefuse?: (refusal: FrameRefusal) => void;
}

export interface GuardedTransportOptions extends TransportOptions {
  /** How incoming frames are checked; defaults everywhere. */
  guard?: FrameGuardOptions;
}

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data; // Buffer, the default binaryType
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null; // binaryType 'fragments' (Buffer[]) is not something Colyseus uses
}

/** Guards one socket: every 'message' it emits is checked first (see the header). */
export function guardSocket(ws: WebSocket, options: FrameGuardOptions = {}, remoteAddress?: string): void {
  const now = options.now ?? (() => performance.now());
  const frames = new TokenBucket(options.frameBudget ?? DEFAULT_FRAME_BUDGET);
  const bytes = new TokenBucket(options.byteBudget ?? DEFAULT_BYTE_BUDGET);
  const closeGraceMs = options.closeGraceMs ?? 1000;
  let refused = false;

  const refuse = (code: number, reason: string, size: number): void => {
    refused = true;
    try {
      options.onRefuse?.({ code, reason, bytes: size, remoteAddress });
    } catch {
      // a logging hook must not stop the refusal
    }
    ws.close(code, reason);
    const timer = setTimeout(() => {
      if (ws.readyState !== ws.CLOSED) ws.terminate();
    }, closeGraceMs);
    timer.unref();
  };

  const originalEmit = ws.emit as Emit;
  const guardedEmit: Emit = function (this: WebSocket, event, ...args) {
    if (event !== 'message') return originalEmit.call(this, event, ...args);
    if (refused) return false;
    const [data, isBinary] = args;
    const buf = asBytes(data);
    if (buf === null || isBinary !== true) {
      refuse(CLOSE_BAD_FRAME, 'frame/text', buf?.length ?? 0);
      return false;
    }
    const t = now();
    if (!frames.take(t)) {
      refuse(CLOSE_FLOOD, 'flood/frames', buf.length);
      return false;
    }
    if (!bytes.take(t, buf.length)) {
      refuse(CLOSE_FLOOD, 'flood/bytes', buf.length);
      return false;
    }
    const verdict = checkFrame(buf, options.limits);
    if (!verdict.ok) {
      refuse(verdict.reason === 'frame/too-large' ? CLOSE_FRAME_TOO_LARGE : CLOSE_BAD_FRAME, verdict.reason, buf.length);
      return false;
    }
    return originalEmit.call(this, event, ...args);
  };
  ws.emit = guardedEmit as typeof ws.emit;
}

/**
 * Colyseus sends schema patches and its cached full state as views into buffers it reuses (the
 * encoder's shared buffer). Uncompressed, ws writes them at once; compressed, ws hands them to zlib
 * on the thread pool, and queues later frames of the socket until that finishes, so by the time the
 * bytes are read Colyseus may have written the next patch over them. Each frame is copied first.
 */
function ownOutgoingBytes(ws: WebSocket): void {
  const send = ws.send.bind(ws) as (data: unknown, ...rest: unknown[]) => void;
  ws.send = ((data: unknown, ...rest: unknown[]) => {
    send(data instanceof Uint8Array ? Buffer.from(data) : data, ...rest);
  }) as typeof ws.send;
}

/** WebSocketTransport whose sockets are all guarded; see the header for usage. */
export class GuardedWebSocketTransport extends WebSocketTransport {
  constructor(options: GuardedTransportOptions = {}) {
    const { guard, ...transportOptions } = options;
    super({
      ...transportOptions,
      maxPayload: transportOptions.maxPayload ?? DEFAULT_MAX_PAYLOAD,
      perMessageDeflate: transportOptions.perMessageDeflate ?? { ...DEFAULT_PER_MESSAGE_DEFLATE },
    });
    const guardOptions = guard ?? {};
    // Prepended: ws-transport's own listener (added in super) may hand the socket to a room.
    this.wss.prependListener('connection', (ws: WebSocket, req: IncomingMessage) => {
      guardSocket(ws, guardOptions, req.socket.remoteAddress);
      if (ws.extensions) ownOutgoingBytes(ws);
    });
  }
}
