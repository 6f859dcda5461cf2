import { describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../../shared';
import { buildExport, historyCsv, replayExport, stateHash } from '../../shared';
import { Match, miniScenario } from './helpers/miniBoard';

/** A short match that fights, so the log has resolution in it. */
function playedMatch() {
  const m = new Match(miniScenario((s) => { s.rounds = 2; }));
  const log: LoggedCommand[] = [];
  // Record every accepted command as the server's log would.
  const originalSeat = m.seat.bind(m);
  const originalControl = m.control.bind(m);
  m.seat = (state, command) => {
    const r = originalSeat(state, command);
    if (r.ok) log.push({ seq: log.length + 1, envelope: { at: m.clock, actor: { role: 'seat', state }, command } });
    return r;
  };
  m.control = (command, role = 'system') => {
    const r = originalControl(command, role);
    if (r.ok) log.push({ seq: log.length + 1, envelope: { at: m.clock, actor: { role }, command } });
    return r;
  };
  m.start();
  m.must('boros', { type: 'message', channel: 'public', text: 'We want peace.' });
  m.to('orders');
  m.must('boros', { type: 'order', order: { kind: 'attack', from: 'b2', to: 'a2', units: 6 } });
  m.must('alba', { type: 'setBudget', budget: { defense: 30, domestic: 40, investment: 30 } });
  m.to('ended');
  return { m, log };
}

describe('export and replay (GAME.md §9: the JSON export replays the match exactly)', () => {
  it('replaying the exported log reaches the same final state', () => {
    const { m, log } = playedMatch();
    const file = JSON.parse(JSON.stringify(buildExport('m1', m.scenario, m.state.settings, m.state.seed, log, m.state)));
    const r = replayExport(file);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (r.ok) expect(stateHash(r.state)).toBe(stateHash(m.state));
  });

  it.each([
    ['a changed command', (f: Record<string, unknown>) => {
      const cmds = f.commands as Array<{ envelope: { command: { order?: { units: number } } } }>;
      const attack = cmds.find((c) => c.envelope.command.order);
      attack!.envelope.command.order!.units = 5;
    }, 'finalHash: the replayed match ends in state'],
    ['a dropped command', (f: Record<string, unknown>) => { (f.commands as unknown[]).splice(1, 1); }, 'commands: sequence breaks at 3 (expected 2)'],
    ['a wrong kind', (f: Record<string, unknown>) => { f.kind = 'other'; }, 'kind: '],
    ['a missing seed', (f: Record<string, unknown>) => { delete f.seed; }, 'seed: '],
    ['a broken scenario', (f: Record<string, unknown>) => { (f.scenario as { regions: unknown[] }).regions = []; }, 'scenario.regions'],
    ['a forged final hash', (f: Record<string, unknown>) => { f.finalHash = '0123456789abcdef'; }, 'finalHash: the replayed match ends in state'],
  ])('a tampered or malformed file is refused: %s', (_name, tamper, message) => {
    const { m, log } = playedMatch();
    const file = JSON.parse(JSON.stringify(buildExport('m1', m.scenario, m.state.settings, m.state.seed, log, m.state))) as Record<string, unknown>;
    tamper(file);
    const r = replayExport(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  it('the CSV has one row per state per round with the charted figures', () => {
    const { m } = playedMatch();
    const csv = historyCsv(m.scenario, m.state.history).trim().split('\n');
    expect(csv[0]).toContain('defense_pct');
    expect(csv).toHaveLength(1 + m.state.history.length * m.scenario.states.length);
    const alba = csv.find((l) => l.startsWith('1,alba,'))!;
    expect(alba.split(',')[8]).toBe('30');
  });
});
