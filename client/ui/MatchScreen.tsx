import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { store } from '../net/storage';
import { BoardHost } from './BoardHost';
import type { Tab } from './controller';
import { MatchController } from './controller';
import { CrisisPrompt } from './CrisisPrompt';
import { DiplomacyPanel } from './DiplomacyPanel';
import { EndScreen } from './EndScreen';
import { go } from './Home';
import { useCtrl } from './hooks';
import { OrdersPanel } from './OrdersPanel';
import { Legend, RegionCard } from './RegionCard';
import { ReportPanel } from './ReportPanel';
import { Setup } from './Setup';
import { StudentBanner } from './facilitator/StudentBanner';
import { SinceLastVisit, usePhaseNotifications } from './LongPlay';
import { StatePanel } from './StatePanel';
import { TopBar } from './TopBar';
import { Tour } from './Tour';

/** One match: join (or take the seat back), then the board, the panels and the overlays. */

export interface MatchParams {
  matchId: string;
  as: string | null;
  watch: boolean;
  start: boolean;
  code: string | null;
}

export function parseMatchHash(hash: string): MatchParams | null {
  const m = /^#\/m\/([^?]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const q = new URLSearchParams(m[2] ?? '');
  return { matchId: decodeURIComponent(m[1]!), as: q.get('as'), watch: q.has('watch'), start: q.has('start'), code: q.get('code') };
}

function JoinForm({ ctrl, params, onJoined }: { ctrl: MatchController; params: MatchParams; onJoined: () => void }) {
  const [name, setName] = useState(store.name());
  const [busy, setBusy] = useState(false);
  const code = params.code ?? store.code(ctrl.matchId) ?? undefined;
  const join = async (spectator: boolean) => {
    setBusy(true);
    try {
      store.setName(name);
      await ctrl.join(spectator ? { spectator: true, code } : { name: name.trim(), state: params.as ?? undefined, code });
      onJoined();
    } catch {
      // The controller holds the error for display.
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="join-gate">
      <div class="panel narrow">
        <h1>Join the match</h1>
        {ctrl.joinError && <p class="error" role="alert">{ctrl.joinError}</p>}
        <label class="field"><span>Your name</span><input value={name} maxLength={32} onInput={(e) => setName(e.currentTarget.value)} autoFocus /></label>
        <p class="muted small">{params.as ? `You asked for the seat “${params.as}”.` : 'You will take the first free seat.'} The seat is kept in this browser: you can reload or come back later.</p>
        <div class="row gap">
          <button class="primary" disabled={busy || !name.trim()} onClick={() => join(false)}>Take a seat</button>
          <button disabled={busy} onClick={() => join(true)}>Watch as a spectator</button>
          <button class="ghost" onClick={() => go('')}>Back to the lobby</button>
        </div>
      </div>
    </div>
  );
}

const TABS: { id: Tab; label: string }[] = [
  { id: 'diplomacy', label: 'Diplomacy' },
  { id: 'orders', label: 'Orders' },
  { id: 'state', label: 'State' },
  { id: 'report', label: 'Report' },
];

function unreadTotal(ctrl: MatchController): number {
  const view = ctrl.view;
  if (!view || view.settings.press === 'none') return 0;
  const read = store.lastRead(ctrl.matchId);
  return view.messages.filter((m) => m.from !== ctrl.me && m.at > (read[m.channel] ?? 0)).length;
}

function Game({ ctrl, params }: { ctrl: MatchController; params: MatchParams }) {
  useCtrl(ctrl);
  const [tour, setTour] = useState(false);
  const started = useRef(false);
  usePhaseNotifications(ctrl);
  const view = ctrl.view;
  const scenario = ctrl.scenario;
  useEffect(() => {
    if (params.start && !started.current && view?.phase === 'setup' && ctrl.hostKey) {
      started.current = true;
      ctrl.hostControl({ type: 'start' }).catch((e: unknown) => ctrl.toast(e instanceof Error ? e.message : String(e), 'error'));
    }
    if (view && ctrl.me && view.phase !== 'setup' && view.phase !== 'ended' && !store.tourDone() && ctrl.boardReady && !tour) setTour(true);
  }, [view?.phase, ctrl.boardReady]);
  if (!view || !scenario) {
    return <div class="loading" role="status">{ctrl.link === 'offline' ? `Could not reach the match. ${ctrl.joinError ?? ''}` : 'Joining the match…'}</div>;
  }
  const toHome = () => go('');
  const tabHasNews = (t: Tab) => (t === 'diplomacy' ? unreadTotal(ctrl) + Object.values(view.treaties).filter((x) => x.status === 'proposed' && ctrl.me && !x.accepted.includes(ctrl.me)).length : 0);
  return (
    <div class={`match phase-${view.phase}`}>
      <TopBar ctrl={ctrl} onTour={() => setTour(true)} onLeave={toHome} />
      <div class="main">
        <BoardHost ctrl={ctrl}>
          <RegionCard ctrl={ctrl} />
          <Legend />
        </BoardHost>
        <aside class="side" aria-label="Panels">
          {view.phase === 'setup' ? <Setup ctrl={ctrl} /> : (
            <>
              <div class="tabs" role="tablist" aria-label="Panels">
                {TABS.map((t) => {
                  const news = tabHasNews(t.id);
                  return (
                    <button key={t.id} role="tab" id={`tab-${t.id}`} aria-selected={ctrl.tab === t.id} aria-controls={`panel-${t.id}`} class={`tab ${ctrl.tab === t.id ? 'on' : ''}`} data-tour={`tab-${t.id}`} onClick={() => ctrl.setTab(t.id)}>
                      {t.label}{news > 0 && <span class="badge" aria-label={`${news} new`}>{news}</span>}
                    </button>
                  );
                })}
              </div>
              <div key={ctrl.tab} class="tab-body" role="tabpanel" id={`panel-${ctrl.tab}`} aria-labelledby={`tab-${ctrl.tab}`}>
                {ctrl.tab === 'diplomacy' && <DiplomacyPanel ctrl={ctrl} />}
                {ctrl.tab === 'orders' && <OrdersPanel ctrl={ctrl} />}
                {ctrl.tab === 'state' && <StatePanel ctrl={ctrl} />}
                {ctrl.tab === 'report' && <ReportPanel ctrl={ctrl} />}
              </div>
            </>
          )}
        </aside>
      </div>
      {store.studentToken(ctrl.matchId) && <StudentBanner matchId={ctrl.matchId} />}
      {!tour && <SinceLastVisit ctrl={ctrl} />}
      <CrisisPrompt ctrl={ctrl} />
      {view.phase === 'ended' && <EndScreen ctrl={ctrl} onHome={toHome} />}
      {tour && <Tour onClose={() => setTour(false)} />}
      {ctrl.link === 'reconnecting' && (
        <div class="reconnecting" role="alertdialog" aria-modal="true" aria-labelledby="rc-title">
          <div class="panel narrow">
            <h2 id="rc-title">Reconnecting…</h2>
            <p>The link to the server dropped. Your seat and your saved orders are kept; this page rejoins by itself.</p>
            {ctrl.linkDetail && <p class="muted small">{ctrl.linkDetail}</p>}
          </div>
        </div>
      )}
      <div class="toasts" aria-live="assertive">
        {ctrl.toasts.map((t) => <div key={t.id} class={`toast ${t.tone}`}>{t.text}</div>)}
      </div>
    </div>
  );
}

export function MatchScreen({ params }: { params: MatchParams }) {
  const ctrl = useMemo(() => new MatchController(params.matchId), [params.matchId]);
  useCtrl(ctrl);
  const [needForm, setNeedForm] = useState(false);
  const [joined, setJoined] = useState(false);
  useEffect(() => {
    (globalThis as { entente?: unknown }).entente = ctrl;
    const token = store.seatToken(params.matchId);
    const code = params.code ?? store.code(params.matchId) ?? undefined;
    const name = store.name().trim();
    const attempt = async () => {
      if (token && !params.watch) {
        try {
          await ctrl.join({ seatToken: token });
          return setJoined(true);
        } catch {
          // A student of a class exercise waits to be seated (again) on the exercise page.
          if (store.studentToken(params.matchId)) return go(`#/student/${params.matchId}`);
          store.setSeatToken(params.matchId, null);
        }
      }
      if (params.watch) {
        try {
          await ctrl.join({ spectator: true, code });
          return setJoined(true);
        } catch {
          return setNeedForm(true);
        }
      }
      if (params.as && name) {
        try {
          await ctrl.join({ name, state: params.as, code });
          return setJoined(true);
        } catch {
          return setNeedForm(true);
        }
      }
      setNeedForm(true);
    };
    void attempt();
    return () => {
      void ctrl.leave();
    };
  }, [ctrl]);
  if (!joined) {
    if (needForm) return <JoinForm ctrl={ctrl} params={params} onJoined={() => setJoined(true)} />;
    return <div class="loading" role="status">Joining the match…</div>;
  }
  return <Game ctrl={ctrl} params={params} />;
}
