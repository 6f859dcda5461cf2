import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PHASE_LABELS } from '../display/format';
import { reportLines } from '../display/report';
import { ago, localDeadline } from '../display/time';
import { store } from '../net/storage';
import { Modal } from './common';
import type { MatchController } from './controller';

/**
 * Long matches (GAME.md §7, phases of days): on return, what changed since the last visit; opt-in
 * browser notifications when a phase opens or is about to close (while a tab of the match is open:
 * there is no push server); deadlines in the viewer's own time zone.
 */

/** Remember where the match stood whenever this page shows it, so the next visit can tell what changed. */
function useVisitLog(ctrl: MatchController): { at: number; round: number; phase: string } | null {
  const previous = useMemo(() => store.lastVisit(ctrl.matchId), [ctrl.matchId]);
  const v = ctrl.view;
  useEffect(() => {
    if (!v) return undefined;
    const save = () => store.setLastVisit(ctrl.matchId, { at: Date.now(), round: v.round, phase: v.phase });
    save();
    addEventListener('pagehide', save);
    return () => removeEventListener('pagehide', save);
  }, [v?.round, v?.phase, v?.messages.length]);
  return previous;
}

export function SinceLastVisit({ ctrl }: { ctrl: MatchController }) {
  const previous = useVisitLog(ctrl);
  const [open, setOpen] = useState(true);
  const v = ctrl.view;
  const scenario = ctrl.scenario;
  if (!open || !previous || !v || !scenario || !ctrl.me) return null;
  const moved = previous.round !== v.round || previous.phase !== v.phase;
  const newMessages = v.messages.filter((m) => m.at > previous.at && m.from !== ctrl.me).length;
  // A reload a moment later is not a return.
  if ((!moved && newMessages === 0) || Date.now() - previous.at < 60_000) return null;
  const me = ctrl.me;
  const proposals = Object.values(v.treaties).filter((t) => t.status === 'proposed' && !t.accepted.includes(me) && t.proposer !== me).length;
  const crises = v.crises.filter((c) => c.ally === me && c.choice === null).length;
  const important = new Set(['war', 'diplomacy', 'politics', 'events', 'match']);
  const last = reportLines(scenario, v.lastReport, v).filter((g) => important.has(g.group)).flatMap((g) => g.lines).slice(0, 10);
  const phase = (p: string) => PHASE_LABELS[p as keyof typeof PHASE_LABELS] ?? p;
  return (
    <Modal title="Since your last visit" onClose={() => setOpen(false)}>
      <p>You were last here {ago(previous.at)}, in round {Math.max(1, previous.round)} ({phase(previous.phase)}).
        Now: <strong>round {Math.max(1, v.round)}, {phase(v.phase)}</strong>{v.deadline && !v.paused ? <>, until <strong>{localDeadline(v.deadline)}</strong> (your time)</> : v.paused ? ' (paused)' : ''}.</p>
      <ul>
        {newMessages > 0 && <li>{newMessages} new message{newMessages === 1 ? '' : 's'}.</li>}
        {proposals > 0 && <li>{proposals} treaty proposal{proposals === 1 ? '' : 's'} await{proposals === 1 ? 's' : ''} your answer.</li>}
        {crises > 0 && <li class="bad">A crisis calls on you: honor or abstain.</li>}
      </ul>
      {last.length > 0 && (
        <>
          <h3>The last round in brief</h3>
          <ul class="report-lines">{last.map((l, i) => <li key={i} class={`tone-${l.tone}`}>{l.text}</li>)}</ul>
        </>
      )}
      <div class="row end gap"><button class="primary" onClick={() => setOpen(false)}>Back to the match</button></div>
    </Modal>
  );
}

const canNotify = () => typeof Notification !== 'undefined';

/** Opt in or out of notifications for this browser. */
export function NotifyToggle() {
  const [on, setOn] = useState(store.notify() && canNotify() && Notification.permission === 'granted');
  if (!canNotify()) return null;
  const toggle = async () => {
    if (on) {
      store.setNotify(false);
      setOn(false);
      return;
    }
    const p = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    store.setNotify(p === 'granted');
    setOn(p === 'granted');
  };
  return (
    <button class="small ghost notify-toggle" aria-pressed={on} onClick={() => void toggle()} title="A browser notification when a phase opens or is about to close">
      {on ? 'Alerts on' : 'Alerts off'}
    </button>
  );
}

/** While the match page is open: tell the player when a phase opens, and shortly before it closes. */
export function usePhaseNotifications(ctrl: MatchController): void {
  const v = ctrl.view;
  const key = v ? `${v.round}/${v.phase}/${v.deadline ?? 'none'}/${v.paused}` : '';
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (!v || !ctrl.me || v.phase === 'setup') return undefined;
    const enabled = () => store.notify() && canNotify() && Notification.permission === 'granted';
    const phase = PHASE_LABELS[v.phase];
    const before = seen.current;
    const opened = before !== null && before.split('/').slice(0, 2).join('/') !== `${v.round}/${v.phase}`;
    seen.current = key;
    if (opened && enabled() && document.visibilityState !== 'visible') {
      new Notification(v.phase === 'ended' ? 'The match is over' : `Round ${v.round}: ${phase}`, {
        body: v.phase === 'ended' ? 'Final scores and the debrief are ready.' : v.deadline ? `Until ${localDeadline(v.deadline)}.` : '',
        tag: `entente-${ctrl.matchId}`,
      });
    }
    if (v.phase === 'ended' || v.paused || v.deadline === null) return undefined;
    // "About to close": a tenth of what is left, between one and thirty minutes before the deadline.
    const left = v.deadline - Date.now();
    const lead = Math.min(30 * 60_000, Math.max(60_000, left / 10));
    if (left <= lead + 5_000) return undefined;
    const timer = setTimeout(() => {
      const now = ctrl.view;
      if (!enabled() || !now || !ctrl.me || now.seats[ctrl.me]?.ready) return;
      new Notification(`${phase} closes soon`, { body: `Round ${v.round}: until ${localDeadline(v.deadline!)}.`, tag: `entente-${ctrl.matchId}-closing` });
    }, left - lead);
    return () => clearTimeout(timer);
  }, [key, ctrl.me]);
}
