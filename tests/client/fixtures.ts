import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apply } from '../../shared/apply';
import type { ControlCommand, SeatCommand } from '../../shared/commands';
import { createMatch } from '../../shared/engine/create';
import { loadScenarioJson } from '../../shared/scenario/parse';
import type { Scenario } from '../../shared/scenario/schema';
import type { MatchSettingsInput } from '../../shared/settings';
import { MatchSettingsSchema } from '../../shared/settings';
import type { GameState } from '../../shared/state';
import type { PlayerView } from '../../shared/view';
import { view } from '../../shared/view';

/** Real scenarios and real engine states: the display is tested on what the engine really produces. */

export function scenario(name = 'tutorial'): Scenario {
  const r = loadScenarioJson(readFileSync(path.resolve('assets', 'scenarios', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

export class Table {
  at = 1000;
  state: GameState;
  constructor(readonly sc: Scenario, settings: MatchSettingsInput = {}) {
    this.state = createMatch(sc, MatchSettingsSchema.parse({ botsFill: true, ...settings }), 'client-tests');
  }

  control(command: ControlCommand): this {
    const r = apply(this.sc, this.state, { at: this.at++, actor: { role: 'system' }, command });
    if (!r.ok) throw new Error(r.message);
    this.state = r.state;
    return this;
  }

  seat(state: string, command: SeatCommand): this {
    const r = apply(this.sc, this.state, { at: this.at++, actor: { role: 'seat', state }, command });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    this.state = r.state;
    return this;
  }

  /** Start and go on to the orders phase. */
  toOrders(): this {
    this.control({ type: 'start' });
    while (this.state.phase !== 'orders') this.control({ type: 'advancePhase' });
    return this;
  }

  view(of: string | null): PlayerView {
    return view(this.sc, this.state, of === null ? { role: 'spectator' } : { role: 'seat', state: of });
  }
}
