import { patch } from '../../shared/patch';
import type { ServerPatch, ServerView } from '../../shared/protocol';
import type { PlayerView } from '../../shared/view';

/**
 * The client's copy of its view: a full view sets it, a patch moves it one version on. A patch
 * whose base is not the version held means messages were missed: the caller asks for a resync
 * (lila's socket does the same on a version gap).
 */
export class ViewSync {
  version = -1;
  view: PlayerView | null = null;

  /** A full view replaces whatever was held. */
  full(msg: ServerView<PlayerView>): PlayerView {
    this.version = msg.version;
    this.view = msg.view;
    return msg.view;
  }

  /**
   * Apply a patch. Returns the new view, 'stale' for a patch already reflected (ignored), or
   * 'gap' when a resync is needed.
   */
  apply(msg: ServerPatch): PlayerView | 'stale' | 'gap' {
    if (this.view === null) return 'gap';
    if (msg.version <= this.version) return 'stale';
    if (msg.base !== this.version) return 'gap';
    try {
      this.view = patch(this.view, msg.ops);
    } catch {
      return 'gap';
    }
    this.version = msg.version;
    return this.view;
  }

  reset(): void {
    this.version = -1;
    this.view = null;
  }
}
