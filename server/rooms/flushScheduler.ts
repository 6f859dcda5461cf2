/**
 * Runs deferred work (rooms' view fan-outs) after the current tick, a slice at a time: once a slice
 * has used `sliceMs`, the rest waits for the next turn of the event loop, so incoming commands and
 * their acks are not held behind a whole process's fan-out. A task queued again while it waits runs
 * once (its work is coalesced).
 */
export class FlushScheduler {
  private queue = new Set<() => void>();
  private scheduled = false;

  constructor(
    private readonly sliceMs = 1,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Run `task` soon (once, however often it is asked for before it runs). */
  request(task: () => void): void {
    this.queue.add(task);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.run());
    }
  }

  /** Forget a task that has not run yet (a room closing). */
  cancel(task: () => void): void {
    this.queue.delete(task);
  }

  private run(): void {
    this.scheduled = false;
    const t0 = performance.now();
    for (const task of this.queue) {
      this.queue.delete(task);
      try {
        task();
      } catch (e) {
        this.onError(e);
      }
      if (performance.now() - t0 >= this.sliceMs) break;
    }
    if (this.queue.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.run());
    }
  }
}

/** The process's scheduler for view fan-outs (one event loop, one queue). */
export const fanoutScheduler = new FlushScheduler();
