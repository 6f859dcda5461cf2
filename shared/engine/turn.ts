import type { BoardIndex } from '../board';
import type { GameEvent, NewEvent } from '../events';
import { Rng } from '../rng';
import type { Coefficients } from '../scenario/coefficients';
import type { GameState } from '../state';

/** Everything a handler or a resolution step works with: the draft it may change, and the static board. */
export class Turn {
  readonly events: GameEvent[] = [];
  readonly rng: Rng;
  constructor(
    readonly s: GameState,
    readonly board: BoardIndex,
    /** Server time of the command being applied (ms). */
    readonly at: number,
  ) {
    this.rng = new Rng(s.rng);
  }

  get c(): Coefficients {
    return this.board.scenario.coefficients;
  }

  emit(e: NewEvent): void {
    const full = { ...e, round: this.s.round } as GameEvent;
    this.events.push(full);
    this.s.report.push(full);
  }

  newId(prefix: string): string {
    const id = `${prefix}${this.s.nextId}`;
    this.s.nextId += 1;
    return id;
  }

  /** Write the PRNG cursor back into the state so the next draw continues the same stream. */
  commitRng(): void {
    this.s.rng = [...this.rng.state] as GameState['rng'];
  }

  /** States in a fixed order, so every loop is deterministic. */
  get stateIds(): string[] {
    return this.board.stateIds;
  }
}
