import type { CommandEnvelope, ControlCommand, GameState, MatchSettingsInput, PlayerView, Scenario, ScenarioInput, SeatCommand } from '../../../shared';
import { apply, createMatch, MatchSettingsSchema, parseScenario, view } from '../../../shared';
import type { Doctrine } from '../../../shared/bots';

/**
 * A five-state board for the doctrine marks:
 *
 *   c1 — a1 — a2 — b2 — d1        Alba (a1 capital, a2) and Corvin (c1) share a defense pact.
 *               \   |   /         Boros (b1 capital, b2) borders Alba's a2 and Dacia's d1.
 *                 e1  b1          Dacia (d1) and Elis (e1) stand alone.
 *
 * One theater, "west", so Corvin's units are eligible to defend Alba.
 */
export function fixtureScenario(patch: (s: ScenarioInput) => void = () => {}): Scenario {
  const region = (id: string, owner: string | null, adjacency: string[], extra: Partial<ScenarioInput['regions'][number]> = {}) => ({
    id, name: id.toUpperCase(), theater: 'west', position: { x: 0, y: 0 }, kind: 'land' as const, output: 2, adjacency, owner, home: owner !== null, ...extra,
  });
  const s: ScenarioInput = {
    id: 'fixture', name: 'Fixture', rounds: 6,
    theaters: [{ id: 'west', name: 'West' }],
    regions: [
      region('c1', 'corvin', ['a1'], { capital: true }),
      region('a1', 'alba', ['c1', 'a2'], { capital: true }),
      region('a2', 'alba', ['a1', 'b2', 'e1']),
      region('b2', 'boros', ['a2', 'd1', 'b1', 'e1']),
      region('b1', 'boros', ['b2', 'd1'], { capital: true }),
      region('d1', 'dacia', ['b2', 'b1'], { capital: true }),
      region('e1', 'elis', ['a2', 'b2'], { capital: true }),
    ],
    states: [
      { id: 'alba', name: 'Alba', color: '#0072b2', role: 'status-quo', output: 80, units: { a1: 3, a2: 3 }, budget: { defense: 0.3, domestic: 0.4, investment: 0.3 } },
      { id: 'corvin', name: 'Corvin', color: '#009e73', role: 'status-quo', output: 60, units: { c1: 6 }, credibility: 90 },
      { id: 'boros', name: 'Boros', color: '#d55e00', role: 'revisionist', output: 80, units: { b2: 8, b1: 2 } },
      { id: 'dacia', name: 'Dacia', color: '#e69f00', role: 'status-quo', output: 30, units: { d1: 2 } },
      { id: 'elis', name: 'Elis', color: '#cc79a7', role: 'status-quo', output: 30, units: { e1: 2 } },
    ],
    treaties: [{ id: 'pact', terms: { kind: 'defense-pact', name: 'Pact', members: ['alba', 'corvin'], guideline: 0.25 } }],
    eventDeck: { 'financial-shock': 1 },
    coefficients: { eventsPerRound: 0 },
  };
  patch(s);
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(`fixture invalid: ${parsed.errors.join('; ')}`);
  return parsed.scenario;
}

/** A match on a scenario, started with every seat a bot, briefing skipped; commands fail loudly when refused. */
export class BotMatch {
  state: GameState;
  private at = 1;
  constructor(readonly scenario: Scenario, doctrines: Record<string, Doctrine>, settings: MatchSettingsInput = {}, seed = 'fixture') {
    this.state = createMatch(scenario, MatchSettingsSchema.parse({ phaseSeconds: { briefing: 0, diplomacy: 60, orders: 60, crisis: 60 }, ...settings }), seed);
    for (const [state, doctrine] of Object.entries(doctrines)) this.control({ type: 'setSeat', state, controller: 'bot', doctrine });
    this.control({ type: 'start' });
  }

  private send(env: CommandEnvelope): void {
    const r = apply(this.scenario, this.state, env);
    if (!r.ok) throw new Error(`refused ${JSON.stringify(env.command)}: ${r.code} ${r.message}`);
    this.state = r.state;
    this.at++;
  }

  control(command: ControlCommand): void {
    this.send({ at: this.at, actor: { role: 'system' }, command });
  }

  seat(state: string, command: SeatCommand): void {
    this.send({ at: this.at, actor: { role: 'seat', state }, command });
  }

  view(state: string): PlayerView {
    return view(this.scenario, this.state, { role: 'seat', state });
  }
}
