import { useState } from 'preact/hooks';
import { store } from '../net/storage';
import { StateBadge } from './common';
import type { MatchController } from './controller';

/** Before the start: who holds which seat, how to invite others, and the host's start button. */
export function Setup({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const code = store.code(ctrl.matchId);
  const link = `${location.origin}${location.pathname}#/m/${ctrl.matchId}`;
  const start = async () => {
    setBusy(true);
    setErr(null);
    try {
      await ctrl.hostControl({ type: 'start' });
    } catch (e) {
      setErr(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="block setup" aria-labelledby="h-setup">
      <h3 id="h-setup">Waiting for players</h3>
      <p class="small">{scenario.description}</p>
      <ul class="plain seats">
        {scenario.states.map((s) => {
          const room = ctrl.room?.seats[s.id];
          const seat = view.seats[s.id];
          return (
            <li key={s.id} class="row gap">
              <StateBadge scenario={scenario} id={s.id} />
              <span class="muted small">{s.role}</span>
              <span>{room?.name ? `${room.name}${room.connected ? ' ● online' : ' (away)'}` : seat?.controller === 'bot' ? 'bot' : view.settings.botsFill ? 'free — a bot plays it if nobody joins' : 'free'}</span>
            </li>
          );
        })}
      </ul>
      <div class="invite">
        <label class="field"><span>Invite link</span><input readOnly value={link} onFocus={(e) => e.currentTarget.select()} /></label>
        {code && <p>Join code: <strong class="code">{code}</strong></p>}
      </div>
      {ctrl.hostKey ? (
        <>
          {err && <p class="error" role="alert">{err}</p>}
          <button class="primary wide" disabled={busy} onClick={start}>{busy ? 'Starting…' : 'Start the match'}</button>
        </>
      ) : <p class="muted">The host starts the match.</p>}
      {view.settings.facilitatorSeesAll && <p class="warn small">In this match the facilitator sees everything, including your orders and private messages.</p>}
    </section>
  );
}
