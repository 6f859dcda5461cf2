import { nationRows, pactBurdens } from '../display/stats';
import { BurdenChart } from './BurdenChart';
import type { MatchController } from './controller';

/** Output, credibility, public support per state; each pact's cohesion and burden chart; own objectives. */
export function StatePanel({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const rows = nationRows(scenario, view);
  const pacts = pactBurdens(scenario, view);
  return (
    <div class="state-panel">
      <section class="block" aria-labelledby="h-states">
        <h3 id="h-states">States</h3>
        <table class="states">
          <thead><tr><th scope="col">State</th><th scope="col" title="Output">Output</th><th scope="col" title="Credibility (0–100)">Cred.</th><th scope="col" title="Public support (0–100)">Support</th><th scope="col" title="Defense share revealed last round">Def.</th><th scope="col">Units</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} class={r.mine ? 'mine' : ''}>
                <th scope="row"><span class="chip" style={{ background: r.color, color: r.color === '#000000' ? '#fff' : undefined }}>{r.initials}</span> {r.name}{r.role === 'revisionist' ? <span class="muted small"> (rev.)</span> : null}</th>
                <td>{r.output}</td>
                <td><meter min={0} max={100} low={40} high={70} optimum={100} value={r.credibility} aria-label={`credibility ${r.credibility.toFixed(0)}`} /> {r.credibility.toFixed(0)}</td>
                <td>{r.publicSupport.toFixed(0)}</td>
                <td>{r.defense === null ? '–' : `${r.defense}%`}</td>
                <td>{r.units === null ? '?' : r.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {pacts.map((p) => (
        <section class="block" key={p.treaty} aria-labelledby={`h-pact-${p.treaty}`}>
          <div class="row between">
            <h3 id={`h-pact-${p.treaty}`}>{p.name}</h3>
            <span class={`pill ${p.strained ? 'bad' : ''}`}>cohesion {p.cohesion.toFixed(0)}{p.strained ? ' · strained' : ''}</span>
          </div>
          <div class="cohesion-bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.cohesion} aria-label={`${p.name} cohesion`}><span style={{ width: `${p.cohesion}%` }} /></div>
          <BurdenChart pact={p} />
        </section>
      ))}
      {view.own && view.own.objectives.length > 0 && (
        <section class="block" aria-labelledby="h-obj">
          <h3 id="h-obj">Your objectives</h3>
          <ul class="plain">
            {view.own.objectives.map((o) => (
              <li key={o.id}>{o.met ? '✓' : '○'} {o.text ?? o.kind} <span class="muted small">({o.points} points{o.secret ? ', secret' : ', public'})</span></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
