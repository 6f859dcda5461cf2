import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPool } from '../../../server/cli/simulate/pool';
import { evaluate } from '../../../server/cli/simulate/properties';

/**
 * GAME.md §10 on a sample of seeded bot matches of the standard scenario, as `npm run simulate` checks it on 1,000:
 * large enough for every property to clear its 95% test, small enough to finish well within two minutes on two cores.
 * The same seeds give the same matches, so this test is exact, not flaky: a change to the engine, the bots or the
 * coefficients that breaks a property fails it.
 */
const MATCHES = 160;
const SEED = 'npm-test';

describe('the model proved by simulation (GAME.md §10)', () => {
  it(`shows all four properties on ${MATCHES} standard matches`, async () => {
    const scenarioText = readFileSync(fileURLToPath(new URL('../../../assets/scenarios/standard.json', import.meta.url)), 'utf8');
    const records = await runPool({ scenarioText, seed: SEED, matches: MATCHES, workers: Math.max(1, Math.min(2, availableParallelism())), options: {} });
    const p = evaluate(records, SEED);
    expect(p.balance.ended).toBe(MATCHES);
    expect(p.balance.illegalCommands).toBe(0);
    expect({ holds: p.deterrence.holds, slope: p.deterrence.trendSlope, belowOne: p.deterrence.belowOne, twoOrMore: p.deterrence.twoOrMore }).toMatchObject({ holds: true });
    expect({ holds: p.credibility.holds, riskDifference: p.credibility.riskDifference }).toMatchObject({ holds: true });
    expect({ holds: p.freeRiding.holds, rankCorrelation: p.freeRiding.rankCorrelation }).toMatchObject({ holds: true });
    expect({ holds: p.balance.holds, roles: p.balance.roles, doctrines: p.balance.doctrines, stalls: p.balance.stalls }).toMatchObject({ holds: true });
  }, 115_000);
});
