import { reportLines } from '../display/report';
import type { MatchController } from './controller';

/** The round report as a readable list, grouped; the board animates the same events. */
export function ReportPanel({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const last = reportLines(scenario, view.lastReport, view);
  // At the end the last report is this round's: show it once.
  const now = view.phase === 'ended' ? [] : reportLines(scenario, view.report, view);
  const resolvedRound = view.phase === 'ended' ? view.round : view.round - 1;
  return (
    <div class="report-panel">
      {now.length > 0 && (
        <section class="block" aria-labelledby="h-now">
          <h3 id="h-now">This round so far</h3>
          {now.map((g) => (
            <div key={g.group} class="report-group">
              <h4>{g.title}</h4>
              <ul class="report-lines">{g.lines.map((l, i) => <li key={i} class={`tone-${l.tone}`}>{l.text}</li>)}</ul>
            </div>
          ))}
        </section>
      )}
      <section class="block" aria-labelledby="h-last">
        <div class="row between">
          <h3 id="h-last">{resolvedRound >= 1 ? `Round ${resolvedRound} report` : 'Round report'}</h3>
          {view.lastReport.length > 0 && <button class="small" onClick={() => ctrl.replayReport()}>▶ Replay on the board</button>}
        </div>
        {last.length === 0 ? <p class="muted">No round has been resolved yet. After the orders phase, what happened appears here and plays on the board.</p> : last.map((g) => (
          <div key={g.group} class="report-group">
            <h4>{g.title}</h4>
            <ul class="report-lines">{g.lines.map((l, i) => <li key={i} class={`tone-${l.tone}`}><span class="tone-icon" aria-hidden="true">{l.tone === 'good' ? '▲' : l.tone === 'bad' ? '▼' : '•'}</span> {l.text}</li>)}</ul>
          </div>
        ))}
      </section>
    </div>
  );
}
