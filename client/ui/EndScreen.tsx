import { useState } from 'preact/hooks';
import { api } from '../net/api';
import { StateBadge } from './common';
import { ScoreCells } from './ScoreCells';
import type { MatchController } from './controller';

/** Final scores and the way to the debrief. */
export function EndScreen({ ctrl, onHome }: { ctrl: MatchController; onHome: () => void }) {
  const [hidden, setHidden] = useState(false);
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  if (hidden) return <button class="end-reopen primary" onClick={() => setHidden(false)}>Final scores</button>;
  const rows = Object.entries(view.scores).sort(([, a], [, b]) => b.total - a.total);
  const won = ctrl.me !== null && view.winners.includes(ctrl.me);
  return (
    <div class="end-backdrop">
      <div class="end-card" role="dialog" aria-modal="true" aria-labelledby="end-title">
        <h2 id="end-title">{ctrl.me === null ? 'The match is over' : won ? 'You won!' : 'The match is over'}</h2>
        <p>Winner{view.winners.length === 1 ? '' : 's'}: {view.winners.map((w) => <StateBadge key={w} scenario={scenario} id={w} />)}</p>
        <table class="scores">
          <thead><tr><th scope="col">State</th><th scope="col">Security</th><th scope="col">Prosperity</th><th scope="col">Influence</th><th scope="col">Regions gained</th><th scope="col">Objectives</th><th scope="col">Peace</th><th scope="col">Total</th></tr></thead>
          <tbody>
            {rows.map(([id, s]) => (
              <tr key={id} class={id === ctrl.me ? 'mine' : ''}>
                <th scope="row"><StateBadge scenario={scenario} id={id} /></th>
                <ScoreCells score={s} />
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Debrief</h3>
        <p class="small">Look back at the last round’s report on the board, then talk it through: which promises were credible, who carried the burden, and what abstaining cost.</p>
        <div class="row gap wrap">
          <button class="primary" onClick={() => { setHidden(true); ctrl.setTab('report'); ctrl.replayReport(); }}>See the last round on the board</button>
          <button onClick={() => { setHidden(true); ctrl.setTab('state'); }}>Credibility, cohesion and burden</button>
          <a class="button primary" href={`#/debrief/${ctrl.matchId}`}>Open the debrief: charts, network, timeline, replay</a>
          <a class="button" href={api.exportUrl(ctrl.matchId)} download={`entente-${ctrl.matchId}.json`}>Download the match record (JSON)</a>
          <button onClick={onHome}>Back to the lobby</button>
        </div>
      </div>
    </div>
  );
}
