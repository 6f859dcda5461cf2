import { Worker } from 'node:worker_threads';
import type { MatchRecord, RunOptions } from './runMatch';
import type { FromWorker, ToWorker, WorkerSetup } from './worker';

export interface PoolOptions {
  scenarioText: string;
  seed: string;
  matches: number;
  workers: number;
  options: RunOptions;
  /** Called after each finished match, with how many are done. */
  onProgress?: (done: number) => void;
}

/**
 * Plays matches 0..n−1 on worker threads, handing out one match at a time, and returns the records in match order
 * (so a report never depends on how many workers ran it).
 */
export function runPool(o: PoolOptions): Promise<MatchRecord[]> {
  const records = new Array<MatchRecord>(o.matches);
  let next = 0;
  let done = 0;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (err?: Error): void => {
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(records);
    };
    const feed = (w: Worker): void => {
      if (next < o.matches) w.postMessage({ type: 'run', index: next++ } satisfies ToWorker);
    };
    const n = Math.max(1, Math.min(o.workers, o.matches));
    for (let i = 0; i < n; i++) {
      const setup: WorkerSetup = { entry, scenarioText: o.scenarioText, seed: o.seed, options: o.options };
      const w = new Worker(new URL('./boot.mjs', import.meta.url), { workerData: setup });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') return feed(w);
        if (m.type === 'failed') return finish(new Error(`match ${m.index} failed: ${m.error}`));
        records[m.index] = m.record;
        done++;
        o.onProgress?.(done);
        if (done === o.matches) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e));
    }
    if (o.matches === 0) finish();
  });
}
