import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { MatchSettingsSchema } from '../../../../shared/index';
import type { MatchSettingsInput } from '../../../../shared/index';
import type { RunningServer } from '../../../app';
import { startServer } from '../../../app';
import { loadConfig } from '../../../config';
import { ClientRateLimiter } from '../../../net/rateLimit';
import type { CheckpointStats } from '../../../store/checkpointer';
import { ThreadedSqliteStore } from '../../../store/sqliteStore';
import { defineBareRoom } from './bareRoom';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The real server, in this process (so its heap and CPU can be read), on a fresh SQLite file on disk. */
export interface BenchServer {
  server: RunningServer;
  endpoint: string;
  dbFile: string;
  /** The store's checkpoint-thread counters (SQLite on a file), if it has them. */
  checkpoints(): CheckpointStats | null;
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-bench-'));
  const dbFile = path.join(dir, 'bench.sqlite');
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite://${dbFile}`, LOG_LEVEL: 'error',
    STATIC_DIR: path.join(dir, 'no-client'), CLIENT_BUILD: 'never', SCENARIOS_DIR: path.join(ROOT, 'assets', 'scenarios'),
  });
  const server = await startServer(config);
  const bare = defineBareRoom(path.join(dir, 'bare.sqlite'));
  return {
    server, endpoint: `ws://127.0.0.1:${server.port}`, dbFile,
    checkpoints: () => (server.store instanceof ThreadedSqliteStore ? server.store.checkpointer.stats : null),
    async close() {
      await server.close();
      bare.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Phases that never run out during a bench: only the bench moves them. */
export const BENCH_SETTINGS: MatchSettingsInput = {
  phaseSeconds: { briefing: 0, diplomacy: 3600, orders: 3600, crisis: 3600 },
  botsFill: false,
};

/** A standard-scenario match, created and (optionally) started in-process (the HTTP route limits creations per IP). */
export async function benchMatch(b: BenchServer, seed: string, settings: MatchSettingsInput = BENCH_SETTINGS): Promise<{ matchId: string; hostKey: string }> {
  const { matchId, hostKey } = await b.server.matches.create({
    scenario: 'standard', settings: MatchSettingsSchema.parse(settings), visibility: 'public', seed,
  });
  return { matchId, hostKey };
}

/** A facilitator's control command on a match, in-process; throws if refused. */
export async function control(b: BenchServer, matchId: string, type: 'start' | 'advancePhase'): Promise<void> {
  const r = await b.server.matches.get(matchId)!.live.submitControl('facilitator', { type });
  if (!r.ok) throw new Error(`${type} refused on ${matchId}: ${r.code}`);
}

/** Lift the per-client message budgets (orders 10/s…) for a saturation run; returns the undo. */
export function liftMessageLimits(): () => void {
  const proto = ClientRateLimiter.prototype;
  const take = proto.take;
  proto.take = () => true;
  return () => {
    proto.take = take;
  };
}

let gcFn: (() => void) | null = null;

/** Full garbage collection (twice, for weak references and finalizers), then the heap in use. */
export function heapAfterGc(): number {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
  return process.memoryUsage().heapUsed;
}

/** Time every store.write (one group commit: a transaction and its fsync) from now on; read the durations, ms. */
export function trackWrites(b: BenchServer): { durations: number[]; stop(): void } {
  const store = b.server.store;
  const write = store.write;
  const durations: number[] = [];
  store.write = async (batch) => {
    const t0 = performance.now();
    try {
      return await write.call(store, batch);
    } finally {
      durations.push(performance.now() - t0);
    }
  };
  return {
    durations,
    stop() {
      store.write = write;
    },
  };
}
