import { describe, it } from 'vitest';
import type { RefusalRow, Row } from '../helpers/ruleTable';
import { ORDERS, pact, runRefusal, runRow, say, treaty, withTreaties } from '../helpers/ruleTable';

/**
 * GAME.md §3.2 and §7 press: messages in channels (public, a pair of states, a treaty's own channel),
 * public declarations; press modes full, public only, none ("gunboat").
 */
const msg = (channel: string, text = 'hello') => ({ type: 'message' as const, channel, text });
const seat = (state: string) => ({ role: 'seat' as const, state });
const forum = withTreaties(treaty('f', { kind: 'forum', name: 'Talks', members: ['alba', 'boros', 'corvin'] }));

const rows: Row[] = [
  {
    name: 'press: the public channel is read by everyone',
    steps: [say('alba', msg('public', 'Peace in our time.'))],
    expect: { 'messages.0': { id: 'msg-1', round: 1, channel: 'public', from: 'alba', kind: 'chat', text: 'Peace in our time.', at: 1020 } },
    view: { as: { role: 'spectator' }, expect: { 'messages.length': 1 } },
  },
  {
    name: 'press: a pair channel is read by its two states only',
    steps: [say('alba', msg('pair:alba:boros'))],
    view: { as: seat('corvin'), expect: { 'messages.length': 0 } },
  },
  {
    name: 'press: the other state of the pair reads it',
    steps: [say('alba', msg('pair:alba:boros'))],
    view: { as: seat('boros'), expect: { 'messages.0.text': 'hello' } },
  },
  {
    name: 'forum: no obligation but a coordination channel for its members',
    board: forum,
    steps: [say('corvin', msg('treaty:f', 'Shall we coordinate?'))],
    view: { as: seat('alba'), expect: { 'messages.0.channel': 'treaty:f' } },
  },
  {
    name: 'press: a treaty channel is closed to non-members',
    board: forum,
    steps: [say('corvin', msg('treaty:f'))],
    view: { as: seat('dacia'), expect: { 'messages.length': 0 } },
  },
  {
    name: 'press: a declaration is public and part of the round report',
    steps: [say('boros', { type: 'declare', text: 'We claim A2.' })],
    expect: { 'messages.0.kind': 'declaration', 'messages.0.channel': 'public' },
    events: [{ kind: 'declaration', state: 'boros', text: 'We claim A2.', audience: 'all' }],
  },
  {
    name: 'press: in a public-only match the public channel still works',
    settings: { press: 'public' },
    steps: [say('alba', msg('public'))],
    expect: { 'messages.length': 1 },
  },
  {
    name: 'press: messages may be sent in the orders phase too',
    steps: [ORDERS, say('alba', msg('pair:alba:dacia'))],
    expect: { 'messages.0.round': 1 },
  },
  {
    name: 'press: a facilitator broadcast goes to the public channel',
    steps: [{ kind: 'control', command: { type: 'broadcast', text: 'Five minutes left.' }, role: 'facilitator' }],
    expect: { 'messages.0.from': 'facilitator', 'messages.0.kind': 'broadcast' },
    events: [{ kind: 'facilitator/broadcast', text: 'Five minutes left.', audience: 'all' }],
  },
];

const refusals: RefusalRow[] = [
  { name: 'press/none: no messages in a no-press ("gunboat") match', settings: { press: 'none' }, by: 'alba', command: msg('public'), code: 'press/none' },
  { name: 'press/none: no declarations in a no-press match', settings: { press: 'none' }, by: 'alba', command: { type: 'declare', text: 'Hello' }, code: 'press/none' },
  { name: 'press/public-only: no private channels in a public-only match', settings: { press: 'public' }, by: 'alba', command: msg('pair:alba:boros'), code: 'press/public-only' },
  { name: 'press/unknown-channel: pair channels name their states in order', by: 'alba', command: msg('pair:boros:alba'), code: 'press/unknown-channel' },
  { name: 'press/unknown-channel: pair channels name existing states', by: 'alba', command: msg('pair:alba:zenda'), code: 'press/unknown-channel' },
  { name: 'press/unknown-channel: a treaty channel needs an active treaty', by: 'alba', command: msg('treaty:nope'), code: 'press/unknown-channel' },
  { name: 'press/unknown-channel: there is no such kind of channel', by: 'alba', command: msg('team:alba'), code: 'press/unknown-channel' },
  { name: 'press/not-member: a pair channel of two other states', by: 'alba', command: msg('pair:boros:corvin'), code: 'press/not-member' },
  { name: 'press/not-member: a treaty channel of a pact the state is not in', board: withTreaties(pact('p', ['boros', 'corvin'])), by: 'alba', command: msg('treaty:p'), code: 'press/not-member' },
];

describe('press (GAME.md §3.2, §7)', () => {
  it.each(rows)('$name', (row) => {
    runRow(row);
  });
  it.each(refusals)('$name', (row) => {
    runRefusal(row);
  });
});
