import type { CommandEnvelope, ControlCommand, GameEvent, GameState, MatchSettingsInput, Scenario, ScenarioInput, SeatCommand } from '../../../shared';
import { apply, createMatch, MatchSettingsSchema, parseScenario } from '../../../shared';

/**
 * A small line-and-fork board for rule tables:
 *
 *   a1 — a2 — b2 — b1        a1,a2: Alba (capital a1)     b1,b2: Boros (capital b1)
 *         |    |
 *        s1 — c2 — c1        s1: a strait (neutral)       c1,c2: Corvin (capital c1)
 *              |
 *              d1            d1: Dacia (capital d1)
 *
 * Theater "west": a1 a2 s1 b2 b1; theater "east": c1 c2 d1.
 */
export function miniScenario(patch: (s: ScenarioInput) => void = () => {}): Scenario {
  const s: ScenarioInput = {
    id: 'mini', name: 'Mini', rounds: 5,
    theaters: [{ id: 'west', name: 'West' }, { id: 'east', name: 'East' }],
    regions: [
      { id: 'a1', name: 'A1', theater: 'west', position: { x: 0, y: 0 }, kind: 'land', output: 2, adjacency: ['a2'], owner: 'alba', home: true, capital: true },
      { id: 'a2', name: 'A2', theater: 'west', position: { x: 100, y: 0 }, kind: 'land', output: 2, adjacency: ['a1', 'b2', 's1'], owner: 'alba', home: true },
      { id: 'b2', name: 'B2', theater: 'west', position: { x: 200, y: 0 }, kind: 'land', output: 2, adjacency: ['a2', 'b1', 'c2'], owner: 'boros', home: true },
      { id: 'b1', name: 'B1', theater: 'west', position: { x: 300, y: 0 }, kind: 'land', output: 2, adjacency: ['b2'], owner: 'boros', home: true, capital: true },
      { id: 's1', name: 'S1', theater: 'west', position: { x: 100, y: 100 }, kind: 'strait', output: 1, adjacency: ['a2', 'c2'], owner: null },
      { id: 'c2', name: 'C2', theater: 'east', position: { x: 200, y: 100 }, kind: 'land', output: 2, adjacency: ['b2', 's1', 'c1', 'd1'], owner: 'corvin', home: true },
      { id: 'c1', name: 'C1', theater: 'east', position: { x: 300, y: 100 }, kind: 'land', output: 2, adjacency: ['c2'], owner: 'corvin', home: true, capital: true },
      { id: 'd1', name: 'D1', theater: 'east', position: { x: 200, y: 200 }, kind: 'land', output: 2, adjacency: ['c2'], owner: 'dacia', home: true, capital: true },
    ],
    states: [
      { id: 'alba', name: 'Alba', color: '#1f77b4', role: 'status-quo', output: 100, units: { a1: 4, a2: 4 } },
      { id: 'boros', name: 'Boros', color: '#ff7f0e', role: 'revisionist', output: 100, units: { b1: 4, b2: 6 } },
      { id: 'corvin', name: 'Corvin', color: '#2ca02c', role: 'status-quo', output: 60, units: { c1: 2, c2: 4 } },
      { id: 'dacia', name: 'Dacia', color: '#9467bd', role: 'status-quo', output: 40, units: { d1: 3 } },
    ],
    treaties: [],
    eventDeck: { 'financial-shock': 1 },
    coefficients: { eventsPerRound: 0 },
  };
  patch(s);
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(`mini scenario invalid: ${parsed.errors.join('; ')}`);
  return parsed.scenario;
}

/** A test match: apply commands in order, failing loudly on a refusal unless asked not to. */
export class Match {
  state: GameState;
  clock = 1_000;
  /** Every event of every accepted command, in order (the rule tables look for them). */
  readonly events: GameEvent[] = [];
  constructor(readonly scenario: Scenario, settings: MatchSettingsInput = {}, seed = 'test') {
    this.state = createMatch(scenario, MatchSettingsSchema.parse({ phaseSeconds: { briefing: 0, diplomacy: 60, orders: 60, crisis: 60 }, ...settings }), seed);
  }
  private run(env: CommandEnvelope) {
    const r = apply(this.scenario, this.state, env);
    if (r.ok) {
      this.state = r.state;
      this.events.push(...r.events);
    }
    return r;
  }
  seat(state: string, command: SeatCommand) {
    this.clock += 10;
    return this.run({ at: this.clock, actor: { role: 'seat', state }, command });
  }
  must(state: string, command: SeatCommand) {
    const r = this.seat(state, command);
    if (!r.ok) throw new Error(`${state} ${command.type} refused: ${r.code} ${r.message}`);
    return r;
  }
  control(command: ControlCommand, role: 'system' | 'facilitator' = 'system') {
    this.clock += 10;
    return this.run({ at: this.clock, actor: { role }, command });
  }
  /** Start and step until the given phase of the current or next round. */
  start() {
    const r = this.control({ type: 'start' });
    if (!r.ok) throw new Error(r.message);
    return this;
  }
  advance() {
    const r = this.control({ type: 'advancePhase' });
    if (!r.ok) throw new Error(`advance refused: ${r.message}`);
    return r;
  }
  to(phase: GameState['phase']) {
    for (let i = 0; i < 10 && this.state.phase !== phase; i++) this.advance();
    if (this.state.phase !== phase) throw new Error(`never reached ${phase}`);
    return this;
  }
  units(region: string, state: string): number {
    return this.state.regions[region]?.units[state] ?? 0;
  }
}
