import type { Scenario } from './scenario/schema';
import type { GameState } from './state';
import type { PlayerView, Viewer } from './view';
import { view } from './view';

function viewerKey(v: Viewer): string {
  return v.role === 'seat' ? `seat:${v.state}` : v.role;
}

/**
 * Views of one match for many viewers over time. `of(state, viewer)` always deep-equals `view(scenario, state, viewer)`;
 * parts that did not change since this viewer's previous view are the very same objects, so a diff can skip them by
 * identity. Results are shared and must never be changed.
 */
export class ViewMemo {
  private last = new Map<string, PlayerView>();

  constructor(private readonly scenario: Scenario) {}

  of(state: GameState, viewer: Viewer): PlayerView {
    const v = view(this.scenario, state, viewer);
    this.last.set(viewerKey(viewer), v);
    return v;
  }

  /** Forget a viewer (its last view is no longer needed). */
  forget(viewer: Viewer): void {
    this.last.delete(viewerKey(viewer));
  }
}
