import type { Client } from '@colyseus/core';
import { diff, encodePatch, OP_SET, ViewMemo, viewerKey } from '../../shared/index';
import type { DiffOptions, GameState, PatchOp, PlayerView, Scenario, ServerView, Viewer } from '../../shared/index';
import type { FlushScheduler } from './flushScheduler';
import { fanoutScheduler } from './flushScheduler';
import { sendNow } from './sendNow';

interface Subscriber {
  client: Client;
  viewer: Viewer;
  key: string;
  /** Version (log seq) of the last view this client was sent, and that view (shared with the memo: never changed). */
  version: number;
  view: PlayerView;
  /** Newest version compared against (a view that only moved its clock is not sent, nor computed again). */
  checked: number;
}

/** What a fan-out reads: the committed state and its log sequence number. */
export interface CommittedSource {
  readonly state: GameState;
  readonly seq: number;
}

/** Default of ViewFanout's coalesceMs (ms). */
export const COALESCE_MS = 40;

/** When a round ends, its report becomes `lastReport`: the client has those events already. */
const DIFF_OPTIONS: DiffOptions = { carry: [['report', 'lastReport']] };

/** `now` moves with every command; sending it alone would patch every client on every commit. */
function isClockOnly(op: PatchOp): boolean {
  return op[0] === OP_SET && op[1].length === 1 && op[1][0] === 'now';
}

/**
 * Sends each client its own view, and nothing else: a full `view` on join and on resync, then a
 * `patch` from the last view this client was sent to its new one, to that client alone. Versions
 * are log sequence numbers, so a view at version v is exactly view(fold(log[1..v]), viewer).
 *
 * After a commit nothing is sent at once: `published` queues the room on the scheduler after
 * `coalesceMs`, and the commits that land meanwhile make one patch per viewer. A client about to receive an
 * ack is brought up to date first (`catchUp`), so an ack never precedes the view that shows it.
 * Views come from a ViewMemo, whose unchanged parts are the previous view's own objects: the diff
 * skips them by identity. Memo views are shared and sent as they are (msgpack, no JSON copy).
 */
export class ViewFanout {
  private subs = new Map<string, Subscriber>();
  /** Subscribers by viewer key: a seat's team shares one view. */
  private groups = new Map<string, Set<Subscriber>>();
  private readonly memo: ViewMemo;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** One scheduler task per viewer group, so a big room's fan-out is spread over slices too. */
  private readonly groupTasks = new Map<string, () => void>();

  constructor(
    scenario: Scenario,
    private readonly source: CommittedSource,
    /**
     * How long other clients' patches wait for more commits to join them. A player's commands come
     * in bursts (a budget, orders, ready): one patch per burst, not per command, for everyone else.
     * Colyseus sends the room's schema state at the same pace (patchRate 50 ms).
     */
    /** A deferred flush failed (nobody waits on it to hear so). */
    private readonly onError: (e: unknown) => void,
    private readonly coalesceMs = COALESCE_MS,
    private readonly scheduler: FlushScheduler = fanoutScheduler,
  ) {
    this.memo = new ViewMemo(scenario);
  }

  get size(): number {
    return this.subs.size;
  }

  /** Register a client and send it the full view of the committed state. */
  add(client: Client, viewer: Viewer): void {
    this.remove(client);
    const key = viewerKey(viewer);
    const sub: Subscriber = { client, viewer, key, version: this.source.seq, checked: this.source.seq, view: this.memo.of(this.source.state, viewer) };
    this.subs.set(client.sessionId, sub);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = new Set()));
    group.add(sub);
    client.send('view', { version: sub.version, view: sub.view } satisfies ServerView<PlayerView>);
  }

  remove(client: Client): void {
    const sub = this.subs.get(client.sessionId);
    if (!sub) return;
    this.subs.delete(client.sessionId);
    const group = this.groups.get(sub.key);
    group?.delete(sub);
    if (group?.size === 0) {
      this.groups.delete(sub.key);
      this.memo.forget(sub.viewer);
      const task = this.groupTasks.get(sub.key);
      if (task) this.scheduler.cancel(task);
      this.groupTasks.delete(sub.key);
    }
  }

  /** Send the client a full view of the committed state again. */
  resync(client: Client): void {
    const sub = this.subs.get(client.sessionId);
    if (sub) this.add(client, sub.viewer);
  }

  /** A commit happened: every client whose view changed gets a patch soon. */
  published(): void {
    if (this.closed || this.timer) return;
    if (this.coalesceMs <= 0) {
      this.requestAll();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed) this.requestAll();
    }, this.coalesceMs);
  }

  private requestAll(): void {
    for (const key of this.groups.keys()) this.scheduler.request(this.taskFor(key));
  }

  private taskFor(key: string): () => void {
    let task = this.groupTasks.get(key);
    if (!task) {
      task = () => {
        try {
          if (!this.closed) this.flushGroup(key);
        } catch (e) {
          this.onError(e);
        }
      };
      this.groupTasks.set(key, task);
    }
    return task;
  }

  /** Bring this client (and its teammates, who share its view) up to the committed state now. */
  catchUp(client: Client): void {
    const sub = this.subs.get(client.sessionId);
    if (sub) this.flushGroup(sub.key, true);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const task of this.groupTasks.values()) this.scheduler.cancel(task);
  }

  /** Patches to every client behind the committed state. */
  flush(): void {
    if (this.closed) return;
    for (const key of this.groups.keys()) this.flushGroup(key);
  }

  private flushGroup(key: string, now = false): void {
    const group = this.groups.get(key);
    if (!group) return;
    const { state, seq } = this.source;
    let next: PlayerView | null = null;
    // Teammates usually share a base: one diff for them.
    let ops: PatchOp[] | null = null;
    let opsBase: PlayerView | null = null;
    for (const sub of group) {
      if (sub.checked >= seq) continue;
      sub.checked = seq;
      next ??= this.memo.of(state, sub.viewer);
      if (opsBase !== sub.view) {
        ops = diff(sub.view, next, DIFF_OPTIONS);
        opsBase = sub.view;
      }
      // Nothing this viewer may see changed (the command clock alone does not count); its version stays.
      if (ops!.every(isClockOnly)) continue;
      const message = encodePatch({ version: seq, base: sub.version, ops: ops! });
      if (now) sendNow(sub.client, 'patch', message);
      else sub.client.send('patch', message);
      sub.version = seq;
      sub.view = next;
    }
  }
}
