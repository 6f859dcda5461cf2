import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared';
import { loadScenarioJson, Rng, seedRng } from '../../../shared';
import { runMatch } from '../../../server/cli/simulate/runMatch';

function load(name: string): Scenario {
  const r = loadScenarioJson(readFileSync(fileURLToPath(new URL(`../../../assets/scenarios/${name}.json`, import.meta.url)), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

/** Random match settings from a seed: fog, press modes, combat variance, length. */
function settingsFor(seed: string) {
  const rng = new Rng(seedRng(seed));
  return {
    rounds: 2 + rng.int(5),
    settings: { fog: rng.next() < 0.5, press: rng.pick(['full', 'public', 'none'] as const)!, combatVariance: rng.next() < 0.5 },
  };
}

describe('bots only ever send legal commands', () => {
  it('over 200 random tutorial matches (random doctrines and settings), every command is accepted and every phase settles', () => {
    const tutorial = load('tutorial');
    const refused: Record<string, number> = {};
    let commands = 0;
    for (let i = 0; i < 200; i++) {
      const seed = `legal-${i}`;
      const m = runMatch(tutorial, seed, settingsFor(seed));
      for (const [code, n] of Object.entries(m.illegal)) refused[code] = (refused[code] ?? 0) + n;
      commands += m.commands;
      expect(m.ended).toBe(true);
      expect(m.stalls).toBe(0);
    }
    expect(refused).toEqual({});
    expect(commands).toBeGreaterThan(200 * 10);
  });

  it('and on the standard board, under fog and in the open', () => {
    const standard = load('standard');
    for (const fog of [false, true]) {
      const m = runMatch(standard, `legal-standard-${fog}`, { rounds: 5, settings: { fog } });
      expect(m.illegal).toEqual({});
      expect(m.stalls).toBe(0);
    }
  });

  it('is deterministic given the seed', () => {
    const tutorial = load('tutorial');
    const a = runMatch(tutorial, 'same', { rounds: 5, keepState: true });
    const b = runMatch(tutorial, 'same', { rounds: 5, keepState: true });
    expect(b).toEqual(a);
  });
});
