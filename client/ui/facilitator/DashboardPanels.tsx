import type { Dashboard } from '../../../shared/debrief/classroom';
import { networkOf } from '../../../shared/debrief/series';
import type { Scenario } from '../../../shared/scenario/schema';
import { stateName } from '../../display/palette';
import { StateBadge } from '../common';
import { NetworkGraph } from '../debrief/NetworkGraph';

/**
 * The facilitator's live picture (GAME.md §7): each state's figures with defense share against the
 * guideline, pact cohesion, the alliance network, open crises and messages per channel (their text
 * only where the exercise lets the facilitator see everything).
 */

export function StatesTable({ scenario, dash }: { scenario: Scenario; dash: Dashboard }) {
  return (
    <section class="fac-card wide-card" aria-labelledby="h-states">
      <h2 id="h-states">States</h2>
      <table class="fac-table">
        <thead>
          <tr><th scope="col">State</th><th scope="col">Team</th><th scope="col">Ready</th><th scope="col">Output</th><th scope="col">Credibility</th><th scope="col">Public support</th><th scope="col">Defense / guideline</th><th scope="col">Units</th><th scope="col">Regions</th><th scope="col">Score</th></tr>
        </thead>
        <tbody>
          {dash.seats.map((s) => {
            const team = dash.participants.filter((p) => p.state === s.state);
            const below = s.defense !== null && s.guideline !== null && s.defense < s.guideline;
            return (
              <tr key={s.state}>
                <th scope="row"><StateBadge scenario={scenario} id={s.state} /></th>
                <td>{s.controller === 'bot' ? `bot${team.length ? ` for ${team.map((p) => p.name).join(', ')}` : ''}` : team.length ? team.map((p) => `${p.name}${p.connected ? ' ●' : ''}`).join(', ') : s.controller === 'open' ? 'open' : '—'}</td>
                <td>{s.ready ? '✓' : ''}</td>
                <td>{s.output}</td>
                <td>{s.credibility.toFixed(0)}</td>
                <td class={s.publicSupport < 35 ? 'bad' : ''}>{s.publicSupport.toFixed(0)}</td>
                <td class={below ? 'bad' : ''}>{s.defense === null ? '–' : `${s.defense}%`} / {s.guideline === null ? 'no pact' : `${s.guideline}%`}{below ? ' ▼ below' : ''}</td>
                <td>{s.units < 0 ? 'hidden' : s.units}</td>
                <td>{s.regions}</td>
                <td>{s.score === null ? '–' : s.score.toFixed(1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted small">Defense share is the one revealed at the last resolution. Units are hidden under fog unless you see everything.</p>
    </section>
  );
}

export function PactsAndNetwork({ scenario, dash }: { scenario: Scenario; dash: Dashboard }) {
  return (
    <section class="fac-card" aria-labelledby="h-pacts">
      <h2 id="h-pacts">Pacts and the alliance network</h2>
      {dash.pacts.length === 0 ? <p class="muted">No defense pact is in force.</p> : (
        <ul class="plain pacts">
          {dash.pacts.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> <span class="muted small">guideline {p.guideline}% · {p.members.map((m) => stateName(scenario, m)).join(', ')}</span>
              <div class="row gap">
                <div class="cohesion-bar grow" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(p.cohesion)} aria-label={`Cohesion of ${p.name}`}><span style={{ width: `${p.cohesion}%` }} /></div>
                <span>{p.cohesion.toFixed(0)}{p.strained ? ' · strained' : ''}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <NetworkGraph scenario={scenario} edges={networkOf(dash.treaties)} ink="#e6edf3" size={380} title="Alliance network now" />
    </section>
  );
}

function channelLabel(scenario: Scenario, dash: Dashboard, c: Dashboard['channels'][number]): string {
  if (c.channel === 'public') return 'Public channel';
  if (c.members === 'all') return c.channel;
  const treaty = /^treaty:(.+)$/.exec(c.channel);
  const pact = treaty ? dash.pacts.find((p) => p.id === treaty[1]) : undefined;
  const names = c.members.map((m) => stateName(scenario, m)).join(' · ');
  return pact ? `${pact.name} (${names})` : treaty ? `Treaty channel (${names})` : names;
}

export function CrisesAndChannels({ scenario, dash }: { scenario: Scenario; dash: Dashboard }) {
  return (
    <section class="fac-card" aria-labelledby="h-crises">
      <h2 id="h-crises">Crises and messages</h2>
      {dash.phase === 'crisis' || dash.crises.length > 0 ? (
        dash.crises.length > 0 ? (
          <ul class="plain">
            {dash.crises.map((c) => (
              <li key={c.id}>{c.attackers.map((a) => stateName(scenario, a)).join(' and ')} attack {scenario.regions.find((r) => r.id === c.region)?.name ?? c.region} ({stateName(scenario, c.defender)}): {stateName(scenario, c.ally)} {c.choice === null ? 'has not decided' : c.choice === 'honor' ? 'honors' : 'abstains'}</li>
            ))}
          </ul>
        ) : <p>{dash.openCrises} ally decision{dash.openCrises === 1 ? '' : 's'} pending (details are visible only to the parties in this exercise).</p>
      ) : <p class="muted">No open crisis.</p>}
      <h3>Messages per channel</h3>
      {dash.channels.length === 0 ? <p class="muted">No messages yet.</p> : (
        <ul class="plain channels-list">
          {dash.channels.map((c) => (
            <li key={c.channel}>
              <details>
                <summary><strong>{c.count}</strong> — {channelLabel(scenario, dash, c)}</summary>
                {c.texts === null ? <p class="muted small">Private: this exercise does not let the facilitator read it.</p> : (
                  <ul class="plain msg-texts">{c.texts.map((t, i) => <li key={i}><span class="muted small">{stateName(scenario, t.from)}:</span> {t.text}</li>)}</ul>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
