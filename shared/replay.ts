import { z } from 'zod';
import { apply } from './apply';
import type { CommandEnvelope } from './commands';
import { CommandEnvelopeSchema } from './commands';
import { createMatch } from './engine/create';
import type { GameEvent } from './events';
import { stateHash } from './hash';
import { parseScenario } from './scenario/parse';
import type { Scenario } from './scenario/schema';
import type { MatchSettings } from './settings';
import { MatchSettingsSchema } from './settings';
import type { GameState } from './state';

/** One entry of a match's durable log. */
export const LoggedCommandSchema = z.object({
  seq: z.number().int().min(1),
  envelope: CommandEnvelopeSchema,
});
export type LoggedCommand = z.infer<typeof LoggedCommandSchema>;

/** The JSON export of a match: enough to replay it exactly (GAME.md §9). */
export const MatchExportSchema = z.object({
  kind: z.literal('entente-match'),
  /** Version of the export and log format. */
  format: z.literal(1),
  matchId: z.string(),
  scenario: z.unknown(),
  settings: MatchSettingsSchema,
  seed: z.string(),
  commands: z.array(LoggedCommandSchema),
  /** stateHash of the final state: a replay must reach it, or the file was altered. */
  finalHash: z.string().regex(/^[0-9a-f]{16}$/),
});
export type MatchExport = z.infer<typeof MatchExportSchema>;

export interface Replayed {
  scenario: Scenario;
  settings: MatchSettings;
  state: GameState;
  /** Events of each command, in log order. */
  events: GameEvent[][];
  /** The state after each command, when asked for. */
  states?: GameState[];
}

export type ReplayResult = ({ ok: true } & Replayed) | { ok: false; errors: string[] };

/** Fold a log over a fresh match. A command the engine refuses means the log is not a log of this match. */
export function replayLog(scenario: Scenario, settings: MatchSettings, seed: string, commands: readonly LoggedCommand[], keepStates = false): ReplayResult {
  let state = createMatch(scenario, settings, seed);
  const events: GameEvent[][] = [];
  const states: GameState[] = [];
  let expected = 1;
  for (const c of commands) {
    if (c.seq !== expected) return { ok: false, errors: [`commands: sequence breaks at ${c.seq} (expected ${expected})`] };
    expected++;
    const r = apply(scenario, state, c.envelope as CommandEnvelope);
    if (!r.ok) return { ok: false, errors: [`commands[${c.seq - 1}]: the engine refuses it (${r.code}: ${r.message})`] };
    state = r.state;
    events.push(r.events);
    if (keepStates) states.push(state);
  }
  return { ok: true, scenario, settings, state, events, ...(keepStates ? { states } : {}) };
}

/** Build the export of a match from its parts. */
export function buildExport(matchId: string, scenario: Scenario, settings: MatchSettings, seed: string, commands: LoggedCommand[], final: GameState): MatchExport {
  return { kind: 'entente-match', format: 1, matchId, scenario, settings, seed, commands, finalHash: stateHash(final) };
}

/** Validate and replay an export; a malformed or altered file is refused with messages that say what is wrong. */
export function replayExport(input: unknown, keepStates = false): ReplayResult {
  const parsed = MatchExportSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'file'}: ${i.message}`) };
  }
  const x = parsed.data;
  const sc = parseScenario(x.scenario);
  if (!sc.ok) return { ok: false, errors: sc.errors.map((e) => `scenario.${e}`) };
  const r = replayLog(sc.scenario, x.settings, x.seed, x.commands, keepStates);
  if (!r.ok) return r;
  const hash = stateHash(r.state);
  if (hash !== x.finalHash) {
    return { ok: false, errors: [`finalHash: the replayed match ends in state ${hash}, not ${x.finalHash}: the file was altered or is from another engine version`] };
  }
  return r;
}
