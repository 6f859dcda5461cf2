import type SQLite from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';

/** The checkpoint thread's start-up data. */
export interface CheckpointData {
  file: string;
  intervalMs: number;
}

/** What the checkpoint thread reports after each checkpoint that found new frames. */
export interface CheckpointReport {
  type: 'checkpointed';
  /** Frames in the WAL when it ran (all of them copied unless a commit raced it). */
  walFrames: number;
  ms: number;
}

/**
 * The body of the checkpoint thread (started from its source text by functionThread.ts; so it
 * must stay self-contained). Every `intervalMs` it copies committed WAL frames into the database
 * file with a PASSIVE checkpoint, which takes no lock writers wait for: commits keep going to the
 * WAL meanwhile. Once every frame is copied, the writer's next commit restarts the WAL from its
 * start, so the WAL stays small and commits overwrite space the file already has, which this disk
 * syncs about three times faster than appended space.
 */
export function checkpointThread(data: CheckpointData, port: MessagePort, Database: typeof SQLite): void {
  const RETRY_MS = 5;
  const db = new Database(data.file);
  // As on the store's other connections. A checkpoint syncs the WAL before copying from it and the
  // database file before the WAL may restart.
  db.pragma('synchronous = FULL');
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let last = '';
  let timer: ReturnType<typeof setTimeout>;
  const run = (): void => {
    const t0 = performance.now();
    let next = data.intervalMs;
    try {
      const row = checkpoint.get() as { busy: number; log: number; checkpointed: number };
      // A commit raced it: the WAL restarts only once every frame is copied, so try again soon.
      if (row.checkpointed < row.log) next = Math.min(next, RETRY_MS);
      // Unchanged figures: nothing was committed since the last checkpoint.
      const seen = `${row.log}/${row.checkpointed}`;
      if (seen !== last) {
        last = seen;
        port.postMessage({ type: 'checkpointed', walFrames: row.log, ms: performance.now() - t0 } satisfies CheckpointReport);
      }
    } catch {
      // Busy or locked: the next turn tries again, and the writer's own fallback bounds the WAL.
    }
    timer = setTimeout(run, next);
  };
  timer = setTimeout(run, data.intervalMs);
  port.on('message', (m: { type: 'close' }) => {
    if (m.type !== 'close') return;
    clearTimeout(timer);
    db.close();
    port.close();
  });
}
