import type { Worker } from 'node:worker_threads';
import type { CheckpointData, CheckpointReport } from './checkpointThread';
import { checkpointThread } from './checkpointThread';
import { functionThread } from './functionThread';

/** How often the checkpoint thread copies the WAL into the database file (ms). */
export const CHECKPOINT_INTERVAL_MS = 250;

/** Checkpoints done off the commit path, for benches and the health route. */
export interface CheckpointStats {
  checkpoints: number;
  /** Total time spent in them (ms), and the longest. */
  totalMs: number;
  maxMs: number;
}

/**
 * The main thread's handle on the checkpoint thread (checkpointThread.ts). It never holds up a
 * commit or the process: if the thread dies, the writer's own fallback checkpoint bounds the WAL.
 */
export class Checkpointer {
  readonly stats: CheckpointStats = { checkpoints: 0, totalMs: 0, maxMs: 0 };
  private readonly worker: Worker;
  private readonly gone: Promise<void>;

  constructor(file: string, intervalMs = CHECKPOINT_INTERVAL_MS) {
    this.worker = functionThread<CheckpointData>(checkpointThread, { file, intervalMs }, 'sqlite-checkpoint');
    this.worker.unref();
    this.worker.on('message', (m: CheckpointReport) => {
      this.stats.checkpoints += 1;
      this.stats.totalMs += m.ms;
      this.stats.maxMs = Math.max(this.stats.maxMs, m.ms);
    });
    // A failed checkpoint thread is not the store's failure (see above).
    this.worker.on('error', () => undefined);
    this.gone = new Promise((done) => this.worker.once('exit', () => done()));
  }

  /** Stop checkpointing and close the thread's connection. */
  async close(): Promise<void> {
    this.worker.postMessage({ type: 'close' });
    await this.gone;
  }
}
