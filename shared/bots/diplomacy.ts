import type { SeatCommand } from '../commands';
import type { TreatyTerms } from '../treaties/terms';
import { treatyParties } from '../treaties/terms';
import type { BotContext } from './context';
import { declaration } from './declarations';
import type { Treaty } from './treatyFacts';
import { isParty } from '../treaties/queries';
import { termsKey } from '../treaties/sameTerms';
import { partiesOf } from './treatyFacts';

type Vote = BotContext['v']['votes'][string];

const BALLOT_ORDER = { admit: 0, guideline: 1, expel: 2 } as const;

type Votes = BotContext['v']['votes'];

/** The votes of a view, listed once per votes object (views are never changed). Shared: never change it. */
const voteLists = new WeakMap<Votes, { all: Vote[]; ballots: Vote[] | null }>();

function voteList(votes: Votes): { all: Vote[]; ballots: Vote[] | null } {
  let hit = voteLists.get(votes);
  if (!hit) {
    const all: Vote[] = [];
    for (const id in votes) all.push(votes[id]!);
    voteLists.set(votes, (hit = { all, ballots: null }));
  }
  return hit;
}

function votesOf(votes: Votes): readonly Vote[] {
  return voteList(votes).all;
}

/** The votes in the order a seat casts its ballots: admissions, guidelines, then expulsions, each by id. */
function ballotOrder(votes: Votes): readonly Vote[] {
  const list = voteList(votes);
  list.ballots ??= [...list.all].sort((a, z) => BALLOT_ORDER[a.kind] - BALLOT_ORDER[z.kind] || (a.id < z.id ? -1 : 1));
  return list.ballots;
}

/** States next to this one: sharing a border, or a theater where both stand. Shared: never change it. */
function neighbours(ctx: BotContext): string[] {
  const table = ctx.regionTable<string[]>('neighbours');
  let hit = table.get(ctx.me);
  if (!hit) table.set(ctx.me, (hit = readNeighbours(ctx)));
  return hit;
}

function readNeighbours(ctx: BotContext): string[] {
  const near = new Set<string>();
  for (const r of ctx.mine) {
    for (const n of ctx.b.adjacent.get(r) ?? []) {
      const o = ctx.ownerOf(n);
      if (o && o !== ctx.me) near.add(o);
    }
  }
  // Owners are scenario states: listing them in stateIds' order (id order) sorts them.
  return ctx.b.stateIds.filter((s) => near.has(s));
}

/** States sharing a theater with this one's regions. Shared: never change it. */
function theaterMates(ctx: BotContext): string[] {
  const table = ctx.regionTable<string[]>('theaterMates');
  let hit = table.get(ctx.me);
  if (!hit) table.set(ctx.me, (hit = readTheaterMates(ctx)));
  return hit;
}

function readTheaterMates(ctx: BotContext): string[] {
  const h = ctx.holdings;
  const theaters = h.theatersHeldBy(ctx.me);
  const out: string[] = [];
  // Holders are scenario states: visited in stateIds' order (id order), they come out sorted.
  for (const o of ctx.b.stateIds) {
    if (o === ctx.me || h.regionsOf(o).length === 0) continue;
    for (const th of h.theatersHeldBy(o)) {
      if (theaters.has(th)) {
        out.push(o);
        break;
      }
    }
  }
  return out;
}

/** Whether a hostile state could strike one of this state's regions (the same for every seat that reads the same board). */
function threatened(ctx: BotContext, state: string): boolean {
  const m = ctx.sharedTable<boolean>('threatened');
  let hit = m.get(state);
  if (hit === undefined) m.set(state, (hit = ctx.regionsOf(state).some((r) => ctx.threatsTo(r).some((t) => ctx.hostility(t.state) >= 1))));
  return hit;
}

function hostile(ctx: BotContext, state: string): boolean {
  return ctx.hostility(state) >= 1;
}

/** Whether both are party to a treaty of this kind, proposed or in force. */
function sharesTreaty(ctx: BotContext, kind: TreatyTerms['kind'], other: string): boolean {
  return ctx.treaties.sharedWith(ctx.me, kind).has(other);
}

function inForce(ctx: BotContext, kind: TreatyTerms['kind']): Treaty[] {
  return ctx.active.inForce(kind, ctx.me);
}

/** Whether this doctrine signs a treaty with these terms. */
export function accepts(ctx: BotContext, terms: TreatyTerms): boolean {
  const others = treatyParties(terms).filter((p) => p !== ctx.me);
  const anyHostile = others.some((p) => hostile(ctx, p));
  const t = ctx.traits;
  switch (terms.kind) {
    case 'defense-pact':
      return t.joinsPacts && !anyHostile;
    case 'guarantee':
      if (terms.protected === ctx.me) return ctx.doctrine !== 'hedger' && !anyHostile;
      return t.guarantees && !anyHostile && ctx.mine.some((r) => ctx.regionsOf(terms.protected).some((x) => ctx.b.theaterOf.get(x) === ctx.b.theaterOf.get(r)));
    case 'basing':
      return t.joinsPacts && !anyHostile;
    case 'intelligence':
      return (t.joinsPacts || ctx.doctrine === 'hedger') && !anyHostile;
    case 'sanctions':
      return ctx.doctrine === 'guardian' || ctx.doctrine === 'free-rider';
    case 'non-aggression':
      return ctx.doctrine !== 'guardian' || !anyHostile || !threatened(ctx, ctx.me);
    case 'trade':
    case 'technology':
      return ctx.doctrine === 'opportunist' || !anyHostile;
    case 'forum':
      return t.joinsForums;
  }
}

/** Ballot on an open vote. */
function ballot(ctx: BotContext, vote: Vote): boolean {
  const tr = ctx.v.treaties[vote.treatyId];
  if (!tr) return false;
  switch (vote.kind) {
    case 'admit':
      if (vote.subject === ctx.me) return accepts(ctx, tr.terms);
      return !hostile(ctx, vote.subject ?? '');
    case 'guideline': {
      const current = tr.terms.kind === 'defense-pact' ? Math.round(tr.terms.guideline * 100) : 0;
      const next = vote.guideline ?? current;
      return ctx.traits.guideline === 'meet' ? next >= current : next <= current;
    }
    case 'expel': {
      if (ctx.doctrine !== 'guardian' || !vote.subject) return false;
      const d = ctx.v.nations[vote.subject]?.revealedBudget?.defense ?? 100;
      return tr.terms.kind === 'defense-pact' && d < Math.round(tr.terms.guideline * 100) - 5;
    }
  }
}

/** A proposal only for terms nobody has proposed or signed already (the engine refuses a duplicate). */
function novel(ctx: BotContext, c: SeatCommand | null): SeatCommand | null {
  if (c?.type !== 'propose') return c;
  // The proposal's own terms are new: their key is read, not kept.
  const key = termsKey(c.terms);
  return ctx.treaties.all.some((t) => t.status !== 'ended' && termsKey(t.terms) === key) ? null : c;
}

function protectedBy(ctx: BotContext, s: string): boolean {
  return ctx.active.obligationsTo(s).length > 0;
}

/** Whether an admission of this state is open, or was called this round. */
function calling(ctx: BotContext, s: string): boolean {
  return votesOf(ctx.v.votes).some((v) => v.subject === s && v.kind === 'admit' && (v.status === 'open' || v.round === ctx.v.round));
}

/** At most one new initiative a round, by doctrine: the first that applies. */
function initiative(ctx: BotContext): SeatCommand | null {
  const mates = theaterMates(ctx);
  const near = neighbours(ctx);
  const statusQuoMates = mates.filter((s) => ctx.roleOf(s) === 'status-quo' && !hostile(ctx, s));
  const pacts = inForce(ctx, 'defense-pact');
  switch (ctx.doctrine) {
    case 'guardian': {
      // A threatened status-quo neighbour nobody protects: admit it to the pact, or else guarantee it.
      const exposed = statusQuoMates.find((s) => threatened(ctx, s) && !protectedBy(ctx, s) && !sharesTreaty(ctx, 'guarantee', s));
      const pact = pacts[0];
      if (exposed && pact && !calling(ctx, exposed) && !votesOf(ctx.v.votes).some((v) => v.subject === exposed && v.kind === 'admit' && v.status === 'failed')) {
        return { type: 'proposeVote', treaty: pact.id, vote: { kind: 'admit', candidate: exposed } };
      }
      if (exposed) return { type: 'propose', terms: { kind: 'guarantee', guarantor: ctx.me, protected: exposed } };
      // Outside any pact, and threatened: found one with threatened status-quo neighbours.
      if (pacts.length === 0 && threatened(ctx, ctx.me)) {
        const members = statusQuoMates.filter((s) => threatened(ctx, s)).slice(0, 3);
        if (members.length) return { type: 'propose', terms: { kind: 'defense-pact', name: `${nameOf(ctx, ctx.me)} Pact`, members: [ctx.me, ...members], guideline: 0.2 } };
      }
      // Partners in a pact share intelligence.
      if (pact && pact.terms.kind === 'defense-pact' && !inForce(ctx, 'intelligence').length) {
        const members = pact.terms.members.filter((m) => m !== ctx.me).slice(0, 4);
        if (members.length && !sharesTreaty(ctx, 'intelligence', members[0]!)) return { type: 'propose', terms: { kind: 'intelligence', members: [ctx.me, ...members] } };
      }
      return tradeWith(ctx, near);
    }
    case 'free-rider': {
      // A strained pact: renegotiate its guideline down (GAME.md §4 alliance strain).
      const strained = pacts.find((p) => p.strained && p.terms.kind === 'defense-pact' && p.terms.guideline >= 0.1);
      if (strained && strained.terms.kind === 'defense-pact' && !votesOf(ctx.v.votes).some((v) => v.treatyId === strained.id && v.kind === 'guideline' && v.status === 'open')) {
        return { type: 'proposeVote', treaty: strained.id, vote: { kind: 'guideline', guideline: Math.round(strained.terms.guideline * 100) - 5 } };
      }
      // Threatened and unprotected: ask the strongest status-quo state nearby for a guarantee.
      if (threatened(ctx, ctx.me) && !protectedBy(ctx, ctx.me)) {
        const patron = richest(ctx, statusQuoMates.filter((s) => !sharesTreaty(ctx, 'guarantee', s)));
        if (patron) return { type: 'propose', terms: { kind: 'guarantee', guarantor: patron, protected: ctx.me } };
      }
      return tradeWith(ctx, near);
    }
    case 'hedger': {
      // Leave defense pacts with notice; talk to everyone.
      const pact = pacts.find((p) => p.notices[ctx.me] === undefined);
      if (pact) return { type: 'withdraw', treaty: pact.id, mode: 'notice' };
      const partners = near.filter((s) => !sharesTreaty(ctx, 'forum', s)).slice(0, 3);
      if (partners.length) return { type: 'propose', terms: { kind: 'forum', name: `${nameOf(ctx, ctx.me)} Forum`, members: [ctx.me, ...partners] } };
      const rival = near.find((s) => hostile(ctx, s) && !sharesTreaty(ctx, 'non-aggression', s));
      if (rival) return { type: 'propose', terms: { kind: 'non-aggression', members: [ctx.me, rival] } };
      return tradeWith(ctx, near);
    }
    case 'opportunist': {
      // Secure a flank: a non-aggression treaty with the strongest neighbour.
      const strong = richest(ctx, near.filter((s) => !sharesTreaty(ctx, 'non-aggression', s) && !pactWith(ctx, s)));
      if (strong && (ctx.v.nations[strong]?.output ?? 0) > ctx.output) return { type: 'propose', terms: { kind: 'non-aggression', members: [ctx.me, strong] } };
      return tradeWith(ctx, near);
    }
  }
}

/** The first state in the list with the highest output: what a stable sort, highest output first, puts first. */
function richest(ctx: BotContext, states: readonly string[]): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const s of states) {
    const output = ctx.v.nations[s]?.output ?? 0;
    if (best === undefined || output > most) {
      best = s;
      most = output;
    }
  }
  return best;
}

function pactWith(ctx: BotContext, s: string): boolean {
  return ctx.activeList.some((t) => isParty(t, ctx.me) && isParty(t, s));
}

function tradeWith(ctx: BotContext, near: string[]): SeatCommand | null {
  if (inForce(ctx, 'trade').length >= 3) return null;
  const partner = near.find((s) => !hostile(ctx, s) && !sharesTreaty(ctx, 'trade', s));
  return partner ? { type: 'propose', terms: { kind: 'trade', members: [ctx.me, partner] } } : null;
}

function nameOf(ctx: BotContext, s: string): string {
  return ctx.board.name.get(s) ?? s;
}

/** A guardian calls an expulsion vote on a strained pact's worst free rider. */
function expulsion(ctx: BotContext): SeatCommand | null {
  if (ctx.doctrine !== 'guardian') return null;
  for (const p of inForce(ctx, 'defense-pact')) {
    if (!p.strained || p.terms.kind !== 'defense-pact') continue;
    const g = Math.round(p.terms.guideline * 100);
    const worst = p.terms.members
      .filter((m) => m !== ctx.me && (ctx.v.nations[m]?.revealedBudget?.defense ?? 100) < g - 5)
      .sort((a, z) => (ctx.v.nations[a]?.revealedBudget?.defense ?? 0) - (ctx.v.nations[z]?.revealedBudget?.defense ?? 0))[0];
    const open = votesOf(ctx.v.votes).some((v) => v.status === 'open' && v.treatyId === p.id && v.kind === 'expel');
    if (worst && !open) return { type: 'proposeVote', treaty: p.id, vote: { kind: 'expel', member: worst } };
  }
  return null;
}

function isBot(ctx: BotContext, s: string): boolean {
  return ctx.v.seats[s]?.controller === 'bot';
}

/**
 * Diplomacy (GAME.md §3.2, §5): answer every proposal and vote addressed to this seat; once a round, take one
 * initiative and make one public declaration; say ready when nothing it waits for is still open.
 * Safe to call again in the same phase: it never repeats what it already did.
 */
export function decideDiplomacy(ctx: BotContext): SeatCommand[] {
  const out: SeatCommand[] = [];
  const me = ctx.me;
  for (const t of ctx.treaties.proposed) {
    if (!isParty(t, me) || t.accepted.includes(me)) continue;
    out.push({ type: 'respond', treaty: t.id, accept: accepts(ctx, t.terms) });
  }
  // Expulsions last, one per pact per call: a passing expulsion fails the open votes its subject had called (the rest
  // are answered when next asked).
  const expelling = new Set<string>();
  for (const v of ballotOrder(ctx.v.votes)) {
    if (v.status !== 'open' || !v.voters.includes(me) || v.ballots[me] !== undefined) continue;
    if (v.kind === 'expel') {
      if (expelling.has(v.treatyId)) continue;
      expelling.add(v.treatyId);
    }
    out.push({ type: 'castVote', vote: v.id, yes: ballot(ctx, v) });
  }
  // A seat that said ready only answers: it takes no new initiative in this phase.
  const ready = ctx.v.seats[me]?.ready ?? false;
  const actedThisRound = ready || ctx.v.report.some((e) => (e.kind === 'treaty/proposed' && e.proposer === me) || (e.kind === 'treaty/notice' && e.state === me))
    || votesOf(ctx.v.votes).some((v) => v.proposer === me && v.round === ctx.v.round);
  if (!actedThisRound) {
    const move = expulsion(ctx) ?? novel(ctx, initiative(ctx));
    if (move) out.push(move);
  }
  const declared = ready || ctx.v.messages.some((m) => m.from === me && m.kind === 'declaration' && m.round === ctx.v.round);
  const text = declared || !ctx.hasPress() ? null : declaration(ctx);
  if (text) out.push({ type: 'declare', text });
  // Ready unless its own proposal still waits for other bots' answers (the one just sent included): bots answer when next
  // asked. People are never waited for: they answer in their own time and say ready themselves.
  const proposing = out.some((c) => c.type === 'propose' && treatyParties(c.terms).some((p) => p !== me && isBot(ctx, p)));
  const waiting = ctx.treaties.proposed.some((t) => t.proposer === me && partiesOf(t).some((p) => !t.accepted.includes(p) && isBot(ctx, p)));
  if (!proposing && !waiting && !ready) out.push({ type: 'ready', ready: true });
  return out;
}
