import { regionBrief } from '../../shared/legal';
import { heatColor, heatWord, stateName } from '../display/palette';
import { TREATY_STYLES } from '../display/boardModel';
import { StateBadge } from './common';
import type { MatchController } from './controller';

/** Hover or tap a region: owner, units, output, deterrence and who would be obliged to answer an attack. */
export function RegionCard({ ctrl }: { ctrl: MatchController }) {
  const { scenario, view, hover } = ctrl;
  if (!scenario || !view || !hover) return null;
  const b = regionBrief(scenario, view, hover.region);
  if (!b) return null;
  const theater = scenario.theaters.find((t) => t.id === b.theater)?.name ?? b.theater;
  const units = b.units ? Object.entries(b.units).filter(([, n]) => n > 0) : null;
  const left = Math.min(hover.x + 18, (document.querySelector('.board-wrap')?.clientWidth ?? 800) - 300);
  const top = Math.max(8, Math.min(hover.y + 18, (document.querySelector('.board-wrap')?.clientHeight ?? 600) - 280));
  const det = b.deterrence;
  return (
    <div class="region-card" style={{ left: `${Math.max(8, left)}px`, top: `${top}px` }} role="tooltip" aria-live="polite">
      <div class="rc-head">
        <strong>{b.name}</strong>
        <span class="muted small">{b.kind}{b.capital ? ' · capital' : b.home ? ' · home region' : ''} · {theater}</span>
      </div>
      <div class="rc-row"><span>Owner</span>{b.owner ? <StateBadge scenario={scenario} id={b.owner} /> : <span>nobody</span>}</div>
      <div class="rc-row"><span>Output</span><span>{b.output} a round</span></div>
      <div class="rc-row">
        <span>Units</span>
        {units === null ? <span class="muted">hidden by fog</span> : units.length === 0 ? <span class="muted">none</span> : (
          <span class="rc-units">{units.map(([s, n]) => <span key={s}><StateBadge scenario={scenario} id={s} full={false} /> {n}</span>)}</span>
        )}
      </div>
      {det ? (
        <div class="rc-det">
          <div class="rc-row">
            <span>Deterrence</span>
            <span><span class="heat" style={{ background: heatColor(det.index) }}>{det.index >= 10 ? '10+' : det.index.toFixed(2)}</span> {heatWord(det.index)}</span>
          </div>
          <div class="muted small">
            Expected defense {det.expectedDefense.toFixed(1)} against the strongest attack {det.strongestAttack.toFixed(1)}
            {det.threat ? ` (from ${stateName(scenario, det.threat)})` : ' (no foreign force nearby)'}.
          </div>
        </div>
      ) : b.owner ? <div class="muted small">Deterrence unknown: fog hides this region.</div> : null}
      {b.owner && (
        <div class="rc-row">
          <span>Obliged to answer an attack</span>
          {b.obliged.length === 0 ? <span class="muted">no ally</span> : (
            <span class="rc-units">{b.obliged.map((a) => <StateBadge key={a} scenario={scenario} id={a} />)}</span>
          )}
        </div>
      )}
      {ctrl.refusalText && <div class="refusal" role="alert">{ctrl.refusalText}</div>}
    </div>
  );
}

/** What the lines and shapes on the board mean. */
export function Legend() {
  return (
    <details class="legend">
      <summary>Legend</summary>
      <ul class="plain small">
        <li><span class="lg-shape hex" /> land · <span class="lg-shape circle" /> sea · <span class="lg-shape diamond" /> strait</li>
        <li>★ capital · white rim: home region · two letters and a pattern: the owner</li>
        <li>Chips: units by state · ? : hidden by fog</li>
        {Object.entries(TREATY_STYLES).map(([k, s]) => (
          <li key={k}>
            <svg width="44" height="10" aria-hidden="true"><line x1="2" y1="5" x2="42" y2="5" stroke={s.color} stroke-width={Math.min(5, s.width)} stroke-dasharray={s.dash ? `${s.dash[0] / 2} ${s.dash[1] / 2}` : undefined} /></svg>
            {' '}{s.label}{s.directed ? ' (arrow: who is bound)' : ''}
          </li>
        ))}
        <li>Arrows: <span style={{ color: '#ff5c39' }}>attack</span> · <span style={{ color: '#56b4e9' }}>support (dashed)</span> · move</li>
      </ul>
    </details>
  );
}
