import { useEffect, useRef, useState } from 'preact/hooks';
import type { ControlCommand } from '../../../shared/commands';
import type { Dashboard, SeatingAction } from '../../../shared/debrief/classroom';
import type { Scenario } from '../../../shared/scenario/schema';
import { formatCountdown, PHASE_LABELS } from '../../display/format';
import { api, ApiError } from '../../net/api';
import { classroomApi } from '../../net/classroomApi';
import { store } from '../../net/storage';
import { go } from '../Home';
import { useNow } from '../hooks';
import { CrisesAndChannels, PactsAndNetwork, StatesTable } from './DashboardPanels';
import { Seating } from './Seating';
import './facilitator.css';

/**
 * The facilitator's page (`#/facilitate/<matchId>/<key>`): the join code for the class, seating,
 * the controls (start, pause and resume, extend or end a phase, inject an event, broadcast, end the
 * match) and the live dashboard. The key in the link is the only thing that gives these powers; it
 * is kept in this browser and sent in a header, never in a URL the server sees.
 */

const CARD_LABELS: Record<string, string> = {
  'technology-shift': 'Technology shift', 'rising-competitor': 'Rising competitor', 'cyber-attack': 'Cyber attack', election: 'Election',
  'financial-shock': 'Financial shock', 'sea-lane-crisis': 'Sea-lane crisis', 'space-incident': 'Space incident', custom: 'Custom crisis (your text)',
};
const REGION_CARDS = new Set(['sea-lane-crisis']);
const NO_TARGET = new Set(['financial-shock']);

function Copy({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  return (
    <button class="small" onClick={() => { void navigator.clipboard?.writeText(text).then(() => { setDone(true); setTimeout(() => setDone(false), 1500); }, () => undefined); }}>{done ? '✓ Copied' : label}</button>
  );
}

function Controls({ dash, control, matchId }: { dash: Dashboard; control: (c: ControlCommand, done: string) => void; matchId: string }) {
  const running = dash.phase !== 'setup' && dash.phase !== 'ended';
  return (
    <div class="fac-controls row gap wrap" role="toolbar" aria-label="Match controls">
      {dash.phase === 'setup' && <button class="primary big" onClick={() => control({ type: 'start' }, 'The match started')}>▶ Start the match</button>}
      {running && (dash.paused
        ? <button class="primary" onClick={() => control({ type: 'resume' }, 'Resumed')}>▶ Resume</button>
        : <button onClick={() => control({ type: 'pause' }, 'Paused: the timers are frozen')}>❚❚ Pause</button>)}
      {running && <button onClick={() => control({ type: 'extend', seconds: 60 }, 'One more minute')}>+1 min</button>}
      {running && <button onClick={() => control({ type: 'extend', seconds: 300 }, 'Five more minutes')}>+5 min</button>}
      {running && <button onClick={() => control({ type: 'advancePhase' }, 'Phase ended')}>End this phase ▶|</button>}
      {running && <button class="danger-ghost" onClick={() => { if (confirm('End the match now for everyone? Final scores are computed and the debrief opens.')) control({ type: 'endMatch' }, 'The match ended'); }}>End the match</button>}
      <a class="button" href={`#/m/${matchId}?watch=1`} target="_blank" rel="noopener">Watch the board</a>
      <a class="button" href={`#/debrief/${matchId}`}>{dash.phase === 'ended' ? 'Open the debrief' : 'Debrief so far'}</a>
    </div>
  );
}

function Inject({ scenario, dash, control }: { scenario: Scenario; dash: Dashboard; control: (c: ControlCommand, done: string) => void }) {
  const [card, setCard] = useState('custom');
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [say, setSay] = useState('');
  const running = dash.phase !== 'setup' && dash.phase !== 'ended';
  const targets = REGION_CARDS.has(card) ? scenario.regions.filter((r) => r.kind !== 'land').map((r) => ({ id: r.id, name: r.name }))
    : NO_TARGET.has(card) ? [] : card === 'custom' ? [...scenario.states.map((s) => ({ id: s.id, name: s.name })), ...scenario.regions.map((r) => ({ id: r.id, name: r.name }))]
      : scenario.states.map((s) => ({ id: s.id, name: s.name }));
  const inject = (e: Event) => {
    e.preventDefault();
    const command = { type: 'injectEvent' as const, card: card as Extract<ControlCommand, { type: 'injectEvent' }>['card'], ...(target ? { target } : {}), ...(text.trim() ? { text: text.trim() } : {}) };
    control(command, `${CARD_LABELS[card] ?? card} injected`);
    setText('');
  };
  return (
    <section class="fac-card" aria-labelledby="h-events">
      <h2 id="h-events">Events and announcements</h2>
      <form onSubmit={inject} aria-label="Inject an event">
        <div class="row gap wrap">
          <label class="field">
            <span>Event</span>
            <select aria-label="Event card" value={card} onChange={(e) => { setCard(e.currentTarget.value); setTarget(''); }}>
              {dash.cards.map((c) => <option key={c} value={c}>{CARD_LABELS[c] ?? c}</option>)}
            </select>
          </label>
          {targets.length > 0 && (
            <label class="field">
              <span>Strikes</span>
              <select aria-label="Event target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                <option value="">{card === 'custom' ? 'nobody in particular' : 'the deck chooses'}</option>
                {targets.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </select>
            </label>
          )}
        </div>
        <label class="field">
          <span>{card === 'custom' ? 'What happens (everyone reads it)' : 'Your own wording (optional)'}</span>
          <input value={text} maxLength={500} placeholder={card === 'custom' ? 'e.g. A storm closes the northern straits for a year.' : ''} onInput={(e) => setText(e.currentTarget.value)} aria-label="Event text" />
        </label>
        <button type="submit" disabled={!running || (card === 'custom' && !text.trim())}>Inject the event</button>
        {!running && <span class="muted small"> Events can be injected while the match runs.</span>}
      </form>
      <form class="broadcast" aria-label="Broadcast to everyone" onSubmit={(e) => { e.preventDefault(); control({ type: 'broadcast', text: say.trim() }, 'Message sent to everyone'); setSay(''); }}>
        <label class="field">
          <span>Broadcast to every player</span>
          <input value={say} maxLength={1000} placeholder="e.g. Five minutes left in diplomacy." onInput={(e) => setSay(e.currentTarget.value)} aria-label="Broadcast text" />
        </label>
        <button type="submit" disabled={!say.trim()}>Send to everyone</button>
      </form>
    </section>
  );
}

export function FacilitatorScreen({ matchId, keyInLink }: { matchId: string; keyInLink: string | null }) {
  const key = keyInLink ?? store.hostKey(matchId);
  const [dash, setDash] = useState<Dashboard | null>(null);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; tone: 'good' | 'bad' } | null>(null);
  const offset = useRef(0);
  const now = useNow(500);
  useEffect(() => {
    if (keyInLink) store.setHostKey(matchId, keyInLink);
  }, [matchId, keyInLink]);
  const refresh = async () => {
    if (!key) return;
    try {
      const d = await classroomApi.dashboard(matchId, key);
      offset.current = d.now - Date.now();
      setDash(d);
      setError(null);
      if (!scenario) setScenario(await api.scenario(d.scenario));
    } catch (e) {
      setError(e instanceof ApiError && (e.code === 'auth/wrong-key' || e.code === 'auth/no-key')
        ? 'This facilitator link is not valid (the key may have been re-issued). Ask for a new link: npm run facilitator-key -- <match id or code>.'
        : e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    void refresh();
    const t = setInterval(() => void refresh(), 1500);
    return () => clearInterval(t);
  }, [matchId, key]);
  const act = (p: Promise<unknown>, done: string) => {
    setStatus(null);
    p.then(() => {
      setStatus({ text: `✓ ${done}`, tone: 'good' });
      void refresh();
    }, (e: unknown) => setStatus({ text: `✗ ${e instanceof Error ? e.message : String(e)}`, tone: 'bad' }));
  };
  const control = (c: ControlCommand, done: string) => act(classroomApi.control(matchId, key!, c), done);
  const seat = (a: SeatingAction, done: string) => act(classroomApi.seat(matchId, key!, a), done);
  if (!key) {
    return <div class="fac-page"><div class="panel narrow"><h1>No facilitator key</h1><p>Open the facilitator link you were given when the exercise was created.</p><button onClick={() => go('')}>Lobby</button></div></div>;
  }
  if (!dash || !scenario) {
    return <div class="fac-page"><p class="loading" role="status">{error ?? 'Opening the dashboard…'}</p></div>;
  }
  const joinUrl = `${location.origin}/#/join/${dash.code}`;
  const left = dash.paused ? dash.remaining : dash.deadline === null ? null : dash.deadline - (now + offset.current);
  return (
    <div class="fac-page">
      <header class="fac-head">
        <div class="fac-title">
          <h1>{dash.title}</h1>
          <p class="muted">{scenario.name} · {dash.facilitatorSeesAll ? 'you see everything (students were told)' : 'you see what a spectator sees'}{dash.config.orderRoles ? ` · orders from: ${dash.config.orderRoles.join(', ')}` : ''}</p>
        </div>
        <div class="join-box" aria-label="How students join">
          <div>Join code</div>
          <div class="big-code" data-testid="join-code">{dash.code}</div>
          <div class="small"><code>{joinUrl}</code> <Copy text={joinUrl} label="Copy link" /></div>
        </div>
        <div class="fac-phase" aria-live="polite">
          <div class="round">Round {Math.max(1, dash.round)} / {dash.rounds}</div>
          <div class="phase-name">{PHASE_LABELS[dash.phase as keyof typeof PHASE_LABELS] ?? dash.phase}{dash.paused ? ' — paused' : ''}</div>
          <div class="countdown big" role="timer">{dash.phase === 'setup' || dash.phase === 'ended' ? '' : formatCountdown(left)}</div>
        </div>
      </header>
      <Controls dash={dash} control={control} matchId={matchId} />
      <p class={`fac-status ${status?.tone ?? ''}`} role="status" aria-live="polite">{status?.text ?? ''}{error ? ` ${error}` : ''}</p>
      <div class="fac-grid">
        <Seating scenario={scenario} dash={dash} seat={seat} control={control} />
        <StatesTable scenario={scenario} dash={dash} />
        <Inject scenario={scenario} dash={dash} control={control} />
        <PactsAndNetwork scenario={scenario} dash={dash} />
        <CrisesAndChannels scenario={scenario} dash={dash} />
      </div>
      <p class="muted small fac-foot">Keep this page's link secret: it is the only thing that gives facilitator powers. Lost it? On the server: <code>npm run facilitator-key -- {dash.code}</code>.</p>
    </div>
  );
}
