import fs from 'node:fs';
import path from 'node:path';
import { loadScenarioJson } from '../../shared/index';
import type { Scenario } from '../../shared/index';
import type { Logger } from '../log';

export interface ScenarioSummary {
  id: string;
  name: string;
  description: string;
  /** How many states (seats). */
  states: number;
  /** How many regions. */
  regions: number;
  rounds: number;
}

/** The scenario files the server offers, read and validated once at boot. */
export class ScenarioCatalog {
  private constructor(private readonly byId: Map<string, Scenario>) {}

  /** Every `*.json` of a folder; a file that fails validation is logged and left out. */
  static load(dir: string, log: Logger): ScenarioCatalog {
    const byId = new Map<string, Scenario>();
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
    for (const f of files) {
      const r = loadScenarioJson(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (!r.ok) {
        log.error({ file: f, errors: r.errors.slice(0, 10) }, 'scenario file refused');
        continue;
      }
      byId.set(r.scenario.id, r.scenario);
    }
    if (byId.size === 0) log.warn({ dir }, 'no scenarios found: matches cannot be created');
    return new ScenarioCatalog(byId);
  }

  static of(scenarios: Scenario[]): ScenarioCatalog {
    return new ScenarioCatalog(new Map(scenarios.map((s) => [s.id, s])));
  }

  get(id: string): Scenario | undefined {
    return this.byId.get(id);
  }

  summaries(): ScenarioSummary[] {
    return [...this.byId.values()].map((s) => ({
      id: s.id, name: s.name, description: s.description, states: s.states.length, regions: s.regions.length, rounds: s.rounds,
    }));
  }

  /** The scenario as anybody may read it: secret objectives are removed (a seat learns its own from its view). */
  publicScenario(id: string): Scenario | undefined {
    const s = this.byId.get(id);
    if (!s) return undefined;
    return { ...s, states: s.states.map((st) => ({ ...st, objectives: st.objectives.filter((o) => !o.secret) })) };
  }
}
