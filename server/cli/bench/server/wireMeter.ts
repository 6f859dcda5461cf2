import type { Socket } from 'node:net';
import WebSocket from 'ws';

/**
 * Counts what really crosses the wire to a client: every WebSocket frame the server sent, read from
 * the TCP socket before ws decodes (or inflates) it, header included. Data frames are queued in order,
 * so the n-th message the SDK dispatches is matched with the n-th frame's size (ws sends each message
 * as one frame); control frames (Colyseus' pings) are added to the total as they come. The HTTP upgrade
 * response is not counted.
 */
export interface WireMeter {
  /** Bytes of every frame read so far. */
  bytes: number;
  /** Wire size of each data frame read but not yet claimed by `take`. */
  pending: number[];
  /** Bytes of control frames (pings, close), so far. */
  control: number;
  /** Data frames that came compressed (RSV1 set), so far. */
  compressed: number;
  /** The permessage-deflate parameters the server accepted ('' if none). */
  extensions: string;
}

const meters = new WeakMap<object, WireMeter>();

/** The meter of a ws client socket (installed when it connected). */
export function meterOf(ws: object | undefined): WireMeter | undefined {
  return ws ? meters.get(ws) : undefined;
}

/** The wire size of the next data frame (call once per message, in order). */
export function take(m: WireMeter): number {
  return m.pending.shift() ?? 0;
}

function frameReader(m: WireMeter): (chunk: Buffer) => void {
  let buf: Buffer = Buffer.alloc(0);
  /** Payload bytes of the current frame still to skip. */
  let skip = 0;
  /** Wire bytes of the message being assembled (fragments), or -1 between messages. */
  let message = -1;
  return (chunk) => {
    m.bytes += chunk.length;
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    let at = 0;
    for (;;) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length - at);
        skip -= n;
        at += n;
        if (skip > 0) break;
      }
      if (buf.length - at < 2) break;
      const b0 = buf[at]!;
      const b1 = buf[at + 1]!;
      let len = b1 & 0x7f;
      let header = 2;
      if (len === 126) {
        if (buf.length - at < 4) break;
        len = buf.readUInt16BE(at + 2);
        header = 4;
      } else if (len === 127) {
        if (buf.length - at < 10) break;
        len = Number(buf.readBigUInt64BE(at + 2));
        header = 10;
      }
      if (b1 & 0x80) header += 4; // a masked frame (never from a server)
      const opcode = b0 & 0x0f;
      const fin = (b0 & 0x80) !== 0;
      if (opcode < 8) {
        if (message < 0 && b0 & 0x40) m.compressed++;
        message = Math.max(0, message) + header + len;
        if (fin) {
          m.pending.push(message);
          message = -1;
        }
      } else m.control += header + len;
      at += header;
      skip = len;
    }
    buf = at >= buf.length ? Buffer.alloc(0) : buf.subarray(at);
  };
}

let installed = false;

/** From now on, every ws client socket of this process gets a meter. */
export function installWireMeter(): void {
  if (installed) return;
  installed = true;
  const proto = WebSocket.prototype as unknown as { setSocket(this: WebSocket, socket: Socket, ...rest: unknown[]): void };
  const setSocket = proto.setSocket;
  proto.setSocket = function (socket, ...rest) {
    setSocket.call(this, socket, ...rest);
    const m: WireMeter = { bytes: 0, pending: [], control: 0, compressed: 0, extensions: this.extensions };
    meters.set(this, m);
    // First in line: a frame is counted before ws parses it and dispatches its message.
    socket.prependListener('data', frameReader(m));
  };
}
