import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandEnvelope, GameState } from '../../../shared';
import { apply, boardOf, createMatch, loadScenarioJson, MatchSettingsSchema, view } from '../../../shared';
import { decideBot, isDoctrine } from '../../../shared/bots';

const text = readFileSync(fileURLToPath(new URL('../../../assets/scenarios/tutorial.json', import.meta.url)), 'utf8');
const parsed = loadScenarioJson(text);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const scenario = parsed.scenario;

/**
 * A single-player practice match: one person (who answers no proposal and just says ready), bots in every other seat,
 * filled by `start` with the engine's default doctrines. Bots are asked again after every change, as a server does.
 * Every phase must end because everyone is ready, never on the clock.
 */
function practice(person: string, seed: string): { clockEnded: number; state: GameState } {
  let s = createMatch(scenario, MatchSettingsSchema.parse({ botsFill: true }), seed);
  let at = 1;
  const send = (env: CommandEnvelope): void => {
    const r = apply(scenario, s, env);
    if (!r.ok) throw new Error(`${JSON.stringify(env.command)} refused: ${r.code}`);
    s = r.state;
    at++;
  };
  send({ at, actor: { role: 'system' }, command: { type: 'setSeat', state: person, controller: 'human' } });
  send({ at, actor: { role: 'system' }, command: { type: 'start' } });
  let clockEnded = 0;
  const ids = boardOf(scenario).stateIds;
  for (let step = 0; s.phase !== 'ended' && step < 500; step++) {
    const [phase, round] = [s.phase, s.round];
    const moved = (): boolean => s.phase !== phase || s.round !== round;
    if (phase !== 'crisis' && !s.seats[person]!.ready) send({ at, actor: { role: 'seat', state: person }, command: { type: 'ready', ready: true } });
    for (let pass = 0; pass < 6 && !moved(); pass++) {
      for (const id of ids) {
        const seat = s.seats[id]!;
        if (moved() || seat.controller !== 'bot' || !isDoctrine(seat.doctrine ?? '')) continue;
        for (const command of decideBot(scenario, view(scenario, s, { role: 'seat', state: id }), seat.doctrine as 'guardian', seed)) {
          if (moved()) break;
          send({ at, actor: { role: 'seat', state: id }, command });
        }
      }
    }
    if (phase === 'crisis' && !moved() && s.crises.some((c) => c.ally === person && c.choice === null)) {
      for (const c of s.crises.filter((x) => x.ally === person && x.choice === null)) send({ at, actor: { role: 'seat', state: person }, command: { type: 'crisisChoice', crisis: c.id, choice: 'abstain', units: 0 } });
    }
    if (!moved()) {
      clockEnded++;
      send({ at, actor: { role: 'system' }, command: { type: 'advancePhase' } });
    }
  }
  return { clockEnded, state: s };
}

describe('single-player practice', () => {
  it('bots fill the other seats with the default doctrines and never keep a person waiting for the clock', () => {
    for (const person of ['valdoria', 'lissen', 'drakmor']) {
      const { clockEnded, state } = practice(person, `practice-${person}`);
      expect(state.phase).toBe('ended');
      expect(clockEnded).toBe(0);
      for (const [id, seat] of Object.entries(state.seats)) {
        if (id === person) continue;
        expect(seat.controller).toBe('bot');
        expect(seat.doctrine).toBe(scenario.states.find((x) => x.id === id)!.role === 'revisionist' ? 'opportunist' : 'guardian');
      }
    }
  });
});
