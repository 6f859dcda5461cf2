import { describe, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import { ADVANCE, budget, NEXT, ORDERS, pact, runRefusal, runRow, say, treaty, withdraw, withTreaties } from '../helpers/ruleTable';
import type { SeatCommand } from '../../../shared';

/**
 * GAME.md §5: multilateral treaties admit members by unanimous vote (members and candidate), pacts change
 * their guideline by vote (simple majority) and, under alliance strain, may expel a member (two thirds of
 * the others). The caller's own yes is counted at once. Votes are public and close in the diplomacy phase
 * they were called in. The first vote of a row is vote-1.
 */
const trio = withTreaties(pact('nato', ['alba', 'boros', 'corvin']));
const quartet = withTreaties(pact('nato', ['alba', 'boros', 'corvin', 'dacia']));
const strained = (s: Parameters<NonNullable<Row['prep']>>[0]) => { s.treaties.nato!.strained = true; s.treaties.nato!.cohesion = 25; };
const vote = (state: string, v: Extract<SeatCommand, { type: 'proposeVote' }>['vote'], treatyId = 'nato') =>
  say(state, { type: 'proposeVote', treaty: treatyId, vote: v });
const ballot = (state: string, yes: boolean, id = 'vote-1') => say(state, { type: 'castVote', vote: id, yes });
const admitDacia = vote('alba', { kind: 'admit', candidate: 'dacia' });

const rows: Row[] = [
  {
    name: 'admission vote: passes when every member and the candidate say yes, and the candidate joins at once',
    board: trio,
    steps: [admitDacia, ballot('boros', true), ballot('corvin', true), ballot('dacia', true)],
    expect: { 'votes.vote-1.status': 'passed', 'treaties.nato.terms.members': ['alba', 'boros', 'corvin', 'dacia'] },
    events: [{ kind: 'vote/closed', vote: 'vote-1', passed: true, yes: 4, no: 0, audience: 'all' }, { kind: 'treaty/activated', treaty: 'nato', parties: ['alba', 'boros', 'corvin', 'dacia'] }],
  },
  {
    name: 'admission vote: one member\'s no fails it at once (unanimity)',
    board: trio,
    steps: [admitDacia, ballot('boros', true), ballot('corvin', false)],
    expect: { 'votes.vote-1.status': 'failed', 'treaties.nato.terms.members': ['alba', 'boros', 'corvin'] },
    events: [{ kind: 'vote/closed', vote: 'vote-1', passed: false, yes: 2, no: 1 }],
  },
  {
    name: 'admission vote: the candidate itself may ask to join (its own yes counted)',
    board: trio,
    steps: [vote('dacia', { kind: 'admit', candidate: 'dacia' }), ballot('alba', true), ballot('boros', true), ballot('corvin', true)],
    expect: { 'votes.vote-1.voters': ['alba', 'boros', 'corvin', 'dacia'], 'votes.vote-1.status': 'passed', 'treaties.nato.terms.members': ['alba', 'boros', 'corvin', 'dacia'] },
  },
  {
    name: 'admission vote: a new sanctions member enforces at once (boros loses 0.15·160/300 = 0.08: E\' 96)',
    board: withTreaties(treaty('s', { kind: 'sanctions', members: ['alba'], target: 'boros' })),
    steps: [vote('alba', { kind: 'admit', candidate: 'corvin' }, 's'), ballot('corvin', true), NEXT],
    expect: { 'treaties.s.terms.members': ['alba', 'corvin'], 'treaties.s.enforcing.corvin': true, 'nations.boros.output': 96 },
  },
  {
    name: 'guideline vote: passes by simple majority (2 of 3) and sets the new guideline',
    board: trio,
    steps: [vote('alba', { kind: 'guideline', guideline: 30 }), ballot('boros', true)],
    expect: { 'votes.vote-1.status': 'passed', 'treaties.nato.terms.guideline': 0.3 },
  },
  {
    name: 'guideline vote: fails when a majority says no',
    board: trio,
    steps: [vote('alba', { kind: 'guideline', guideline: 30 }), ballot('boros', false), ballot('corvin', false)],
    expect: { 'votes.vote-1.status': 'failed', 'treaties.nato.terms.guideline': 0.2 },
  },
  {
    name: 'guideline vote: the new guideline is the credibility test at the next resolution (20% under 30%: −2)',
    board: trio,
    steps: [vote('alba', { kind: 'guideline', guideline: 30 }), ballot('boros', true), ORDERS, budget('boros', 30, 40, 30), NEXT],
    expect: { 'nations.alba.credibility': 58, 'nations.boros.credibility': 61 },
  },
  {
    name: 'expulsion vote: under strain, two thirds of the other members expel (2 of 2 in a pact of 3)',
    board: trio,
    prep: strained,
    steps: [vote('alba', { kind: 'expel', member: 'corvin' }), ballot('boros', true)],
    expect: { 'votes.vote-1.voters': ['alba', 'boros'], 'votes.vote-1.status': 'passed', 'treaties.nato.terms.members': ['alba', 'boros'] },
    events: [{ kind: 'treaty/left', treaty: 'nato', state: 'corvin', breach: false }],
  },
  {
    name: 'expulsion vote: in a pact of four, 2 of the 3 others suffice',
    board: quartet,
    prep: strained,
    steps: [vote('alba', { kind: 'expel', member: 'dacia' }), ballot('boros', true)],
    expect: { 'votes.vote-1.status': 'passed', 'treaties.nato.terms.members': ['alba', 'boros', 'corvin'] },
  },
  {
    name: 'expulsion vote: 1 of 3 is not enough; 2 no votes fail it',
    board: quartet,
    prep: strained,
    steps: [vote('alba', { kind: 'expel', member: 'dacia' }), ballot('boros', false), ballot('corvin', false)],
    expect: { 'votes.vote-1.status': 'failed', 'treaties.nato.terms.members': ['alba', 'boros', 'corvin', 'dacia'] },
  },
  {
    name: 'expulsion: the expelled member is not in breach and loses no credibility',
    board: trio,
    prep: strained,
    steps: [vote('alba', { kind: 'expel', member: 'corvin' }), ballot('boros', true)],
    expect: { 'nations.corvin.credibility': 60 },
  },
  {
    name: 'votes: a vote still open at the end of diplomacy fails',
    board: trio,
    steps: [admitDacia, ballot('boros', true), ADVANCE],
    expect: { 'votes.vote-1.status': 'failed', 'treaties.nato.terms.members': ['alba', 'boros', 'corvin'] },
    events: [{ kind: 'vote/closed', vote: 'vote-1', passed: false, yes: 2, no: 0 }],
  },
  {
    name: 'votes: open votes on an active treaty are public',
    board: trio,
    steps: [vote('alba', { kind: 'guideline', guideline: 25 })],
    events: [{ kind: 'vote/opened', vote: 'vote-1', treaty: 'nato', voteKind: 'guideline', guideline: 25, audience: 'all' }],
    view: { as: { role: 'seat', state: 'dacia' }, expect: { 'votes.vote-1.status': 'open', 'votes.vote-1.ballots': { alba: true } } },
  },
  {
    name: 'votes: a member that leaves drops out of the electorate of the open votes',
    board: quartet,
    steps: [vote('alba', { kind: 'guideline', guideline: 25 }), withdraw('dacia', 'nato', 'immediate')],
    expect: { 'votes.vote-1.voters': ['alba', 'boros', 'corvin'] },
  },
  {
    name: 'votes (bug fixed): when the only missing member leaves, the others\' unanimous yes admits the candidate',
    board: trio,
    steps: [admitDacia, ballot('boros', true), ballot('dacia', true), withdraw('corvin', 'nato', 'immediate'), ADVANCE],
    expect: { 'votes.vote-1.status': 'passed', 'treaties.nato.terms.members': ['alba', 'boros', 'dacia'] },
  },
  {
    name: 'votes (bug fixed): a leaver\'s ballot no longer counts (its yes cannot carry the guideline)',
    board: quartet,
    steps: [vote('alba', { kind: 'guideline', guideline: 40 }), ballot('dacia', true), withdraw('dacia', 'nato', 'immediate'), ADVANCE],
    // 4 voters need 3; dacia's yes was 2 of 3; with dacia gone, 3 voters need 2 and only alba's yes remains.
    expect: { 'votes.vote-1.status': 'failed', 'treaties.nato.terms.guideline': 0.2 },
  },
];

const refusals: RefusalRow[] = [
  { name: 'vote/unknown-treaty: no active treaty with that id', board: trio, by: 'alba', command: { type: 'proposeVote', treaty: 'nope', vote: { kind: 'guideline', guideline: 30 } }, code: 'vote/unknown-treaty' },
  {
    name: 'vote/not-multilateral: bilateral treaties hold no votes',
    board: withTreaties(treaty('t', { kind: 'trade', members: ['alba', 'boros'] })),
    by: 'alba', command: { type: 'proposeVote', treaty: 't', vote: { kind: 'admit', candidate: 'corvin' } }, code: 'vote/not-multilateral',
  },
  { name: 'vote/unknown-state: the candidate must exist', board: trio, by: 'alba', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'admit', candidate: 'zenda' } }, code: 'vote/unknown-state' },
  { name: 'vote/already-member: a member cannot be admitted', board: trio, by: 'alba', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'admit', candidate: 'boros' } }, code: 'vote/already-member' },
  {
    name: 'vote/target: a sanctions target cannot join its own sanctions',
    board: withTreaties(treaty('s', { kind: 'sanctions', members: ['alba', 'corvin'], target: 'boros' })),
    by: 'boros', command: { type: 'proposeVote', treaty: 's', vote: { kind: 'admit', candidate: 'boros' } }, code: 'vote/target',
  },
  {
    name: 'vote/not-member: an outsider may not call an admission vote for another',
    board: withTreaties(pact('nato', ['alba', 'boros'])),
    by: 'dacia', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'admit', candidate: 'corvin' } }, code: 'vote/not-member',
  },
  { name: 'vote/not-member: an outsider may not call a guideline vote', board: trio, by: 'dacia', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'guideline', guideline: 30 } }, code: 'vote/not-member' },
  { name: 'vote/not-member: an outsider may not call an expulsion vote', board: trio, prep: strained, by: 'dacia', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'expel', member: 'boros' } }, code: 'vote/not-member' },
  {
    name: 'vote/no-guideline: only defense pacts have a spending guideline',
    board: withTreaties(treaty('f', { kind: 'forum', name: 'F', members: ['alba', 'boros', 'corvin'] })),
    by: 'alba', command: { type: 'proposeVote', treaty: 'f', vote: { kind: 'guideline', guideline: 30 } }, code: 'vote/no-guideline',
  },
  {
    name: 'vote/no-expulsion: only defense pacts expel members',
    board: withTreaties(treaty('f', { kind: 'forum', name: 'F', members: ['alba', 'boros', 'corvin'] })),
    by: 'alba', command: { type: 'proposeVote', treaty: 'f', vote: { kind: 'expel', member: 'boros' } }, code: 'vote/no-expulsion',
  },
  { name: 'vote/not-strained: expulsion needs an alliance strain', board: trio, by: 'alba', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'expel', member: 'boros' } }, code: 'vote/not-strained' },
  { name: 'vote/bad-subject: a member cannot move to expel itself', board: trio, prep: strained, by: 'alba', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'expel', member: 'alba' } }, code: 'vote/bad-subject' },
  { name: 'vote/bad-subject: only members can be expelled', board: trio, prep: strained, by: 'alba', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'expel', member: 'dacia' } }, code: 'vote/bad-subject' },
  { name: 'vote/duplicate: the same vote is already open', board: trio, steps: [admitDacia], by: 'boros', command: { type: 'proposeVote', treaty: 'nato', vote: { kind: 'admit', candidate: 'dacia' } }, code: 'vote/duplicate' },
  { name: 'vote/not-open: no such vote', board: trio, by: 'alba', command: { type: 'castVote', vote: 'vote-9', yes: true }, code: 'vote/not-open' },
  { name: 'vote/not-open: a closed vote takes no more ballots', board: trio, steps: [admitDacia, ballot('boros', false)], by: 'corvin', command: { type: 'castVote', vote: 'vote-1', yes: true }, code: 'vote/not-open' },
  { name: 'vote/not-voter: an outsider does not vote on the guideline', board: trio, steps: [vote('alba', { kind: 'guideline', guideline: 30 })], by: 'dacia', command: { type: 'castVote', vote: 'vote-1', yes: true }, code: 'vote/not-voter' },
  { name: 'vote/not-voter: the member to be expelled does not vote', board: quartet, prep: strained, steps: [vote('alba', { kind: 'expel', member: 'dacia' })], by: 'dacia', command: { type: 'castVote', vote: 'vote-1', yes: false }, code: 'vote/not-voter' },
  { name: 'vote/already-voted: one ballot each (the caller\'s yes is already in)', board: trio, steps: [admitDacia], by: 'alba', command: { type: 'castVote', vote: 'vote-1', yes: false }, code: 'vote/already-voted' },
];

describe('votes (GAME.md §5 admission, guideline, expulsion)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
