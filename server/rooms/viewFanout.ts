import type { Client } from '@colyseus/core';
import { diff, view } from '../../shared/index';
import type { GameState, PatchOp, PlayerView, Scenario, ServerPatch, ServerView, Viewer } from '../../shared/index';

interface Subscriber {
  client: Client;
  viewer: Viewer;
  /** Version (log seq) of the last view this client was sent, and that view. */
  version: number;
  view: PlayerView;
}

/** `now` moves with every command; sending it alone would patch every client on every commit. */
function isClockOnly(op: PatchOp): boolean {
  return op.path.length === 1 && op.path[0] === 'now';
}

function viewerKey(v: Viewer): string {
  return v.role === 'seat' ? `seat:${v.state}` : v.role;
}

/**
 * Sends each client its own view, and nothing else: a full `view` on join and on resync, then after
 * every commit a `patch` from the last view this client was sent to its new one, to that client alone.
 * Versions are log sequence numbers, so a view at version v is exactly view(fold(log[1..v]), viewer).
 */
export class ViewFanout {
  private subs = new Map<string, Subscriber>();

  constructor(private readonly scenario: Scenario) {}

  get size(): number {
    return this.subs.size;
  }

  /** Register a client and send it the full view. */
  add(client: Client, viewer: Viewer, state: GameState, version: number): void {
    const v = this.cut(state, viewer);
    this.subs.set(client.sessionId, { client, viewer, version, view: v });
    client.send('view', { version, view: v } satisfies ServerView<PlayerView>);
  }

  remove(client: Client): void {
    this.subs.delete(client.sessionId);
  }

  /** Send the client a full view of the current state again. */
  resync(client: Client, state: GameState, version: number): void {
    const sub = this.subs.get(client.sessionId);
    if (sub) this.add(client, sub.viewer, state, version);
  }

  /** After a commit: a patch to every client whose view changed. */
  publish(state: GameState, version: number): void {
    const views = new Map<string, PlayerView>();
    const patches = new Map<string, PatchOp[]>();
    for (const sub of this.subs.values()) {
      const key = viewerKey(sub.viewer);
      let next = views.get(key);
      if (!next) {
        next = this.cut(state, sub.viewer);
        views.set(key, next);
      }
      // Teammates on the same seat usually share a base: diff once for them.
      const patchKey = `${key}@${sub.version}`;
      let ops = patches.get(patchKey);
      if (!ops) {
        ops = diff(sub.view, next);
        patches.set(patchKey, ops);
      }
      // Nothing this viewer may see changed (the command clock alone does not count); its version stays.
      if (ops.every(isClockOnly)) continue;
      sub.client.send('patch', { version, base: sub.version, ops } satisfies ServerPatch);
      sub.version = version;
      sub.view = next;
    }
  }

  /** The view as plain JSON (no undefined, no shared references), exactly what the wire carries. */
  private cut(state: GameState, viewer: Viewer): PlayerView {
    return JSON.parse(JSON.stringify(view(this.scenario, state, viewer))) as PlayerView;
  }
}
