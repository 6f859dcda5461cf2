import { describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../../shared';
import { buildExport, stateHash } from '../../shared';
import { cutHistory, debriefOf } from '../../shared/debrief/data';
import { foldExport } from '../../shared/debrief/fold';
import { momentsOf } from '../../shared/debrief/moments';
import { cohesionSeries, defenseSeries, deterrencePoints, nationSeries, networkAt, networkOf } from '../../shared/debrief/series';
import { isOrderCommand, roleMayOrder } from '../../shared/debrief/roles';
import { Match, miniScenario } from './helpers/miniBoard';

/**
 * The debrief's data (GAME.md §9), read from a played match: key moments from its events, chart
 * series from its round history, the alliance network per round, and the fold of an export into
 * replay steps. Pure functions of the log, like everything the debrief shows.
 */

/** Boros and Corvin in a pact; Dacia strikes Corvin; Boros abstains; Alba and Dacia sign a trade agreement; the facilitator speaks. */
function played() {
  const m = new Match(miniScenario((s) => {
    s.rounds = 3;
    s.treaties = [{ id: 'pact', terms: { kind: 'defense-pact', name: 'Eastern Pact', members: ['boros', 'corvin'], guideline: 0.2 } }];
    s.states.find((x) => x.id === 'dacia')!.units = { d1: 9 };
  }));
  const log: LoggedCommand[] = [];
  const seat = m.seat.bind(m);
  const control = m.control.bind(m);
  m.seat = (state, command) => {
    const r = seat(state, command);
    if (r.ok) log.push({ seq: log.length + 1, envelope: { at: m.clock, actor: { role: 'seat', state }, command } });
    return r;
  };
  m.control = (command, role = 'system') => {
    const r = control(command, role);
    if (r.ok) log.push({ seq: log.length + 1, envelope: { at: m.clock, actor: { role }, command } });
    return r;
  };
  m.start();
  m.control({ type: 'broadcast', text: 'Welcome, class.' }, 'facilitator');
  m.control({ type: 'injectEvent', card: 'custom', text: 'A storm in the strait.' }, 'facilitator');
  m.must('alba', { type: 'propose', terms: { kind: 'trade', members: ['alba', 'dacia'] } });
  const trade = Object.values(m.state.treaties).find((t) => t.terms.kind === 'trade')!.id;
  m.must('dacia', { type: 'respond', treaty: trade, accept: true });
  m.to('orders');
  m.must('boros', { type: 'setBudget', budget: { defense: 10, domestic: 60, investment: 30 } });
  m.must('corvin', { type: 'setBudget', budget: { defense: 30, domestic: 50, investment: 20 } });
  m.must('dacia', { type: 'order', order: { kind: 'attack', from: 'd1', to: 'c2', units: 9 } });
  m.to('crisis');
  m.must('boros', { type: 'crisisChoice', crisis: m.state.crises[0]!.id, choice: 'abstain', units: 0 });
  for (let i = 0; i < 10 && m.state.round < 2; i++) m.advance();
  m.to('orders');
  m.advance();
  m.control({ type: 'endMatch' }, 'facilitator');
  return { m, log };
}

describe('the debrief of a played match', () => {
  const { m, log } = played();
  const ids = m.scenario.states.map((s) => s.id);

  it('reads the key moments from public events, in order', () => {
    const moments = momentsOf(m.events);
    const kinds = moments.map((x) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['broadcast', 'event', 'treaty-signed', 'crisis-abandoned', 'match-ended']));
    expect(moments.find((x) => x.kind === 'broadcast')).toMatchObject({ round: 1, text: 'Welcome, class.' });
    expect(moments.find((x) => x.kind === 'event')).toMatchObject({ text: 'A storm in the strait.' });
    expect(moments.find((x) => x.kind === 'treaty-signed')).toMatchObject({ treatyKind: 'trade', states: ['alba', 'dacia'] });
    expect(moments.find((x) => x.kind === 'crisis-abandoned')).toMatchObject({ states: ['boros', 'corvin'], region: 'c2' });
    expect(kinds.at(-1)).toBe('match-ended');
    // Rounds never go back.
    expect(moments.map((x) => x.round)).toEqual([...moments.map((x) => x.round)].sort((a, b) => a - b));
  });

  it('draws each chart from the round history', () => {
    const history = cutHistory(m.state.history, false);
    expect(history.length).toBe(2);
    const defense = defenseSeries(history, ids);
    expect(defense.rounds).toEqual([1, 2]);
    expect(defense.series.find((x) => x.id === 'boros')!.values[0]).toBe(10);
    expect(defense.guidelines.find((x) => x.id === 'boros')!.values[0]).toBe(20);
    expect(defense.guidelines.find((x) => x.id === 'alba')!.values[0]).toBe(null);
    const cohesion = cohesionSeries(history);
    expect(cohesion.series.map((x) => x.id)).toEqual(['pact']);
    expect(cohesion.guidelines[0]!.values[0]).toBe(20);
    expect(cohesion.series[0]!.values[0]).toBe(m.state.history[0]!.pacts.pact!.cohesion);
    expect(nationSeries(history, ids, 'credibility').series.find((x) => x.id === 'boros')!.values[0]).toBe(m.state.history[0]!.nations.boros!.credibility);
    const points = deterrencePoints(history);
    expect(points[0]).toMatchObject({ round: 1, region: 'c2', defender: 'corvin', attackers: ['dacia'] });
  });

  it('draws the alliance network of each round, multilateral treaties as every pair', () => {
    expect(networkAt(cutHistory(m.state.history, false), 1)).toEqual([
      { a: 'alba', b: 'dacia', kinds: ['trade'] },
      { a: 'boros', b: 'corvin', kinds: ['defense-pact'] },
    ]);
    expect(networkOf([{ kind: 'forum', parties: ['c', 'a', 'b'] }, { kind: 'trade', parties: ['b', 'a'] }])).toEqual([
      { a: 'a', b: 'b', kinds: ['forum', 'trade'] }, { a: 'a', b: 'c', kinds: ['forum'] }, { a: 'b', b: 'c', kinds: ['forum'] },
    ]);
  });

  it('hides units where fog keeps them from the reader', () => {
    const cut = cutHistory(m.state.history, true);
    expect(Object.values(cut[0]!.nations).every((n) => n.units === null)).toBe(true);
    expect(cut[0]!.nations.boros!.output).toBe(m.state.history[0]!.nations.boros!.output);
  });

  it('folds an export into the same debrief, with a replay step at every phase', () => {
    const file = JSON.parse(JSON.stringify(buildExport('m1', m.scenario, m.state.settings, m.state.seed, log, m.state)));
    const f = foldExport(file);
    expect(f.ok ? [] : f.errors).toEqual([]);
    if (!f.ok) return;
    expect(stateHash(f.final)).toBe(stateHash(m.state));
    expect(f.data).toEqual(JSON.parse(JSON.stringify(debriefOf('m1', m.state, m.events, { hideUnits: false }))));
    expect(f.steps.map((s) => `${s.round}:${s.phase}`)).toEqual(['0:setup', '1:diplomacy', '1:orders', '1:crisis', '2:diplomacy', '2:orders', '3:diplomacy', '3:ended']);
    expect(f.steps.at(-1)!.state).toEqual(f.final);
  });

  it('refuses a tampered export with what is wrong', () => {
    const file = JSON.parse(JSON.stringify(buildExport('m1', m.scenario, m.state.settings, m.state.seed, log, m.state))) as { commands: { envelope: { command: { budget?: { defense: number; domestic: number } } } }[] };
    const b = file.commands.find((c) => c.envelope.command.budget)!.envelope.command.budget!;
    b.defense += 10;
    b.domestic -= 10;
    const f = foldExport(file);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.errors.join(' ')).toContain('finalHash: the replayed match ends in state');
    expect(foldExport({ kind: 'entente-match' })).toMatchObject({ ok: false });
  });
});

describe('team roles', () => {
  it.each([
    ['everyone orders when the exercise names no roles', null, null, true],
    ['a named role orders', ['head', 'defense'] as const, 'defense' as const, true],
    ['an unnamed role does not', ['head'] as const, 'diplomat' as const, false],
    ['no role does not, when roles are named', ['head'] as const, null, false],
  ])('%s', (_name, orderRoles, role, may) => {
    expect(roleMayOrder({ orderRoles: orderRoles ? [...orderRoles] : null }, role)).toBe(may);
  });

  it.each([['setBudget', true], ['order', true], ['crisisChoice', true], ['sanctionsVote', true], ['aid', true], ['message', false], ['propose', false], ['ready', false]] as const)(
    '%s is an order: %s', (type, yes) => expect(isOrderCommand({ type })).toBe(yes),
  );
});
