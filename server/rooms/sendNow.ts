import { ClientState, getMessageBytes, Protocol } from '@colyseus/core';
import type { Client } from '@colyseus/core';

interface WsLike {
  send(data: Uint8Array, options: { binary: boolean; compress: boolean }): void;
  _socket?: { cork(): void; uncork(): void } | null;
}

/** Below this, what a client waits for goes uncompressed; a round's resolution patch (~12 KB) still shrinks 4×. */
const COMPRESS_FROM = 512;

/**
 * Send what a client is waiting for (its catch-up patch, its ack) without compressing it unless it is
 * large. With permessage-deflate ws compresses a frame on the zlib thread pool and holds every later
 * frame of the socket until that is done: an ack would wait for a thread and a turn of the event loop
 * for the sake of a few bytes. Colyseus' own `send` cannot say so (it passes fixed options).
 */
export function sendNow(client: Client, type: string, message: unknown): void {
  const ws = (client as unknown as { ref?: Partial<WsLike> }).ref;
  if (client.state !== ClientState.JOINED || typeof ws?.send !== 'function') {
    client.send(type, message);
    return;
  }
  const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
  ws.send(bytes, { binary: true, compress: bytes.length >= COMPRESS_FROM });
}

/**
 * Run `fn`, whose frames to this client leave in one write: a catch-up patch and its ack cost one
 * syscall and wake the client once (ws writes each frame on its own otherwise). Node's cork nests.
 */
export function corked(client: Client, fn: () => void): void {
  const socket = (client as unknown as { ref?: Partial<WsLike> }).ref?._socket;
  if (!socket) return fn();
  socket.cork();
  try {
    fn();
  } finally {
    socket.uncork();
  }
}
