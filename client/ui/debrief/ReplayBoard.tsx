import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReplayStep } from '../../../shared/debrief/fold';
import type { Scenario } from '../../../shared/scenario/schema';
import { view } from '../../../shared/view';
import { PHASE_LABELS } from '../../display/format';
import { reportLines } from '../../display/report';
import { BoardHost } from '../BoardHost';
import { MatchController } from '../controller';
import { useCtrl } from '../hooks';

/**
 * The step-by-step replay on the board (GAME.md §9): one stop at the start of every phase, drawn by
 * the match's own board scene from an all-seeing view of the replayed state. The report beside it is
 * the last resolution's, and plays on the board on demand.
 */
export function ReplayBoard({ matchId, scenario, steps }: { matchId: string; scenario: Scenario; steps: readonly ReplayStep[] }) {
  const ctrl = useMemo(() => new MatchController(`replay-${matchId}`), [matchId]);
  useCtrl(ctrl);
  const [at, setAt] = useState(steps.length - 1);
  const [playing, setPlaying] = useState(false);
  const step = steps[Math.min(at, steps.length - 1)]!;
  const v = useMemo(() => {
    // The record is the whole match: the replay sees everything, fog or not.
    const s = { ...step.state, settings: { ...step.state.settings, facilitatorSeesAll: true } };
    return view(scenario, s, { role: 'facilitator' });
  }, [step, scenario]);
  useEffect(() => {
    ctrl.scenario = scenario;
    ctrl.view = v;
    ctrl.changed();
  }, [v]);
  useEffect(() => {
    if (!playing) return undefined;
    if (at >= steps.length - 1) {
      setPlaying(false);
      return undefined;
    }
    const t = setTimeout(() => setAt((x) => Math.min(steps.length - 1, x + 1)), 1600);
    return () => clearTimeout(t);
  }, [playing, at]);
  const go = (i: number) => {
    setAt(Math.max(0, Math.min(steps.length - 1, i)));
  };
  const lines = reportLines(scenario, v.lastReport, v);
  // At the end the last report is this round's: show it once.
  const now = step.phase === 'ended' ? [] : reportLines(scenario, v.report, v);
  const lastRound = v.lastReport[0]?.round ?? 0;
  const where = step.phase === 'setup' ? 'Before the start' : step.phase === 'ended' ? 'The end' : `Round ${step.round} · ${PHASE_LABELS[step.phase]}`;
  return (
    <div class="replay">
      <div class="replay-controls row gap wrap" role="group" aria-label="Replay controls">
        <button onClick={() => go(0)} aria-label="First step">|◀ First</button>
        <button onClick={() => go(at - 1)} disabled={at === 0} aria-label="Previous step">◀ Back</button>
        <button class="primary" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>{playing ? '⏸ Pause' : '▶ Play'}</button>
        <button onClick={() => go(at + 1)} disabled={at >= steps.length - 1} aria-label="Next step">Next ▶</button>
        <button onClick={() => go(steps.length - 1)} aria-label="Last step">Last ▶|</button>
        <label class="grow replay-slider">
          <span class="sr-only">Step</span>
          <input type="range" min={0} max={steps.length - 1} value={at} onInput={(e) => go(Number(e.currentTarget.value))} aria-valuetext={where} />
        </label>
        <strong class="replay-where" aria-live="polite">{where}</strong>
        <span class="muted small">step {at + 1} of {steps.length}</span>
      </div>
      <div class="replay-body">
        <div class="replay-board">
          <BoardHost ctrl={ctrl} />
        </div>
        <aside class="replay-report" aria-label="Report of the last resolution">
          {now.length > 0 && (
            <>
              <h3>{`Round ${step.round} so far`}</h3>
              {now.map((g) => (
                <div key={g.group}>
                  <h4>{g.title}</h4>
                  <ul class="report-lines">{g.lines.map((l, i) => <li key={i} class={`tone-${l.tone}`}>{l.text}</li>)}</ul>
                </div>
              ))}
            </>
          )}
          <div class="row between">
            <h3>{lastRound >= 1 ? `Report of round ${lastRound}` : 'Before the first round'}</h3>
            {lastRound >= 1 && <button class="small" onClick={() => ctrl.replayReport()}>▶ Play on the board</button>}
          </div>
          {lines.map((g) => (
            <div key={g.group}>
              <h4>{g.title}</h4>
              <ul class="report-lines">{g.lines.map((l, i) => <li key={i} class={`tone-${l.tone}`}>{l.text}</li>)}</ul>
            </div>
          ))}
        </aside>
      </div>
    </div>
  );
}
