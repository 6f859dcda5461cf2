/**
 * Test helpers for the frame guard: frames exactly as colyseus.js 0.16 encodes them, the decoder
 * exactly as @colyseus/core 0.16 loads it, the evil frame, and a way to force a GC.
 */
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import { decode } from '@colyseus/schema';
import { Room as ClientRoom } from 'colyseus.js';

/** What colyseus.js puts on the wire; each call returns a copy (its packr buffer is reused). */
export interface ClientEncoder {
  send(type: string | number, payload?: unknown): Uint8Array;
  sendBytes(type: string | number, bytes: Uint8Array): Uint8Array;
}

/** Drives colyseus.js's own `Room.send` / `Room.sendBytes` with a capturing connection. */
export function colyseusJsEncoder(): ClientEncoder {
  const room = new ClientRoom('capture');
  let last: Uint8Array | null = null;
  (room as unknown as { connection: { send(data: Uint8Array): void } }).connection = {
    send: (data) => {
      last = Uint8Array.from(data);
    },
  };
  const take = (): Uint8Array => {
    const frame = last;
    last = null;
    if (frame === null) throw new Error('colyseus.js sent nothing');
    return frame;
  };
  return {
    send(type, payload) {
      room.send(type, payload);
      return take();
    },
    sendBytes(type, bytes) {
      room.sendBytes(type, bytes);
      return take();
    },
  };
}

/** msgpackr as @colyseus/core 0.16 requires it (the CommonJS build, native string extraction on). */
export const coreMsgpackr = createRequire(import.meta.url)('@colyseus/msgpackr') as {
  unpack(data: Uint8Array): unknown;
  isNativeAccelerationEnabled: boolean;
};

/**
 * What `Room._onMessage` (@colyseus/core 0.16.26) makes of a ROOM_DATA frame: the type through
 * @colyseus/schema's decoder, then the rest through msgpackr `unpack`. Throws where it throws.
 */
export function serverDecode(frame: Uint8Array): { type: unknown; message: unknown } {
  const it = { offset: 1 };
  const buf = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength); // a view, as ws delivers
  const type: unknown = decode.stringCheck(buf, it) ? decode.string(buf, it) : decode.number(buf, it);
  const message = frame.byteLength > it.offset ? coreMsgpackr.unpack(frame.subarray(it.offset, frame.byteLength)) : undefined;
  return { type, message };
}

/**
 * The frame: ROOM_DATA, message type 0, then `dc ff ff` (array16 claiming 65,535 elements)
 * 1,361 times — 4,085 bytes that make msgpackr preallocate ~700 MB.
 */
export function evilFrame(): Uint8Array {
  const frame = new Uint8Array(2 + 1361 * 3);
  frame[0] = 13;
  frame[1] = 0;
  for (let i = 2; i < frame.length; i += 3) frame.set([0xdc, 0xff, 0xff], i);
  return frame;
}

/** A full garbage collection, with or without --expose-gc. */
export function forceGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Concatenates byte arrays. */
export function bytes(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A ROOM_DATA frame with message type 'x' and the given raw msgpack payload. */
export function roomData(...payload: (Uint8Array | readonly number[])[]): Uint8Array {
  return bytes([13, 0xa1, 0x78], ...payload);
}
