import type { ControlCommand, SeatCommand } from '../../shared/commands';

/**
 * Commands in flight and their fate. Each command gets the next sequence number; the server
 * answers with an ack (committed to the log) or an error (refused, nothing changed). The page
 * shows "saving…" until the ack, so a player sees that orders are kept.
 */

export type CommandStatus = 'pending' | 'saved' | 'refused';

export interface TrackedCommand {
  seq: number;
  /** 'cmd' for a seat's command, 'control' for a host's or facilitator's. */
  channel: 'cmd' | 'control';
  command: SeatCommand | ControlCommand;
  status: CommandStatus;
  /** The server's sentence when refused. */
  message: string | null;
  code: string | null;
  sentAt: number;
}

/** Commands that may be sent again after a reconnect without changing their meaning. */
const IDEMPOTENT: ReadonlySet<SeatCommand['type']> = new Set(['setBudget', 'order', 'cancelOrder', 'hold', 'aid', 'sanctionsVote', 'ready']);

export function isIdempotent(t: Pick<TrackedCommand, 'channel' | 'command'>): boolean {
  return t.channel === 'cmd' && IDEMPOTENT.has(t.command.type as SeatCommand['type']);
}

export class CommandTracker {
  private next: number;
  private readonly items = new Map<number, TrackedCommand>();
  /** Keep the last few settled commands for the status line; forget older ones. */
  private readonly keep = 50;

  constructor(firstSeq = 1) {
    this.next = Math.max(0, Math.floor(firstSeq));
  }

  get nextSeq(): number {
    return this.next;
  }

  /** Register a command about to be sent; returns its sequence number. */
  track(command: SeatCommand | ControlCommand, now: number, channel: 'cmd' | 'control' = 'cmd'): TrackedCommand {
    const t: TrackedCommand = { seq: this.next++, channel, command, status: 'pending', message: null, code: null, sentAt: now };
    this.items.set(t.seq, t);
    this.trim();
    return t;
  }

  ack(seq: number): TrackedCommand | null {
    const t = this.items.get(seq);
    if (!t) return null;
    t.status = 'saved';
    return t;
  }

  error(seq: number | null, code: string, message: string): TrackedCommand | null {
    const t = seq === null ? undefined : this.items.get(seq);
    if (!t) return null;
    t.status = 'refused';
    t.code = code;
    t.message = message;
    return t;
  }

  get(seq: number): TrackedCommand | undefined {
    return this.items.get(seq);
  }

  pending(): TrackedCommand[] {
    return [...this.items.values()].filter((t) => t.status === 'pending');
  }

  /** Commands still pending when the link dropped that may safely be sent again. */
  resendable(): TrackedCommand[] {
    return this.pending().filter((t) => isIdempotent(t));
  }

  /** Pending commands that cannot be resent: they are reported as not delivered. */
  dropUnsafe(): TrackedCommand[] {
    const lost = this.pending().filter((t) => !isIdempotent(t));
    for (const t of lost) {
      t.status = 'refused';
      t.code = 'net/not-delivered';
      t.message = 'The connection dropped before the server confirmed this. Please send it again.';
    }
    return lost;
  }

  private trim(): void {
    if (this.items.size <= this.keep) return;
    for (const [seq, t] of this.items) {
      if (this.items.size <= this.keep) break;
      if (t.status !== 'pending') this.items.delete(seq);
    }
  }
}
