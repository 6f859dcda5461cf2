import type { CommandEnvelope, ControlCommand, GameState, MatchSettingsInput, Scenario, SeatCommand, Viewer } from '../../../shared';
import { apply, boardOf, createMatch, MatchSettingsSchema, view } from '../../../shared';
import type { Doctrine } from '../../../shared/bots';
import { decideBot, DOCTRINES } from '../../../shared/bots';
import type { Applied } from './randomCommands';

/**
 * A whole match played by the bots, as a server would play it (each seat decides from its own view), with the
 * facilitator's commands mixed in at fixed points so that every command kind is applied: pause, extend, resume and a
 * broadcast each diplomacy, a card now and then, withdrawals, crises left to the clock in odd rounds, and an early end.
 * Deterministic for a given scenario, seed and settings.
 */
export interface BotMatchOptions {
  rounds?: number;
  settings?: MatchSettingsInput;
  /** End the match with endMatch in this round's orders phase, instead of playing its last resolution. */
  endEarlyIn?: number;
}

const MAX_STEPS = 6_000;

export function playBotMatch(scenario: Scenario, seed: string, onCommand: (x: Applied) => void, opts: BotMatchOptions = {}): GameState {
  const b = boardOf(scenario);
  const settings = MatchSettingsSchema.parse({
    botsFill: true, phaseSeconds: { briefing: 10, diplomacy: 300, orders: 180, crisis: 60 }, ...opts.settings, ...(opts.rounds ? { rounds: opts.rounds } : {}),
  });
  const doctrines = new Map<string, Doctrine>(b.stateIds.map((id, i) => [id, DOCTRINES[i % DOCTRINES.length]!]));
  let s = createMatch(scenario, settings, seed);
  let at = 1;
  let index = 0;
  const run = (env: CommandEnvelope): boolean => {
    const before = s;
    const result = apply(scenario, before, env);
    const after = result.ok ? result.state : before;
    onCommand({ index: index++, before, env, result, after });
    s = after;
    at += 1_000;
    return result.ok;
  };
  const control = (command: ControlCommand, role: 'system' | 'facilitator' = 'facilitator'): boolean => run({ at, actor: { role }, command });
  const seat = (state: string, command: SeatCommand): boolean => run({ at, actor: { role: 'seat', state }, command });

  control({ type: 'setSeat', state: b.stateIds[0]!, controller: 'human' }, 'system');
  control({ type: 'start' }, 'system');
  control({ type: 'setSeat', state: b.stateIds[0]!, controller: 'bot', doctrine: doctrines.get(b.stateIds[0]!)! });
  const acted = new Set<string>();
  for (let step = 0; s.phase !== 'ended' && step < MAX_STEPS; step++) {
    const phase = s.phase;
    const round = s.round;
    const key = `${round}:${phase}`;
    if (!acted.has(key)) {
      acted.add(key);
      facilitate(s, opts, control, seat);
      if (s.phase !== phase || s.round !== round) continue;
    }
    // Odd rounds: a crisis is left to the clock (some answers may already be in).
    if (phase === 'crisis' && round % 2 === 1) {
      control({ type: 'advancePhase' }, 'system');
      continue;
    }
    let sent = 0;
    for (const id of b.stateIds) {
      if (s.phase !== phase || s.round !== round) break;
      const viewer: Viewer = { role: 'seat', state: id };
      for (const command of decideBot(scenario, view(scenario, s, viewer), doctrines.get(id)!, seed)) {
        if (s.phase !== phase || s.round !== round) break;
        sent++;
        seat(id, command);
      }
    }
    if (sent === 0 && s.phase === phase && s.round === round) control({ type: 'advancePhase' }, 'system');
  }
  return s;
}

/** The facilitator's and the scripted seats' commands, once at the start of each phase. */
function facilitate(
  s: GameState, opts: BotMatchOptions,
  control: (c: ControlCommand, role?: 'system' | 'facilitator') => boolean, seat: (state: string, c: SeatCommand) => boolean,
): void {
  if (s.phase === 'diplomacy') {
    control({ type: 'pause' });
    control({ type: 'extend', seconds: 30 });
    control({ type: 'resume' });
    control({ type: 'broadcast', text: `Round ${s.round} is open.` });
    // A withdrawal each round from the first active treaty, on notice in even rounds and at once in odd ones.
    const tr = Object.values(s.treaties).filter((t) => t.status === 'active').sort((a, c) => (a.id < c.id ? -1 : 1))[0];
    const party = tr ? (tr.terms.kind === 'guarantee' ? tr.terms.guarantor : tr.terms.kind === 'basing' ? tr.terms.guest : tr.terms.members[0]) : undefined;
    if (tr && party && s.round >= 2) seat(party, { type: 'withdraw', treaty: tr.id, mode: s.round % 2 === 0 ? 'notice' : 'immediate' });
  }
  if (s.phase === 'briefing' && s.round % 3 === 0) control({ type: 'injectEvent', card: 'financial-shock' });
  if (s.phase === 'orders' && s.round === opts.endEarlyIn) control({ type: 'endMatch' });
}
