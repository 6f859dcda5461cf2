import { isDeepStrictEqual } from 'node:util';
import type { CommandEnvelope, ControlCommand, SeatCommand } from '../../shared/index';
import type { CommandRecord } from '../../server/store/MatchStore';

/**
 * What clients sent and what they were told, to hold against the durable log after crashes:
 * an `ack` promises the command is in the log at `logSeq`; an `error` promises nothing changed;
 * no answer (the server died first) allows either, but never a part of the command.
 */
export type Outcome =
  | { status: 'pending' }
  | { status: 'acked'; logSeq: number }
  | { status: 'refused'; code: string }
  /** The server died before answering: the command may or may not be in the log. */
  | { status: 'unknown' };

export interface Sent {
  /** The seat that sent it (the host sends control commands from its seat's connection). */
  seat: string;
  kind: 'cmd' | 'control';
  command: SeatCommand | ControlCommand;
  /** Which server process (0, 1, …) it was sent to. */
  life: number;
  outcome: Outcome;
}

/** The same JSON, whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

export class Ledger {
  readonly sent: Sent[] = [];

  add(seat: string, kind: 'cmd' | 'control', command: SeatCommand | ControlCommand, life: number): Sent {
    const s: Sent = { seat, kind, command, life, outcome: { status: 'pending' } };
    this.sent.push(s);
    return s;
  }

  /** Highest log sequence number any client was acknowledged (0: none). */
  maxAcked(): number {
    let m = 0;
    for (const s of this.sent) if (s.outcome.status === 'acked') m = Math.max(m, s.outcome.logSeq);
    return m;
  }

  /** The server is gone: whatever is still unanswered may or may not have been committed. */
  markUnknown(): number {
    let n = 0;
    for (const s of this.sent) {
      if (s.outcome.status === 'pending') {
        s.outcome = { status: 'unknown' };
        n++;
      }
    }
    return n;
  }

  count(status: Outcome['status']): number {
    return this.sent.filter((s) => s.outcome.status === status).length;
  }

  /**
   * Check the log against what clients were told. Returns a list of faults (empty: consistent) and
   * how the log's entries break down.
   *  - every acked command is in the log at its logSeq, from its sender, with the same content;
   *  - every log entry from a client is an acked command, or one the server died before answering
   *    (each used once, in the order that client sent them); a refused command is never in the log;
   *  - other entries are the system's (phase advances, seat changes) or the bot seats' commands.
   */
  reconcile(log: readonly CommandRecord[], clientSeats: readonly string[]): { faults: string[]; breakdown: Record<string, number> } {
    const faults: string[] = [];
    const breakdown: Record<string, number> = { acked: 0, unknownCommitted: 0, system: 0, bot: 0 };
    const bySeq = new Map(log.map((c) => [c.seq, c]));
    for (const [i, c] of log.entries()) if (c.seq !== i + 1) faults.push(`log gap: entry ${i} has seq ${c.seq}`);

    const ackedAt = new Map<number, Sent>();
    for (const s of this.sent) {
      if (s.outcome.status !== 'acked') continue;
      const at = s.outcome.logSeq;
      const entry = bySeq.get(at);
      if (!entry) {
        faults.push(`acked ${s.seat} ${s.command.type} at logSeq ${at} is missing from the log`);
        continue;
      }
      if (ackedAt.has(at)) faults.push(`two commands were acked at logSeq ${at}`);
      ackedAt.set(at, s);
      if (!sameSender(entry.envelope, s) || !sameJson(entry.envelope.command, s.command)) {
        faults.push(`logSeq ${at} holds ${JSON.stringify(entry.envelope)}, but ${s.seat} was acked for ${JSON.stringify(s.command)}`);
      }
    }

    // Per sender, its acked and unanswered commands in sending order. One connection's commands are
    // applied in the order sent, so an unanswered command found in the log lies after the sender's
    // previous acked one and before its next.
    const bySender = new Map<string, Sent[]>();
    for (const s of this.sent) {
      if (s.outcome.status !== 'unknown' && s.outcome.status !== 'acked') continue;
      bySender.set(senderKey(s), [...(bySender.get(senderKey(s)) ?? []), s]);
    }
    const cursor = new Map<string, number>();
    for (const c of log) {
      const env = c.envelope;
      if (env.actor.role === 'system') {
        breakdown.system!++;
        continue;
      }
      if (env.actor.role === 'seat' && !clientSeats.includes(env.actor.state)) {
        breakdown.bot!++;
        continue;
      }
      const key = env.actor.role === 'seat' ? `${env.actor.state}/cmd` : 'control';
      const list = bySender.get(key) ?? [];
      const from = cursor.get(key) ?? 0;
      const acked = ackedAt.get(c.seq);
      if (acked) {
        breakdown.acked!++;
        const idx = list.indexOf(acked);
        if (idx < from) faults.push(`logSeq ${c.seq}: ${key} commands are in the log out of their sending order`);
        cursor.set(key, idx + 1);
        continue;
      }
      let idx = -1;
      for (let j = from; j < list.length && list[j]!.outcome.status !== 'acked'; j++) {
        if (sameJson(list[j]!.command, env.command)) {
          idx = j;
          break;
        }
      }
      if (idx >= 0) {
        breakdown.unknownCommitted!++;
        cursor.set(key, idx + 1);
      } else {
        faults.push(`logSeq ${c.seq} (${JSON.stringify(env)}) matches no acknowledged or unanswered command of its sender`);
      }
    }
    return { faults, breakdown };
  }
}

function senderKey(s: Sent): string {
  return s.kind === 'control' ? 'control' : `${s.seat}/cmd`;
}

function sameSender(env: CommandEnvelope, s: Sent): boolean {
  if (s.kind === 'control') return env.actor.role === 'facilitator';
  return env.actor.role === 'seat' && env.actor.state === s.seat;
}
