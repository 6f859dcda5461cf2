import type { Worker } from 'node:worker_threads';
import type { WriteBatch } from './MatchStore';
import type { WriterData, WriterReply, WriterRequest, WriterSettings } from './writerProtocol';
import { encodeBatch } from './writerProtocol';
import { functionThread } from './functionThread';
import { writerThread } from './writerThread';

/**
 * The main thread's handle on the SQLite writer thread. A write resolves only once the thread's
 * transaction has committed (fsync included) and rejects with SQLite's error otherwise. Writes are
 * posted and answered in call order (one port, one connection, one transaction at a time).
 *
 * If the thread dies with a write in flight, whether that transaction committed is a fact in the
 * file: the probe asks the main connection, so a committed batch is never refused (its commands
 * would otherwise be reused at the same seqs) and a lost one never acknowledged. The next write
 * starts a new thread.
 */

/** Did this batch commit? Asked of the main connection after the thread died with it in flight. */
export type CommittedProbe = (batch: WriteBatch) => Promise<boolean>;

/**
 * WAL pages (4 KiB) after which the writer checkpoints in its own commit. The checkpoint thread
 * normally keeps the WAL far below this; under a steady stream of commits it may never find the
 * WAL fully copied between two of them, and then this bounds the WAL (8 MB).
 */
const FALLBACK_CHECKPOINT_PAGES = 2000;

interface InFlight {
  batch: WriteBatch;
  resolve: () => void;
  reject: (e: Error) => void;
}

/** One running thread and the writes it has not answered yet. */
class Thread {
  readonly pending = new Map<number, InFlight>();
  exited = false;
  /** Set once the connection is open. */
  settings: WriterSettings | null = null;
  /** Resolves with the connection's settings once it is open; rejects if the thread dies first. */
  readonly ready: Promise<WriterSettings>;
  /** Resolves once the thread is gone. */
  readonly gone: Promise<void>;
  private readonly worker: Worker;

  constructor(data: WriterData, onExit: (t: Thread, why: Error) => void) {
    this.worker = functionThread(writerThread, data, 'sqlite-writer');
    let opened: (s: WriterSettings) => void = () => undefined;
    let failed: (e: Error) => void = () => undefined;
    this.ready = new Promise((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    // Whoever waits for it sees the failure; a thread nobody waits for must not crash the process.
    this.ready.catch(() => undefined);
    let failure: Error | null = null;
    this.worker.on('message', (m: WriterReply) => {
      if (m.type === 'written') return this.answer(m.id, m.error);
      // Idle, it must not keep the process alive; while a write is in flight it does (see send).
      if (this.pending.size === 0) this.worker.unref();
      this.settings = { journalMode: m.journalMode, synchronous: m.synchronous, foreignKeys: m.foreignKeys };
      opened(this.settings);
    });
    this.worker.on('error', (e) => {
      failure = e;
    });
    this.gone = new Promise((done) => {
      this.worker.on('exit', (code) => {
        this.exited = true;
        const why = failure ?? new Error(`the SQLite writer thread exited (code ${code})`);
        failed(why);
        onExit(this, why);
        done();
      });
    });
  }

  send(id: number, w: InFlight): void {
    const batch = encodeBatch(w.batch);
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, w);
    this.post({ type: 'write', id, batch });
  }

  /** Finish the writes already sent, then close the connection and end. */
  close(): Promise<void> {
    this.worker.ref();
    this.post({ type: 'close' });
    return this.gone;
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
    await this.gone;
  }

  private post(m: WriterRequest): void {
    this.worker.postMessage(m);
  }

  private answer(id: number, error: { message: string; code: string | null } | null): void {
    const w = this.pending.get(id);
    if (!w) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (!error) w.resolve();
    else w.reject(Object.assign(new Error(error.message), error.code ? { code: error.code } : {}));
  }
}

export class SqliteWriter {
  private thread: Thread | null = null;
  private nextId = 1;
  private closing: Promise<void> | null = null;

  private constructor(private readonly data: WriterData, private readonly probe: CommittedProbe) {}

  /** Start the thread on a migrated WAL file; resolves once its connection is open. */
  static async start(file: string, probe: CommittedProbe, busyTimeoutMs = 5000): Promise<{ writer: SqliteWriter; settings: WriterSettings }> {
    const writer = new SqliteWriter({ file, busyTimeoutMs, fallbackCheckpointPages: FALLBACK_CHECKPOINT_PAGES }, probe);
    const settings = await writer.live().ready;
    return { writer, settings };
  }

  /** Commit the batch in one transaction on the writer thread. */
  async write(batch: WriteBatch): Promise<void> {
    if (this.closing) throw new Error('the store is closed');
    for (;;) {
      const t = this.live();
      // Posted at once when the thread is up, so a close() called after this write is posted after it.
      if (t.settings) return new Promise<void>((resolve, reject) => t.send(this.nextId++, { batch, resolve, reject }));
      // A thread that fails to start refuses this batch; the next write tries a new one.
      await t.ready;
    }
  }

  /** Let the thread finish the writes already sent, close its connection and end. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const t = this.thread;
      if (!t || t.exited) return;
      // Writes waiting for a new thread to start were queued on `ready` first, so they go first.
      if (!t.settings) await t.ready.catch(() => undefined);
      if (!t.exited) await t.close();
    })();
    return this.closing;
  }

  /** Stop the thread at once, as a crash would (tests). */
  async crash(): Promise<void> {
    const t = this.thread;
    if (t) await t.terminate();
  }

  /** The running thread, or a new one. */
  private live(): Thread {
    if (this.thread && !this.thread.exited) return this.thread;
    if (this.closing) throw new Error('the store is closed');
    const t = new Thread(this.data, (dead, why) => void this.lost(dead, why));
    this.thread = t;
    return t;
  }

  /** Settle, in order, the writes a dead thread never answered. */
  private async lost(t: Thread, why: Error): Promise<void> {
    const unanswered = [...t.pending.values()];
    t.pending.clear();
    for (const w of unanswered) {
      let committed: boolean;
      try {
        committed = await this.probe(w.batch);
      } catch (e) {
        w.reject(new Error(`the SQLite writer thread stopped and the outcome of this batch is unknown: ${String(e)}`));
        continue;
      }
      if (committed) w.resolve();
      else w.reject(new Error(`the SQLite writer thread stopped before committing: ${why.message}`));
    }
  }
}
