import { describe, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import {
  accept, ADVANCE, attack, boards, coefficients, decline, move, nation, NEXT, ORDERS, pact, propose, runRefusal, runRow, say, treaty,
  withdraw, withTreaties,
} from '../helpers/ruleTable';
import type { TreatyTerms } from '../../../shared';

/**
 * GAME.md §5 lifecycle: proposed in diplomacy → every named party accepts → active at the end of the phase.
 * Withdrawal: with notice (effective after the next round, small cost) or immediate (a breach).
 * All of it is public except proposals, which only the parties see until they are accepted.
 * Proposals made in a row are numbered treaty-1, treaty-2, … (the match's id counter).
 */
const tradeAB: TreatyTerms = { kind: 'trade', members: ['alba', 'boros'] };
const pactABC: TreatyTerms = { kind: 'defense-pact', name: 'Triple', members: ['alba', 'boros', 'corvin'], guideline: 0.2 };
const seat = (state: string) => ({ role: 'seat' as const, state });
const trade = withTreaties(treaty('t', tradeAB));

const rows: Row[] = [
  {
    name: 'lifecycle (proposal visibility): a proposal is seen only by its parties',
    steps: [propose('alba', tradeAB)],
    expect: { 'treaties.treaty-1.status': 'proposed', 'treaties.treaty-1.accepted': ['alba'] },
    events: [{ kind: 'treaty/proposed', treaty: 'treaty-1', treatyKind: 'trade', proposer: 'alba', parties: ['alba', 'boros'], audience: ['alba', 'boros'] }],
    view: { as: seat('corvin'), expect: { 'treaties.treaty-1': undefined } },
  },
  {
    name: 'lifecycle: the other party sees the proposal addressed to it',
    steps: [propose('alba', tradeAB)],
    view: { as: seat('boros'), expect: { 'treaties.treaty-1.status': 'proposed' } },
  },
  {
    name: 'lifecycle (acceptance): when every named party has accepted, the treaty is accepted but not yet active',
    steps: [propose('alba', tradeAB), accept('boros', 'treaty-1')],
    expect: { 'treaties.treaty-1.status': 'accepted', 'treaties.treaty-1.accepted': ['alba', 'boros'], 'treaties.treaty-1.activeSince': null },
    events: [{ kind: 'treaty/accepted', treaty: 'treaty-1', state: 'boros' }],
  },
  {
    name: 'lifecycle (activation): an accepted treaty becomes active at the end of the diplomacy phase',
    steps: [propose('alba', tradeAB), accept('boros', 'treaty-1'), ADVANCE],
    expect: { phase: 'orders', 'treaties.treaty-1.status': 'active', 'treaties.treaty-1.activeSince': 1 },
    events: [{ kind: 'treaty/activated', treaty: 'treaty-1', treatyKind: 'trade', parties: ['alba', 'boros'], audience: 'all' }],
  },
  {
    name: 'lifecycle (bug fixed): once accepted by every party the treaty is public, before it activates',
    steps: [propose('alba', tradeAB), accept('boros', 'treaty-1')],
    view: { as: seat('corvin'), expect: { 'treaties.treaty-1.status': 'accepted' } },
  },
  {
    name: 'lifecycle: a multilateral treaty needs every named party (two of three acceptances are not enough)',
    steps: [propose('alba', pactABC), accept('boros', 'treaty-1')],
    expect: { 'treaties.treaty-1.status': 'proposed' },
  },
  {
    name: 'lifecycle: the third acceptance makes the three-member pact, with cohesion 70',
    steps: [propose('alba', pactABC), accept('boros', 'treaty-1'), accept('corvin', 'treaty-1'), ADVANCE],
    expect: { 'treaties.treaty-1.status': 'active', 'treaties.treaty-1.cohesion': 70 },
  },
  {
    name: 'lifecycle (expiry): a proposal not accepted by all lapses at the end of diplomacy',
    steps: [propose('alba', tradeAB), ADVANCE],
    expect: { 'treaties.treaty-1': undefined },
    events: [{ kind: 'treaty/expired', treaty: 'treaty-1', audience: ['alba', 'boros'] }],
  },
  {
    name: 'lifecycle: one party\'s refusal ends the proposal at once',
    steps: [propose('alba', pactABC), decline('corvin', 'treaty-1')],
    expect: { 'treaties.treaty-1': undefined },
    events: [{ kind: 'treaty/rejected', treaty: 'treaty-1', state: 'corvin', audience: ['alba', 'boros', 'corvin'] }],
  },
  {
    name: 'lifecycle: a coalition of one (sanctions) is accepted when proposed and active at the end of the phase',
    steps: [propose('alba', { kind: 'sanctions', members: ['alba'], target: 'boros' }), ADVANCE],
    expect: { 'treaties.treaty-1.status': 'active', 'treaties.treaty-1.enforcing': { alba: true } },
  },
  {
    name: 'withdrawal with notice: the treaty still binds through the next round',
    board: trade,
    steps: [withdraw('alba', 't', 'notice'), NEXT],
    expect: { round: 2, 'treaties.t.status': 'active', 'nations.alba.output': 105 },
  },
  {
    name: 'withdrawal with notice: effective after the next round\'s resolution (not a breach)',
    board: trade,
    steps: [withdraw('alba', 't', 'notice'), NEXT, NEXT],
    expect: { round: 3, 'treaties.t.status': 'ended', 'treaties.t.endedRound': 2, 'treaties.t.endReason': 'alba left' },
    events: [{ kind: 'treaty/left', treaty: 't', state: 'alba', breach: false, round: 2 }],
  },
  {
    name: 'withdrawal with notice: a member under notice is still called in a crisis during its notice',
    board: boards(coefficients({ unitCost: 1000 }), nation('dacia', { units: { d1: 8 } }), withTreaties(pact('pact', ['boros', 'corvin']))),
    steps: [withdraw('boros', 'pact', 'notice'), ORDERS, attack('dacia', 'd1', 'c2', 8), ADVANCE],
    expect: { phase: 'crisis', 'crises.0.ally': 'boros' },
  },
  {
    name: 'withdrawal without notice: a bilateral treaty ends at once, as a breach',
    board: trade,
    steps: [withdraw('alba', 't', 'immediate')],
    expect: { 'treaties.t.status': 'ended', 'treaties.t.endReason': 'alba left at once' },
    events: [{ kind: 'treaty/left', treaty: 't', state: 'alba', breach: true, audience: 'all' }],
  },
  {
    name: 'withdrawal: a multilateral treaty goes on without the leaver',
    board: withTreaties(treaty('i', { kind: 'intelligence', members: ['alba', 'boros', 'corvin'] })),
    steps: [withdraw('alba', 'i', 'immediate')],
    expect: { 'treaties.i.status': 'active', 'treaties.i.terms.members': ['boros', 'corvin'] },
  },
  {
    name: 'withdrawal: a multilateral treaty left with one member ends',
    board: withTreaties(treaty('i', { kind: 'intelligence', members: ['alba', 'boros'] })),
    steps: [withdraw('alba', 'i', 'immediate')],
    expect: { 'treaties.i.status': 'ended', 'treaties.i.endReason': 'too few members' },
  },
  {
    name: 'lifecycle: after a treaty ends, the same treaty may be proposed again',
    board: trade,
    steps: [withdraw('alba', 't', 'immediate'), propose('boros', tradeAB)],
    expect: { 'treaties.treaty-1.status': 'proposed' },
  },
  {
    name: 'basing access: when it ends, the guest\'s units in the host\'s regions go home to the guest\'s capital',
    board: boards(coefficients({ unitCost: 1000 }), withTreaties(treaty('b', { kind: 'basing', host: 'boros', guest: 'alba' }))),
    steps: [ORDERS, move('alba', 'a2', 'b2', 2), NEXT, withdraw('boros', 'b', 'immediate')],
    expect: { 'regions.b2.units': { boros: 6 }, 'regions.a1.units': { alba: 6 } },
    events: [{ kind: 'units/retreated', state: 'alba', from: 'b2', to: 'a1', units: 2 }],
  },
  {
    name: 'defense pact: has its own channel for its members',
    board: withTreaties(pact('pact', ['alba', 'boros'])),
    steps: [say('boros', { type: 'message', channel: 'treaty:pact', text: 'Hold the line.' })],
    expect: { 'messages.0.channel': 'treaty:pact', 'messages.0.from': 'boros' },
  },
];

const refusals: RefusalRow[] = [
  { name: 'treaty/not-party: a state proposes only treaties it is party to', by: 'alba', command: { type: 'propose', terms: { kind: 'trade', members: ['boros', 'corvin'] } }, code: 'treaty/not-party' },
  { name: 'treaty/unknown-state: every party must exist', by: 'alba', command: { type: 'propose', terms: { kind: 'trade', members: ['alba', 'zenda'] } }, code: 'treaty/unknown-state' },
  { name: 'treaty/unknown-state: a sanctions target must exist', by: 'alba', command: { type: 'propose', terms: { kind: 'sanctions', members: ['alba'], target: 'zenda' } }, code: 'treaty/unknown-state' },
  { name: 'treaty/duplicate-party: a guarantor cannot guarantee itself', by: 'alba', command: { type: 'propose', terms: { kind: 'guarantee', guarantor: 'alba', protected: 'alba' } }, code: 'treaty/duplicate-party' },
  { name: 'treaty/duplicate-party: a member named twice', by: 'alba', command: { type: 'propose', terms: { kind: 'forum', name: 'F', members: ['alba', 'boros', 'alba'] } }, code: 'treaty/duplicate-party' },
  { name: 'treaty/sanctions-self: a coalition cannot sanction one of its members', by: 'alba', command: { type: 'propose', terms: { kind: 'sanctions', members: ['alba', 'boros'], target: 'boros' } }, code: 'treaty/sanctions-self' },
  {
    name: 'treaty/exists: the same treaty cannot be proposed twice (members in any order)',
    steps: [propose('alba', tradeAB)], by: 'boros', command: { type: 'propose', terms: { kind: 'trade', members: ['boros', 'alba'] } }, code: 'treaty/exists',
  },
  { name: 'treaty/exists: nor proposed while it is active', board: trade, by: 'boros', command: { type: 'propose', terms: tradeAB }, code: 'treaty/exists' },
  { name: 'treaty/unknown: no such proposal', by: 'boros', command: { type: 'respond', treaty: 'treaty-9', accept: true }, code: 'treaty/unknown' },
  {
    name: 'treaty/unknown: a proposal not addressed to the state',
    steps: [propose('alba', tradeAB)], by: 'corvin', command: { type: 'respond', treaty: 'treaty-1', accept: true }, code: 'treaty/unknown',
  },
  { name: 'treaty/not-open: an active treaty takes no answers', board: trade, by: 'boros', command: { type: 'respond', treaty: 't', accept: false }, code: 'treaty/not-open' },
  {
    name: 'treaty/already-accepted: the proposer (or an earlier acceptance) cannot accept twice',
    steps: [propose('alba', pactABC)], by: 'alba', command: { type: 'respond', treaty: 'treaty-1', accept: true }, code: 'treaty/already-accepted',
  },
  { name: 'treaty/not-member: only a party may withdraw', board: trade, by: 'corvin', command: { type: 'withdraw', treaty: 't', mode: 'immediate' }, code: 'treaty/not-member' },
  {
    name: 'treaty/not-member: there is nothing to withdraw from before the treaty is active',
    steps: [propose('alba', tradeAB), accept('boros', 'treaty-1')], by: 'alba', command: { type: 'withdraw', treaty: 'treaty-1', mode: 'notice' }, code: 'treaty/not-member',
  },
  {
    name: 'treaty/notice-given: notice is given once',
    board: trade, steps: [withdraw('alba', 't', 'notice')], by: 'alba', command: { type: 'withdraw', treaty: 't', mode: 'notice' }, code: 'treaty/notice-given',
  },
];

describe('treaties (GAME.md §5)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
