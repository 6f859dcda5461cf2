import type { z } from 'zod';
import { ClientMessages } from '../../shared/index';
import type { ClientMessageType } from '../../shared/index';
import { isOrderCommand } from '../../shared/debrief/roles';
import type { LiveMatch, SubmitResult } from '../match/LiveMatch';
import type { ClientRole } from './joinRules';

export interface Reply {
  ack(seq: number, logSeq: number): void;
  error(seq: number | null, code: string, message: string): void;
  resync(): void;
}

export interface MessageContext {
  who: ClientRole;
  live: LiveMatch;
  reply: Reply;
}

/** The `seq` a client put in a message, if it is a usable number, so even a refusal can echo it. */
export function seqOf(payload: unknown): number | null {
  if (payload && typeof payload === 'object' && 'seq' in payload) {
    const s = (payload as { seq: unknown }).seq;
    if (typeof s === 'number' && Number.isInteger(s) && s >= 0) return s;
  }
  return null;
}

export function isClientMessageType(type: unknown): type is ClientMessageType {
  return typeof type === 'string' && Object.hasOwn(ClientMessages, type);
}

function zodSummary(e: z.ZodError): string {
  return e.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
}

function answer(ctx: MessageContext, seq: number, r: SubmitResult): void {
  if (r.ok) ctx.reply.ack(seq, r.logSeq);
  else ctx.reply.error(seq, r.code, r.message);
}

/** One handler per client message type (server/PROTOCOL.md "Messages"). Parse, check, submit, answer. */
export const handlers: { [K in ClientMessageType]: (ctx: MessageContext, payload: unknown) => Promise<void> } = {
  async cmd(ctx, payload) {
    const m = ClientMessages.cmd.safeParse(payload);
    if (!m.success) return ctx.reply.error(seqOf(payload), 'message/invalid', zodSummary(m.error));
    if (ctx.who.role !== 'seat' || ctx.who.state === null) return ctx.reply.error(m.data.seq, 'auth/not-seated', 'Only a seat may send commands.');
    if (ctx.who.mayOrder === false && isOrderCommand(m.data.command)) {
      return ctx.reply.error(m.data.seq, 'auth/role', 'In this exercise your role does not give orders: agree with your team and let a teammate whose role does give them.');
    }
    answer(ctx, m.data.seq, await ctx.live.submitSeat(ctx.who.state, m.data.command));
  },

  async control(ctx, payload) {
    const m = ClientMessages.control.safeParse(payload);
    if (!m.success) return ctx.reply.error(seqOf(payload), 'message/invalid', zodSummary(m.error));
    if (!ctx.who.host) return ctx.reply.error(m.data.seq, 'auth/not-host', 'Only the host (facilitator key) may do that.');
    answer(ctx, m.data.seq, await ctx.live.submitControl('facilitator', m.data.command));
  },

  async resync(ctx, payload) {
    const m = ClientMessages.resync.safeParse(payload ?? {});
    if (!m.success) return ctx.reply.error(seqOf(payload), 'message/invalid', zodSummary(m.error));
    ctx.reply.resync();
  },
};
