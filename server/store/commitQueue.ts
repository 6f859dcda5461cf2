import type { Logger } from '../log';
import type { MatchStore, WriteBatch } from './MatchStore';

/** Anything with writes waiting: a live match. */
export interface CommitParticipant {
  /** Hand over everything waiting; it is now in flight. */
  drain(): WriteBatch;
  /** The in-flight writes are durable (error null) or failed. */
  settled(error: Error | null): void;
}

/** Counters for benches and the health route. */
export interface CommitStats {
  batches: number;
  commands: number;
  /** Largest batch so far (commands). */
  maxBatch: number;
  /** Total time spent in store.write (ms). */
  writeMs: number;
}

/**
 * Group commit: every participant that asked during one tick of the event loop is written in one
 * transaction (one fsync with SQLite synchronous=FULL). While a write is in flight, new requests wait
 * for the next one. Writes never overlap, so the log stays in order.
 */
export class CommitQueue {
  private waiting = new Set<CommitParticipant>();
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  readonly stats: CommitStats = { batches: 0, commands: 0, maxBatch: 0, writeMs: 0 };

  constructor(private readonly store: MatchStore, private readonly log: Logger) {}

  /** A participant has writes waiting. */
  request(p: CommitParticipant): void {
    this.waiting.add(p);
    this.schedule();
  }

  /** Resolves when nothing waits and nothing is in flight. */
  async idle(): Promise<void> {
    while (this.flushing || this.scheduled || this.waiting.size > 0) {
      if (this.flushing) await this.flushing;
      else await new Promise<void>((r) => setImmediate(r));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.waiting.size > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const parts = [...this.waiting];
    this.waiting.clear();
    const batch: WriteBatch = { commands: [], snapshots: [], statuses: [] };
    for (const p of parts) {
      const b = p.drain();
      batch.commands.push(...b.commands);
      batch.snapshots.push(...b.snapshots);
      batch.statuses.push(...b.statuses);
    }
    let error: Error | null = null;
    const t0 = performance.now();
    try {
      await this.store.write(batch);
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
      this.log.error({ err: error, commands: batch.commands.length }, 'commit failed: the batch is refused');
    }
    this.stats.writeMs += performance.now() - t0;
    if (!error) {
      this.stats.batches += 1;
      this.stats.commands += batch.commands.length;
      this.stats.maxBatch = Math.max(this.stats.maxBatch, batch.commands.length);
    }
    for (const p of parts) {
      try {
        p.settled(error);
      } catch (e) {
        this.log.error({ err: e }, 'a listener failed after commit');
      }
    }
  }
}
