import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../../../shared';
import { loadScenarioJson } from '../../../shared';

/**
 * What every benchmark module is: a name for `--only` and a run that prints its figures. Benchmarks measure and
 * report against targets; they never fail a build (CI reads the printed PASS/MISS lines).
 */
export interface BenchModule {
  /** Short name, used by `npm run bench -- --only NAME`. */
  name: string;
  /** One line shown in the listing. */
  description: string;
  run(): Promise<void>;
}

/** Order statistics of a sample of durations (ms). */
export interface Stats {
  n: number;
  min: number;
  median: number;
  mean: number;
  p99: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  const xs = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))] ?? Number.NaN;
  return {
    n: xs.length,
    min: xs[0] ?? Number.NaN,
    median: xs.length % 2 ? at(0.5) : ((xs[xs.length / 2 - 1] ?? 0) + (xs[xs.length / 2] ?? 0)) / 2,
    mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length),
    p99: at(0.99),
    max: xs[xs.length - 1] ?? Number.NaN,
  };
}

/** Time one call, in milliseconds. */
export function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

export function ms(x: number): string {
  return x < 10 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`;
}

/** A section heading inside a module's output. */
export function heading(text: string): void {
  console.log(`\n  ${text}`);
}

/**
 * One measured figure against its target, printed with PASS or MISS. By default lower is better and
 * `measured < target` passes; with `better: 'higher'` (throughputs) `measured >= target` does.
 */
export function figure(label: string, measured: number, target: number, unit = 'ms', better: 'lower' | 'higher' = 'lower'): boolean {
  const pass = better === 'lower' ? measured < target : measured >= target;
  const value = unit === 'ms' ? ms(measured) : `${measured.toFixed(1)} ${unit}`;
  const goal = `${better === 'lower' ? '<' : '≥'} ${unit === 'ms' ? ms(target) : `${target} ${unit}`}`;
  console.log(`    ${label.padEnd(34)} ${value.padStart(10)}   target ${goal.padEnd(12)} ${pass ? 'PASS' : 'MISS'}`);
  return pass;
}

/** A figure with no target, printed for context. */
export function note(label: string, value: string): void {
  console.log(`    ${label.padEnd(34)} ${value}`);
}

const SCENARIO_DIR = fileURLToPath(new URL('../../../assets/scenarios/', import.meta.url));

/** A shipped scenario, parsed and validated. */
export function loadScenario(name: string): Scenario {
  const r = loadScenarioJson(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(`${name}.json is invalid:\n${r.errors.join('\n')}`);
  return r.scenario;
}
