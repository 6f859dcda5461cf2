import { matchMaker, Room } from '@colyseus/core';
import type { Client } from '@colyseus/core';
import SQLite from 'better-sqlite3';

/** The room type the load process joins for the floor measurement. */
export const BARE_ROOM = 'bench-bare';

interface Waiting {
  client: Client;
  seq: number;
  body: string;
}

/**
 * The floor under (a)'s latency on this machine: a room that does nothing but make each message
 * durable and acknowledge it. One SQLite file (WAL, synchronous=FULL), one transaction and fsync
 * per tick of waiting messages, written on the event loop itself (no writer thread to hop to), and
 * an ack; no engine, no checks, no views, no patches. The same server, transport and load process
 * as the real room, so the difference between the two is what the game's own work costs.
 */
export function defineBareRoom(dbFile: string): { close(): void } {
  const db = new SQLite(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS log (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO log (body) VALUES (?)');
  const commit = db.transaction((rows: Waiting[]) => {
    for (const r of rows) insert.run(r.body);
  });

  class BareRoom extends Room {
    private waiting: Waiting[] = [];

    override onCreate(): void {
      this.onMessage('cmd', (client, m: { seq?: unknown; command?: unknown }) => {
        if (this.waiting.length === 0) setImmediate(() => this.flush());
        this.waiting.push({ client, seq: typeof m.seq === 'number' ? m.seq : -1, body: JSON.stringify(m.command ?? null) });
      });
    }

    private flush(): void {
      const batch = this.waiting;
      this.waiting = [];
      commit(batch);
      for (const w of batch) w.client.send('ack', { seq: w.seq });
    }
  }

  matchMaker.defineRoomType(BARE_ROOM, BareRoom);
  return { close: () => db.close() };
}
