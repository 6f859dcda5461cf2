import { loadavg } from 'node:os';
import { runMatch } from '../simulate/runMatch';
import type { BenchModule } from './harness';
import { heading, loadScenario, note } from './harness';

/**
 * Bot matches per second per core (the simulation's budget): whole bot-only matches of the standard scenario,
 * 12 seats and 15 rounds, played in this one thread exactly as `npm run simulate` plays them. Target: at least 20.
 * Given per core of CPU time (this process) and per second of wall time; the load average says how busy the machine was.
 */
const TARGET = 20;
const ROUNDS = 15;
/**
 * Matches played before measuring. V8 keeps optimising the engine for about 60 matches (on background threads,
 * which count as CPU here); a 1,000-match simulation runs hundreds per worker, so the settled rate is its budget.
 * With 2 warm-up matches the figure is about 15% lower.
 */
const WARMUP = 60;
const MIN_MATCHES = 10;
const MIN_SECONDS = 10;

export const botBench: BenchModule = {
  name: 'bots',
  description: `bot-only matches per second per core (standard, 12 seats, ${ROUNDS} rounds): target ≥ ${TARGET}`,
  async run() {
    const scenario = loadScenario('standard');
    for (let i = 0; i < WARMUP; i++) runMatch(scenario, `bench-warmup-${i}`, { rounds: ROUNDS });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let matches = 0;
    let commands = 0;
    let illegal = 0;
    while (matches < MIN_MATCHES || performance.now() - t0 < MIN_SECONDS * 1000) {
      const r = runMatch(scenario, `bench-${matches}`, { rounds: ROUNDS });
      commands += r.commands;
      illegal += Object.values(r.illegal).reduce((a, b) => a + b, 0);
      matches++;
      await Promise.resolve();
    }
    const wall = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0);
    const cpu = (used.user + used.system) / 1e6;
    const perCore = matches / cpu;
    heading(`${matches} matches, ${commands} bot commands (${illegal} refused), load average ${loadavg()[0]!.toFixed(2)}`);
    note('matches per second per core (CPU)', `${perCore.toFixed(2)}   target ≥ ${TARGET}   ${perCore >= TARGET ? 'PASS' : 'MISS'}`);
    note('matches per second (wall, one thread)', (matches / wall).toFixed(2));
    note('milliseconds per match (CPU)', ((1000 * cpu) / matches).toFixed(1));
    note('commands per match', (commands / matches).toFixed(0));
  },
};
