import { apply } from '../apply';
import type { CommandEnvelope } from '../commands';
import { createMatch } from '../engine/create';
import type { MatchExport } from '../replay';
import { replayExport } from '../replay';
import type { Scenario } from '../scenario/schema';
import type { GameState, Phase } from '../state';
import type { DebriefData } from './data';
import { debriefOf } from './data';

/** The board as it stood when a phase began (or the match ended): one stop of the step-by-step replay. */
export interface ReplayStep {
  /** Log sequence number of the command that opened this phase (0: before the first command). */
  seq: number;
  round: number;
  phase: Phase;
  state: GameState;
}

export type FoldedExport =
  | { ok: true; data: DebriefData; scenario: Scenario; final: GameState; steps: ReplayStep[]; commands: number }
  | { ok: false; errors: string[] };

/**
 * A match export as the debrief shows it. The file is checked and replayed by `replayExport` (a
 * tampered or malformed file is refused with its messages), then folded again to keep the board at
 * every phase change for the replay. Everything is visible: an export is the whole record.
 */
export function foldExport(input: unknown): FoldedExport {
  const r = replayExport(input);
  if (!r.ok) return r;
  const x = input as MatchExport;
  const steps: ReplayStep[] = [];
  let state = createMatch(r.scenario, r.settings, x.seed);
  steps.push({ seq: 0, round: state.round, phase: state.phase, state });
  for (const c of x.commands) {
    const next = apply(r.scenario, state, c.envelope as CommandEnvelope);
    if (!next.ok) return { ok: false, errors: [`commands[${c.seq - 1}]: the engine refuses it (${next.code}: ${next.message})`] };
    const changed = next.state.phase !== state.phase || next.state.round !== state.round;
    state = next.state;
    if (changed) steps.push({ seq: c.seq, round: state.round, phase: state.phase, state });
  }
  return {
    ok: true, scenario: r.scenario, final: r.state, steps, commands: x.commands.length,
    data: debriefOf(x.matchId, r.state, r.events.flat(), { hideUnits: false }),
  };
}
