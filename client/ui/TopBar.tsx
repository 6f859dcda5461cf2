import type { Scenario } from '../../shared/scenario/schema';
import { formatCountdown, PHASE_HINTS, PHASE_LABELS } from '../display/format';
import { stateStyles } from '../display/palette';
import type { MatchController } from './controller';
import { localDeadline, shortDeadline } from '../display/time';
import { HelpButton } from './HelpPanel';
import { NotifyToggle } from './LongPlay';
import { useNow } from './hooks';

/** Always visible: phase and countdown, who is ready, the link, and the ready button. */

function ReadyRoster({ ctrl, scenario }: { ctrl: MatchController; scenario: Scenario }) {
  const view = ctrl.view!;
  const styles = stateStyles(scenario);
  return (
    <ul class="roster" aria-label="Seats and readiness">
      {scenario.states.map((s) => {
        const seat = view.seats[s.id];
        const room = ctrl.room?.seats[s.id];
        const st = styles.get(s.id)!;
        const ready = seat?.ready ?? false;
        const who = seat?.controller === 'bot' ? 'bot' : room?.name || (seat?.controller === 'open' ? 'open seat' : 'player');
        const online = seat?.controller === 'bot' || !!room?.connected;
        const label = `${s.name}: ${who}, ${ready ? 'ready' : 'not ready'}${seat?.controller === 'human' && !online ? ', offline' : ''}`;
        return (
          <li key={s.id} class={`roster-item ${ready ? 'ready' : ''} ${s.id === ctrl.me ? 'me' : ''}`} title={label} aria-label={label}>
            <span class={`chip pat-${st.pattern}`} style={{ background: st.color, color: st.ink }}>{st.initials}</span>
            <span class="roster-mark" aria-hidden="true">{ready ? '✓' : seat?.controller === 'human' && !online ? '⌁' : '…'}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The host's powers over the clock, for a browser that holds the host key. */
function HostMenu({ ctrl }: { ctrl: MatchController }) {
  const view = ctrl.view!;
  if (!ctrl.hostKey || view.phase === 'setup' || view.phase === 'ended') return null;
  const run = (c: Parameters<MatchController['hostControl']>[0]) => {
    ctrl.hostControl(c).catch((e: unknown) => ctrl.toast(e instanceof Error ? e.message : String(e), 'error'));
  };
  return (
    <details class="host-menu">
      <summary>Host</summary>
      <div class="host-items" role="menu">
        <button role="menuitem" onClick={() => run({ type: 'advancePhase' })}>End this phase now</button>
        <button role="menuitem" onClick={() => run({ type: 'extend', seconds: 60 })}>Add one minute</button>
        {view.paused ? <button role="menuitem" onClick={() => run({ type: 'resume' })}>Resume</button> : <button role="menuitem" onClick={() => run({ type: 'pause' })}>Pause</button>}
        <button role="menuitem" class="danger-ghost" onClick={() => { if (confirm('End the match now for everyone?')) run({ type: 'endMatch' }); }}>End the match</button>
      </div>
    </details>
  );
}

export function TopBar({ ctrl, onTour, onLeave }: { ctrl: MatchController; onTour: () => void; onLeave: () => void }) {
  const now = useNow(250);
  const view = ctrl.view!;
  const scenario = ctrl.scenario!;
  const me = ctrl.me;
  const deadline = view.deadline ?? ctrl.room?.deadline ?? null;
  const left = view.paused ? view.remaining : deadline === null ? null : deadline - now;
  const urgent = left !== null && left < 15_000 && !view.paused;
  const myReady = me ? view.seats[me]?.ready ?? false : false;
  const canReady = !!me && (view.phase === 'briefing' || view.phase === 'diplomacy' || view.phase === 'orders');
  const pending = ctrl.pendingCount;
  const st = me ? stateStyles(scenario).get(me) : undefined;
  return (
    <header class="topbar" role="banner">
      <div class="brand">
        <button class="ghost brand-btn" onClick={onLeave} title="Back to the lobby (your seat is kept)">Entente</button>
      </div>
      <div class="phase" data-tour="phase" aria-live="polite">
        <span class="round">Round {Math.max(1, view.round)} / {view.rounds}</span>
        <strong class="phase-name">{PHASE_LABELS[view.phase]}{view.paused ? ' (paused)' : ''}</strong>
        <span class={`countdown ${urgent ? 'urgent' : ''}`} role="timer" aria-label="Time left in this phase" title={deadline && !view.paused ? `Ends ${localDeadline(deadline)} (your time)` : ''}>{view.phase === 'setup' || view.phase === 'ended' ? '' : formatCountdown(left)}</span>
        {deadline && !view.paused && left !== null && left > 3_600_000 && view.phase !== 'ended' && <span class="muted small until" title={`${localDeadline(deadline)} (your time)`}>until {shortDeadline(deadline)}</span>}
      </div>
      <div class="phase-hint muted small">{PHASE_HINTS[view.phase]}</div>
      <ReadyRoster ctrl={ctrl} scenario={scenario} />
      <div class="topbar-right">
        {st && (
          <span class="you" title="The state you play">
            <span class={`chip pat-${st.pattern}`} style={{ background: st.color, color: st.ink }}>{st.initials}</span> {st.name}
          </span>
        )}
        {!me && <span class="you muted">{ctrl.seat?.role === 'facilitator' ? 'Facilitator' : 'Spectator'}</span>}
        <span class={`link link-${ctrl.link}`} role="status" aria-label={`Connection: ${ctrl.link}`}>
          <span aria-hidden="true">●</span> <span class="link-text">{ctrl.link === 'online' ? (pending ? `Saving ${pending}…` : 'Online · saved') : ctrl.link}</span>
        </span>
        {me && <NotifyToggle />}
        <HostMenu ctrl={ctrl} />
        <HelpButton onTour={onTour} />
        {canReady && (
          <button class={`ready-btn ${myReady ? 'is-ready' : 'primary'}`} data-tour="ready" aria-pressed={myReady}
            onClick={() => ctrl.send({ type: 'ready', ready: !myReady })}>
            {myReady ? '✓ Ready — waiting for others' : view.phase === 'orders' ? 'Ready: end my orders' : 'Ready'}
          </button>
        )}
      </div>
    </header>
  );
}
