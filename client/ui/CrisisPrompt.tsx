import { useEffect, useState } from 'preact/hooks';
import { boardOf } from '../../shared/board';
import { formatCountdown } from '../display/format';
import { stateName } from '../display/palette';
import { StateBadge } from './common';
import type { MatchController } from './controller';
import { useNow } from './hooks';

/** The obligated ally's prompt: the attack, eligible units, the credibility at stake; honor with N or abstain. */
export function CrisisPrompt({ ctrl }: { ctrl: MatchController }) {
  const now = useNow(250);
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const me = ctrl.me;
  const open = view.phase === 'crisis' ? view.crises.filter((c) => c.ally === me && c.choice === null) : [];
  const crisis = open[0];
  const [units, setUnits] = useState(crisis?.eligible ?? 1);
  useEffect(() => setUnits(crisis?.eligible ?? 1), [crisis?.id]);
  const defending = view.phase === 'crisis' ? view.crises.filter((c) => c.defender === me) : [];
  if (!crisis) {
    if (defending.length === 0) return null;
    return (
      <div class="crisis-banner" role="status">
        <strong>Crisis:</strong> you are under attack. {defending.map((c) => `${stateName(scenario, c.ally)}: ${c.choice === null ? 'deciding…' : c.choice === 'honor' ? 'honors' : 'abstains'}`).join(' · ')}
      </div>
    );
  }
  const b = boardOf(scenario);
  const region = b.region.get(crisis.region)?.name ?? crisis.region;
  const c = scenario.coefficients;
  const cred = view.nations[me!]!.credibility;
  const left = view.deadline === null ? null : view.deadline - now;
  const treaty = view.treaties[crisis.treatyId];
  const treatyName = treaty && (treaty.terms.kind === 'defense-pact' || treaty.terms.kind === 'forum') ? treaty.terms.name : crisis.obligation === 'guarantee' ? 'your guarantee' : 'your pact';
  return (
    <div class="crisis-backdrop">
      <div class="crisis" role="alertdialog" aria-modal="true" aria-labelledby="crisis-title" aria-describedby="crisis-desc">
        <div class="crisis-head">
          <h2 id="crisis-title">Crisis: {region} is attacked</h2>
          <span class="countdown urgent" role="timer">{formatCountdown(left)}</span>
        </div>
        <p id="crisis-desc">
          {crisis.attackers.map((a) => stateName(scenario, a)).join(' and ')} {crisis.attackers.length === 1 ? 'attacks' : 'attack'} <strong>{region}</strong>, held by <StateBadge scenario={scenario} id={crisis.defender} />, with <strong>{crisis.attackUnits}</strong> unit{crisis.attackUnits === 1 ? '' : 's'}.
          Under <strong>{treatyName}</strong> you are obliged to answer.
        </p>
        <dl class="preview">
          <div><dt>Your eligible units</dt><dd>{crisis.eligible} <span class="muted small">(in the theater or next to {region})</span></dd></div>
          <div><dt>Credibility now</dt><dd>{cred.toFixed(0)}</dd></div>
          <div><dt>If you honor</dt><dd class="good">+{c.credHonor} → {Math.min(100, cred + c.credHonor).toFixed(0)}</dd></div>
          <div><dt>If you abstain</dt><dd class="bad">−{c.credAbstain} → {Math.max(0, cred - c.credAbstain).toFixed(0)}</dd></div>
        </dl>
        <p class="muted small">Honoring commits units to the defense of {region} this round (nearest first); they may suffer losses. Abstaining is public and weakens the alliance’s cohesion.</p>
        <label class="row gap">
          <span>Commit</span>
          <input type="range" min={1} max={crisis.eligible} value={units} onInput={(e) => setUnits(Number(e.currentTarget.value))} aria-label="Units to commit" class="grow" />
          <strong class="units-count">{units}</strong>
        </label>
        <div class="row gap end">
          <button class="danger" onClick={() => ctrl.send({ type: 'crisisChoice', crisis: crisis.id, choice: 'abstain', units: 0 })}>Abstain</button>
          <button class="primary" onClick={() => ctrl.send({ type: 'crisisChoice', crisis: crisis.id, choice: 'honor', units })}>Honor with {units} unit{units === 1 ? '' : 's'}</button>
        </div>
        {open.length > 1 && <p class="muted small">{open.length - 1} more crisis{open.length > 2 ? 'es' : ''} after this one.</p>}
      </div>
    </div>
  );
}
