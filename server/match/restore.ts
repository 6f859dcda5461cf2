import { apply, createMatch, GameStateSchema } from '../../shared/index';
import type { GameState, Scenario } from '../../shared/index';
import type { CommandRecord, MatchRecord, MatchStore } from '../store/MatchStore';
import { LOG_FORMAT } from '../store/MatchStore';

export interface Folded {
  state: GameState;
  /** Log sequence number of the state. */
  seq: number;
  /** Round of the snapshot it started from (0: from the beginning). */
  snapshotRound: number;
}

/**
 * Rebuild a match's state from the store: the newest snapshot, then every later command in order.
 * A command the engine refuses on replay means the log and the engine disagree: that is a bug, and
 * the match is not restored rather than restored wrong.
 */
export async function foldMatch(store: MatchStore, record: MatchRecord, scenario: Scenario): Promise<Folded> {
  if (record.logFormat !== LOG_FORMAT) {
    throw new Error(`match ${record.id}: log format ${record.logFormat} is not ${LOG_FORMAT}; run a migration first`);
  }
  const snap = await store.latestSnapshot(record.id);
  let state: GameState;
  let seq: number;
  if (snap) {
    const parsed = GameStateSchema.safeParse(snap.state);
    if (!parsed.success) throw new Error(`match ${record.id}: snapshot at seq ${snap.seq} does not parse: ${parsed.error.message}`);
    state = parsed.data;
    seq = snap.seq;
  } else {
    state = createMatch(scenario, record.settings, record.seed);
    seq = 0;
  }
  const commands = await store.commandsAfter(record.id, seq);
  const folded = foldCommands(scenario, state, seq, commands);
  return { ...folded, snapshotRound: snap?.round ?? 0 };
}

export function foldCommands(scenario: Scenario, state: GameState, seq: number, commands: readonly CommandRecord[]): { state: GameState; seq: number } {
  for (const c of commands) {
    if (c.seq !== seq + 1) throw new Error(`match ${c.matchId}: log gap, expected seq ${seq + 1}, found ${c.seq}`);
    const r = apply(scenario, state, c.envelope);
    if (!r.ok) throw new Error(`match ${c.matchId}: command ${c.seq} is refused on replay (${r.code}: ${r.message})`);
    state = r.state;
    seq = c.seq;
  }
  return { state, seq };
}
