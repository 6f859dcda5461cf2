import { parentPort, workerData } from 'node:worker_threads';
import { loadScenarioJson } from '../../../shared';
import type { RunOptions } from './runMatch';
import { runMatch } from './runMatch';

/** What the main thread hands a worker: the scenario file's text, the base seed and the run options. */
export interface WorkerSetup {
  entry: string;
  scenarioText: string;
  seed: string;
  options: RunOptions;
}

export type ToWorker = { type: 'run'; index: number } | { type: 'stop' };
export type FromWorker = { type: 'ready' } | { type: 'done'; index: number; record: ReturnType<typeof runMatch> } | { type: 'failed'; index: number; error: string };

/** The seed of the i-th match of a run: every match depends only on it, whichever worker plays it. */
export function matchSeed(seed: string, index: number): string {
  return `${seed}:${index}`;
}

const setup = workerData as WorkerSetup;
const parsed = loadScenarioJson(setup.scenarioText);
if (!parsed.ok) throw new Error(`scenario invalid: ${parsed.errors.join('; ')}`);
const scenario = parsed.scenario;
const port = parentPort!;
port.on('message', (m: ToWorker) => {
  if (m.type === 'stop') {
    port.close();
    return;
  }
  try {
    port.postMessage({ type: 'done', index: m.index, record: runMatch(scenario, matchSeed(setup.seed, m.index), setup.options) } satisfies FromWorker);
  } catch (e) {
    port.postMessage({ type: 'failed', index: m.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
