import type { SeatCommand } from '../commands';
import type { Turn } from '../engine/turn';
import type { Rejection } from '../rejection';
import { reject } from '../rejection';
import type { Vote } from '../state';
import { leaveTreaty } from '../treaties/lifecycle';
import { MULTILATERAL_KINDS, treatyParties, withMembers } from '../treaties/parties';

type Cmd<T extends SeatCommand['type']> = Extract<SeatCommand, { type: T }>;

export function proposeVote(t: Turn, seat: string, c: Cmd<'proposeVote'>): Rejection | null {
  const tr = t.s.treaties[c.treaty];
  if (!tr || tr.status !== 'active') return reject('vote/unknown-treaty', 'There is no active treaty with that id.');
  if (!MULTILATERAL_KINDS.includes(tr.terms.kind)) return reject('vote/not-multilateral', 'Only multilateral treaties hold votes.');
  const members = treatyParties(tr.terms);
  const v = c.vote;
  let subject: string | null = null;
  let voters: string[];
  let guideline: number | null = null;
  if (v.kind === 'admit') {
    if (!t.s.nations[v.candidate]) return reject('vote/unknown-state', `There is no state "${v.candidate}".`);
    if (members.includes(v.candidate)) return reject('vote/already-member', 'That state is already a member.');
    if (tr.terms.kind === 'sanctions' && tr.terms.target === v.candidate) return reject('vote/target', 'The target cannot join its own sanctions.');
    if (!members.includes(seat) && seat !== v.candidate) return reject('vote/not-member', 'Only members, or the candidate itself, may call an admission vote.');
    subject = v.candidate;
    voters = [...members, v.candidate];
  } else if (v.kind === 'guideline') {
    if (tr.terms.kind !== 'defense-pact') return reject('vote/no-guideline', 'Only defense pacts have a spending guideline.');
    if (!members.includes(seat)) return reject('vote/not-member', 'Only members may call a vote.');
    guideline = v.guideline;
    voters = [...members];
  } else {
    if (tr.terms.kind !== 'defense-pact') return reject('vote/no-expulsion', 'Only defense pacts expel members.');
    if (!members.includes(seat)) return reject('vote/not-member', 'Only members may call a vote.');
    if (!tr.strained) return reject('vote/not-strained', 'An expulsion vote needs an alliance strain (cohesion below the threshold).');
    if (!members.includes(v.member) || v.member === seat) return reject('vote/bad-subject', 'Name another member to expel.');
    subject = v.member;
    voters = members.filter((m) => m !== v.member);
  }
  const dup = Object.values(t.s.votes).some((x) => x.status === 'open' && x.treatyId === c.treaty && x.kind === v.kind && x.subject === subject);
  if (dup) return reject('vote/duplicate', 'The same vote is already open.');
  const id = t.newId('vote-');
  const vote: Vote = { id, treatyId: c.treaty, kind: v.kind, subject, guideline, proposer: seat, voters, ballots: {}, round: t.s.round, status: 'open' };
  t.s.votes[id] = vote;
  t.emit({ kind: 'vote/opened', audience: 'all', vote: id, treaty: c.treaty, voteKind: v.kind, subject, guideline });
  if (voters.includes(seat)) castBallot(t, vote, seat, true);
  return null;
}

export function castVote(t: Turn, seat: string, c: Cmd<'castVote'>): Rejection | null {
  const vote = t.s.votes[c.vote];
  if (!vote || vote.status !== 'open') return reject('vote/not-open', 'There is no open vote with that id.');
  if (!vote.voters.includes(seat)) return reject('vote/not-voter', 'You do not vote on this.');
  if (vote.ballots[seat] !== undefined) return reject('vote/already-voted', 'You have already voted.');
  castBallot(t, vote, seat, c.yes);
  return null;
}

/** Votes needed to pass: unanimity to admit, a majority for the guideline, two thirds to expel. */
function needed(vote: Vote): number {
  const n = vote.voters.length;
  if (vote.kind === 'admit') return n;
  if (vote.kind === 'guideline') return Math.floor(n / 2) + 1;
  return Math.ceil((2 * n) / 3);
}

/** Ballots of the current voters only: a state that left the treaty no longer counts. */
function tally(vote: Vote): { yes: number; no: number } {
  let yes = 0;
  let no = 0;
  for (const v of vote.voters) {
    if (vote.ballots[v] === true) yes++;
    else if (vote.ballots[v] === false) no++;
  }
  return { yes, no };
}

function castBallot(t: Turn, vote: Vote, seat: string, yes: boolean): void {
  vote.ballots[seat] = yes;
  recount(t, vote);
}

/** Close an open vote as soon as its outcome is certain (after a ballot, or when the electorate shrank). */
export function recount(t: Turn, vote: Vote): void {
  if (vote.status !== 'open') return;
  const { yes, no } = tally(vote);
  if (yes >= needed(vote)) closeVote(t, vote, true);
  else if (vote.voters.length - no < needed(vote)) closeVote(t, vote, false);
}

export function closeVote(t: Turn, vote: Vote, passed: boolean): void {
  vote.status = passed ? 'passed' : 'failed';
  const { yes, no } = tally(vote);
  t.emit({ kind: 'vote/closed', audience: 'all', vote: vote.id, treaty: vote.treatyId, passed, yes, no });
  if (!passed) return;
  const tr = t.s.treaties[vote.treatyId];
  if (!tr || tr.status !== 'active') return;
  if (vote.kind === 'admit' && vote.subject) {
    tr.terms = withMembers(tr.terms, [...treatyParties(tr.terms), vote.subject]);
    if (tr.terms.kind === 'sanctions') tr.enforcing[vote.subject] = true;
    t.emit({ kind: 'treaty/activated', audience: 'all', treaty: tr.id, treatyKind: tr.terms.kind, parties: treatyParties(tr.terms) });
  } else if (vote.kind === 'guideline' && vote.guideline !== null && tr.terms.kind === 'defense-pact') {
    tr.terms = { ...tr.terms, guideline: vote.guideline / 100 };
  } else if (vote.kind === 'expel' && vote.subject) {
    leaveTreaty(t, tr.id, vote.subject, false);
  }
}
