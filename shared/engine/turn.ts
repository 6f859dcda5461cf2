import type { BoardIndex } from '../board';
import type { GameEvent, NewEvent } from '../events';
import { Rng } from '../rng';
import type { Coefficients } from '../scenario/coefficients';
import type { GameState } from '../state';
import { Draft } from './clone';

/** Everything a handler or a resolution step works with: the draft it may change, and the static board. */
export class Turn {
  readonly events: GameEvent[] = [];
  readonly rng: Rng;
  /** The state being changed. Only what `draft` has claimed may be written (see Draft). */
  readonly s: GameState;
  readonly draft: Draft;
  constructor(
    /** A Draft of the input, or a state the caller already owns outright. */
    s: GameState | Draft,
    readonly board: BoardIndex,
    /** Server time of the command being applied (ms). */
    readonly at: number,
  ) {
    this.draft = s instanceof Draft ? s : new Draft(s, true);
    this.s = this.draft.s;
    this.rng = new Rng(this.s.rng);
  }

  get c(): Coefficients {
    return this.board.scenario.coefficients;
  }

  emit(e: NewEvent): void {
    // A copy: the event given may be one a returned state still holds (a pending event, a card).
    const full = { ...e, round: this.s.round } as GameEvent;
    this.events.push(full);
    this.draft.whole('report');
    this.s.report.push(full);
  }

  newId(prefix: string): string {
    const id = `${prefix}${this.s.nextId}`;
    this.s.nextId += 1;
    return id;
  }

  /** Write the PRNG cursor back into the state so the next draw continues the same stream. */
  commitRng(): void {
    // Most commands draw nothing: the cursor still holds the state's own array, and the state keeps it.
    if (this.rng.state !== this.s.rng) this.s.rng = [...this.rng.state] as GameState['rng'];
  }

  /** States in a fixed order, so every loop is deterministic. */
  get stateIds(): string[] {
    return this.board.stateIds;
  }
}
