import type { Logger } from '../log';
import type { LiveMatch } from './LiveMatch';

/** setTimeout's ceiling (~24.8 days); longer waits are re-armed. */
const MAX_DELAY = 2 ** 31 - 1;
/** After a refused or failed advance (e.g. storage error), try again this much later. */
const RETRY_MS = 1000;

/**
 * Runs a match's phases on the server clock. Deadlines are absolute (state.deadline), so after a
 * restart the timer simply re-arms from the restored state, and a deadline already past fires at once.
 * A phase advance is a logged system command like any other.
 */
export class PhaseTimer {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly live: LiveMatch, private readonly log: Logger, private readonly now: () => number = Date.now) {}

  /** The deadline of the running phase, or null (setup, ended, paused, no timer). */
  deadline(): number | null {
    const s = this.live.head;
    if (s.phase === 'setup' || s.phase === 'ended' || s.paused) return null;
    return s.deadline;
  }

  /** (Re)arm from the newest state; call after every commit. */
  arm(): void {
    this.clear();
    if (this.stopped) return;
    const deadline = this.deadline();
    if (deadline === null) return;
    const s = this.live.head;
    const key = `${s.round}/${s.phase}/${deadline}`;
    const delay = Math.min(MAX_DELAY, Math.max(0, deadline - this.now()));
    this.timer = setTimeout(() => this.fire(key), delay);
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(key: string): void {
    this.timer = null;
    const s = this.live.head;
    const deadline = this.deadline();
    // The phase may have ended early (everyone ready) or been paused or extended since we armed.
    if (deadline === null || `${s.round}/${s.phase}/${deadline}` !== key || deadline > this.now()) {
      this.arm();
      return;
    }
    this.live.submitControl('system', { type: 'advancePhase' }).then((r) => {
      if (r.ok) return; // the commit listener re-arms for the next phase
      this.log.warn({ matchId: this.live.id, code: r.code, message: r.message }, 'phase advance refused; retrying');
      setTimeout(() => this.arm(), RETRY_MS).unref();
    }, (e: unknown) => this.log.error({ err: e, matchId: this.live.id }, 'phase advance failed'));
  }
}
