import type { BotContext } from './context';

function name(ctx: BotContext, s: string): string {
  return ctx.board.name.get(s) ?? s;
}

/** Who struck whom in the last round's report, as everyone saw it. */
function lastAttack(ctx: BotContext): { attacker: string; victim: string } | null {
  let first: { attacker: string; victim: string } | null = null;
  for (const e of ctx.v.lastReport) {
    if (e.kind !== 'combat' || e.defender === null || !e.attackers.length) continue;
    const hit = { attacker: e.attackers.includes(ctx.me) ? ctx.me : e.attackers[0]!, victim: e.defender };
    if (hit.attacker === ctx.me || hit.victim === ctx.me || ctx.protects.includes(hit.victim)) return hit;
    first ??= hit;
  }
  return first;
}

/** Did last round bring news this state should speak to: a fight it was part of, or one against a state it protects? */
function news(ctx: BotContext, hit: { attacker: string; victim: string } | null): boolean {
  return hit !== null && (hit.attacker === ctx.me || hit.victim === ctx.me || ctx.protects.includes(hit.victim));
}

/**
 * A short public declaration in the doctrine's voice: a statement of policy in the first round, then only when
 * there is news to speak to (null: nothing to say this round).
 */
export function declaration(ctx: BotContext): string | null {
  const me = name(ctx, ctx.me);
  const hit = lastAttack(ctx);
  if (ctx.v.round > 1 && !news(ctx, hit)) return null;
  const pick = (lines: string[]): string => ctx.rng.pick(lines) ?? lines[0]!;
  if (hit && hit.attacker === ctx.me) {
    return pick([`${me} has taken only what history owed it.`, `${me} will not be lectured about borders it never accepted.`]);
  }
  if (hit && (hit.victim === ctx.me || ctx.protects.includes(hit.victim))) {
    const victim = hit.victim === ctx.me ? 'our soil' : name(ctx, hit.victim);
    switch (ctx.doctrine) {
      case 'guardian': return `${me} condemns the attack on ${victim} by ${name(ctx, hit.attacker)}. We keep our word.`;
      case 'free-rider': return `${me} condemns the attack on ${victim} and calls on our allies to act.`;
      case 'hedger': return `${me} urges restraint on all sides after the fighting at ${victim}.`;
      case 'opportunist': return `${me} notes the fighting at ${victim}. The old order is cracking.`;
    }
  }
  switch (ctx.doctrine) {
    case 'guardian':
      return pick([`${me} stands by every commitment it has signed: an attack on one of us is an attack on all.`, `${me} meets its share of the common defense, and expects its partners to do the same.`]);
    case 'free-rider':
      return pick([`${me} trusts its partners and invests in its people.`, `${me} is a loyal ally and a prudent spender.`]);
    case 'opportunist':
      return pick([`${me} seeks only what is rightfully ours.`, `${me} respects strength, and sees weakness where promises are hollow.`]);
    case 'hedger':
      return pick([`${me} talks to everyone and sides with no one.`, `${me} keeps every door open: trade, not blocs.`]);
  }
}
