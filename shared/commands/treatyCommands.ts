import type { SeatCommand } from '../commands';
import { changeCredibility } from '../engine/government';
import type { Turn } from '../engine/turn';
import type { Rejection } from '../rejection';
import { reject } from '../rejection';
import { endTreaty, leaveTreaty } from '../treaties/lifecycle';
import type { TreatyTerms } from '../treaties/terms';
import { treatyParties } from '../treaties/parties';
import { sameTerms } from '../treaties/sameTerms';

type Cmd<T extends SeatCommand['type']> = Extract<SeatCommand, { type: T }>;

function checkTerms(t: Turn, seat: string, terms: TreatyTerms): Rejection | null {
  const parties = treatyParties(terms);
  if (!parties.includes(seat)) return reject('treaty/not-party', 'You can only propose a treaty you are a party to.');
  for (const p of parties) if (!t.s.nations[p]) return reject('treaty/unknown-state', `There is no state "${p}".`);
  if (new Set(parties).size !== parties.length) return reject('treaty/duplicate-party', 'A state is named twice.');
  if (terms.kind === 'sanctions') {
    if (!t.s.nations[terms.target]) return reject('treaty/unknown-state', `There is no state "${terms.target}".`);
    if (parties.includes(terms.target)) return reject('treaty/sanctions-self', 'A coalition cannot sanction one of its own members.');
  }
  for (const id in t.s.treaties) {
    const x = t.s.treaties[id]!;
    if (x.status !== 'ended' && sameTerms(x.terms, terms)) return reject('treaty/exists', 'The same treaty already exists or is already proposed.');
  }
  return null;
}

export function propose(t: Turn, seat: string, c: Cmd<'propose'>): Rejection | null {
  const bad = checkTerms(t, seat, c.terms);
  if (bad) return bad;
  const id = t.newId('treaty-');
  const parties = treatyParties(c.terms);
  const alone = parties.length === 1;
  t.s.treaties[id] = {
    id, terms: c.terms, status: alone ? 'accepted' : 'proposed', proposer: seat, accepted: [seat], proposedRound: t.s.round,
    activeSince: null, cohesion: c.terms.kind === 'defense-pact' ? t.c.cohesionStart : null, strained: false, notices: {},
    enforcing: c.terms.kind === 'sanctions' ? Object.fromEntries(c.terms.members.map((m) => [m, true])) : {},
    endedRound: null, endReason: null,
  };
  t.emit({ kind: 'treaty/proposed', audience: parties, treaty: id, treatyKind: c.terms.kind, proposer: seat, parties });
  return null;
}

export function respond(t: Turn, seat: string, c: Cmd<'respond'>): Rejection | null {
  const tr = t.s.treaties[c.treaty];
  if (!tr || !treatyParties(tr.terms).includes(seat)) return reject('treaty/unknown', 'No such proposal is addressed to you.');
  if (tr.status !== 'proposed') return reject('treaty/not-open', 'This proposal is no longer open for answers.');
  if (tr.accepted.includes(seat)) return reject('treaty/already-accepted', 'You have already accepted this proposal.');
  const parties = treatyParties(tr.terms);
  if (!c.accept) {
    delete t.s.treaties[c.treaty];
    t.emit({ kind: 'treaty/rejected', audience: parties, treaty: c.treaty, state: seat });
    return null;
  }
  tr.accepted.push(seat);
  t.emit({ kind: 'treaty/accepted', audience: parties, treaty: c.treaty, state: seat });
  if (parties.every((p) => tr.accepted.includes(p))) tr.status = 'accepted';
  return null;
}

export function withdraw(t: Turn, seat: string, c: Cmd<'withdraw'>): Rejection | null {
  const tr = t.s.treaties[c.treaty];
  if (!tr || tr.status !== 'active' || !treatyParties(tr.terms).includes(seat)) {
    return reject('treaty/not-member', 'You are not a member of an active treaty with that id.');
  }
  if (c.mode === 'notice') {
    if (tr.notices[seat] !== undefined) return reject('treaty/notice-given', 'You have already given notice.');
    tr.notices[seat] = t.s.round + 1;
    t.emit({ kind: 'treaty/notice', audience: 'all', treaty: c.treaty, state: seat, effectiveRound: t.s.round + 1 });
    changeCredibility(t, seat, -t.c.credWithdrawNotice, 'withdrawal with notice');
    return null;
  }
  changeCredibility(t, seat, -t.c.credWithdrawImmediate, 'withdrawal without notice');
  // Leave first: the breach then costs the remaining members' pact cohesion (and may dissolve it).
  leaveTreaty(t, c.treaty, seat, true);
  if (tr.terms.kind === 'defense-pact') adjustCohesion(t, c.treaty, -t.c.cohesionBreach, 0);
  return null;
}

/** Change an active pact's cohesion and say so. Zero dissolves the pact, whenever it gets there (GAME.md §4). */
export function adjustCohesion(t: Turn, treaty: string, delta: number, unfairness: number): void {
  const tr = t.s.treaties[treaty];
  if (!tr || tr.status !== 'active' || tr.cohesion === null) return;
  const value = Math.round(Math.min(100, Math.max(0, tr.cohesion + delta)) * 100) / 100;
  const applied = value - tr.cohesion;
  tr.cohesion = value;
  t.emit({ kind: 'cohesion', audience: 'all', treaty, value, delta: Math.round(applied * 100) / 100, unfairness });
  if (value <= 0) endTreaty(t, treaty, 'cohesion collapsed');
}
