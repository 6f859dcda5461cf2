/**
 * A real Colyseus 0.16 server on a random port with a minimal room, for the transport tests.
 * The room echoes `echo` and answers `cmd` with `ack`, or `error` when rateLimit.ts says so.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Room, Server, type Client as ServerClient, type Transport } from '@colyseus/core';
import { Client, type Room as ClientRoom } from 'colyseus.js';
import type WebSocket from 'ws';
import { messageClassOf, RoomRateLimiter } from '../../../server/net/rateLimit';

export const ROOM_NAME = 'net_test';

export class NetTestRoom extends Room {
  private readonly limiter = new RoomRateLimiter();

  onCreate(): void {
    this.onMessage('echo', (client: ServerClient, message: unknown) => client.send('echo', message));
    this.onMessage('cmd', (client: ServerClient, message: unknown) => {
      if (!this.limiter.take(client.sessionId, messageClassOf('cmd', message), performance.now())) {
        client.send('error', { code: 'rate/limited' });
        return;
      }
      client.send('ack', message);
    });
  }

  onLeave(client: ServerClient): void {
    this.limiter.forget(client.sessionId);
  }
}

export interface RunningServer {
  endpoint: string;
  join(): Promise<ClientRoom>;
  stop(): Promise<void>;
}

/** Starts a Colyseus server on 127.0.0.1 with `makeTransport(httpServer)`. */
export async function startServer(makeTransport: (server: http.Server) => Transport): Promise<RunningServer> {
  const httpServer = http.createServer();
  const gameServer = new Server({ transport: makeTransport(httpServer), greet: false, gracefullyShutdown: false });
  gameServer.define(ROOM_NAME, NetTestRoom);
  await gameServer.listen(0, '127.0.0.1');
  const { port } = httpServer.address() as AddressInfo;
  const endpoint = `ws://127.0.0.1:${port}`;
  const client = new Client(endpoint);
  return {
    endpoint,
    join: () => client.joinOrCreate(ROOM_NAME),
    stop: () => gameServer.gracefullyShutdown(false),
  };
}

/** Milliseconds for an `echo` to come back. */
export function roundTrip(room: ClientRoom, payload: unknown = { ping: true }): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const off = room.onMessage('echo', () => {
      off();
      resolve(performance.now() - started);
    });
    room.send('echo', payload);
  });
}

/** The next message of `type` this client receives. */
export function nextMessage(room: ClientRoom, type: string): Promise<unknown> {
  return new Promise((resolve) => {
    const off = room.onMessage(type, (message: unknown) => {
      off();
      resolve(message);
    });
  });
}

/** The close code the client sees when the server drops it. */
export function leaveCode(room: ClientRoom): Promise<number> {
  return new Promise((resolve) => room.onLeave((code: number) => resolve(code)));
}

/** Sends bytes (or text) straight down a joined client's socket, past colyseus.js's encoder. */
export function sendRaw(room: ClientRoom, data: Uint8Array | string): void {
  (room.connection.transport as unknown as { ws: WebSocket }).ws.send(data);
}
