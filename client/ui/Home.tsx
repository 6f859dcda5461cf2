import { useEffect, useState } from 'preact/hooks';
import type { CreateMatch } from '../../shared/protocol';
import type { MatchSettings } from '../../shared/settings';
import type { MatchListing, ScenarioSummary } from '../net/api';
import { api } from '../net/api';
import { store } from '../net/storage';
import { formatCountdown } from '../display/format';
import { HelpButton } from './HelpPanel';
import { MyMatches } from './MyMatches';

/** Home and lobby: a name, the live list of public matches, create, join by code, practice, resume. */

const PRESS_LABELS: Record<MatchSettings['press'], string> = { full: 'Full press', public: 'Public channel only', none: 'No press (gunboat)' };

function phaseLine(p: MatchSettings['phaseSeconds']): string {
  const f = (s: number) => formatCountdown(s * 1000);
  return `diplomacy ${f(p.diplomacy)} · orders ${f(p.orders)} · crisis ${f(p.crisis)}${p.briefing ? ` · briefing ${f(p.briefing)}` : ''}`;
}

export function go(hash: string): void {
  location.hash = hash;
}

function NameField({ name, setName }: { name: string; setName: (s: string) => void }) {
  return (
    <label class="field name-field">
      <span>Your name (shown to other players)</span>
      <input value={name} maxLength={32} placeholder="e.g. Ada" onInput={(e) => { const v = e.currentTarget.value; setName(v); store.setName(v); }} autoComplete="nickname" />
    </label>
  );
}

function MatchList({ matches, error, name }: { matches: MatchListing[] | null; error: string | null; name: string }) {
  if (error) return <p class="muted">Could not load the list of matches: {error}</p>;
  if (!matches) return <p class="muted">Loading matches…</p>;
  if (matches.length === 0) return <p class="muted">No public match is open right now. Create one, or practice against bots.</p>;
  return (
    <ul class="match-list" aria-label="Public matches">
      {matches.map((m) => (
        <li key={m.matchId} class="match-card">
          <div class="match-head">
            <strong>{m.scenarioName}</strong>
            <span class="pill">{m.phase === 'setup' ? 'Not started' : m.phase === 'ended' ? 'Ended' : `Round ${m.round} of ${m.rounds} · ${m.phase}`}</span>
          </div>
          <div class="muted small">{phaseLine(m.phaseSeconds)} · {PRESS_LABELS[m.press]}{m.fog ? ' · fog of war' : ''}</div>
          <ul class="seat-list">
            {m.seats.map((s) => (
              <li key={s.state} class={`seat ${s.name ? 'taken' : 'free'}`}>
                <span class="seat-state">{s.state}</span>
                <span class="muted small">{s.name ? `${s.name}${s.connected ? ' ●' : ''}` : s.controller === 'bot' ? 'bot (free)' : 'free'}</span>
                {!s.name && m.phase !== 'ended' && (
                  <button class="small" disabled={!name.trim()} title={name.trim() ? '' : 'Enter a name first'} onClick={() => go(`#/m/${m.matchId}?as=${s.state}`)}>Join</button>
                )}
              </li>
            ))}
          </ul>
          <div class="row gap">
            <button class="small" onClick={() => go(`#/m/${m.matchId}?watch=1`)}>Watch</button>
            <span class="muted small">{m.freeSeats} free seat{m.freeSeats === 1 ? '' : 's'}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

interface FormState {
  scenario: string;
  visibility: 'public' | 'private';
  briefing: number;
  diplomacy: number;
  orders: number;
  crisis: number;
  press: MatchSettings['press'];
  fog: boolean;
  combatVariance: boolean;
  spectators: boolean;
  botsFill: boolean;
  facilitatorSeesAll: boolean;
  absentSeats: MatchSettings['absentSeats'];
  rounds: string;
  seed: string;
  play: string;
}

function CreateForm({ scenarios, name }: { scenarios: ScenarioSummary[]; name: string }) {
  const [f, setF] = useState<FormState>({
    scenario: scenarios[0]?.id ?? 'tutorial', visibility: 'public', briefing: 15, diplomacy: 300, orders: 180, crisis: 60,
    press: 'full', fog: false, combatVariance: false, spectators: true, botsFill: true, facilitatorSeesAll: false, absentSeats: 'hold', rounds: '', seed: '', play: '',
  });
  const [states, setStates] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    api.scenario(f.scenario).then((s) => {
      setStates(s.states.map((x) => ({ id: x.id, name: `${x.name} (${x.role})` })));
      setF((o) => ({ ...o, play: s.states.some((x) => x.id === o.play) ? o.play : s.states[0]?.id ?? '' }));
    }).catch(() => setStates([]));
  }, [f.scenario]);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((o) => ({ ...o, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErr(null);
    try {
      const body: CreateMatch = {
        scenario: f.scenario, visibility: f.visibility, seed: f.seed.trim() || undefined,
        settings: {
          phaseSeconds: { briefing: f.briefing, diplomacy: f.diplomacy, orders: f.orders, crisis: f.crisis },
          press: f.press, fog: f.fog, combatVariance: f.combatVariance, spectators: f.spectators, botsFill: f.botsFill,
          facilitatorSeesAll: f.facilitatorSeesAll, absentSeats: f.absentSeats, rounds: f.rounds ? Number(f.rounds) : undefined,
        },
      };
      const r = await api.create(body);
      store.setHostKey(r.matchId, r.hostKey);
      store.setCode(r.matchId, r.code);
      go(f.play ? `#/m/${r.matchId}?as=${f.play}` : `#/m/${r.matchId}?watch=1`);
    } catch (x) {
      setErr(x instanceof Error ? x.message : String(x));
    } finally {
      setBusy(false);
    }
  };
  const num = (k: 'briefing' | 'diplomacy' | 'orders' | 'crisis', label: string, min: number) => (
    <label class="field small-field">
      <span>{label} (s)</span>
      <input type="number" min={min} max={604800} value={f[k]} onInput={(e) => set(k, Number(e.currentTarget.value))} />
    </label>
  );
  const check = (k: 'fog' | 'combatVariance' | 'spectators' | 'botsFill' | 'facilitatorSeesAll', label: string, hint: string) => (
    <label class="check">
      <input type="checkbox" checked={f[k]} onChange={(e) => set(k, e.currentTarget.checked)} />
      <span>{label} <span class="muted small">— {hint}</span></span>
    </label>
  );
  return (
    <form class="create-form" onSubmit={submit} aria-label="Create a match">
      <div class="grid2">
        <label class="field">
          <span>Scenario</span>
          <select aria-label="Scenario" value={f.scenario} onChange={(e) => set('scenario', e.currentTarget.value)}>
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name} — {typeof s.states === 'number' ? s.states : s.states.length} states, {s.rounds} rounds</option>)}
          </select>
        </label>
        <label class="field">
          <span>You play</span>
          <select aria-label="You play" value={f.play} onChange={(e) => set('play', e.currentTarget.value)}>
            {states.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            <option value="">Nobody: I only host and watch</option>
          </select>
        </label>
        <label class="field">
          <span>Who may join</span>
          <select aria-label="Who may join" value={f.visibility} onChange={(e) => set('visibility', e.currentTarget.value as FormState['visibility'])}>
            <option value="public">Public: listed in the lobby</option>
            <option value="private">Private: only with the join code or link</option>
          </select>
        </label>
        <label class="field">
          <span>Press</span>
          <select aria-label="Press" value={f.press} onChange={(e) => set('press', e.currentTarget.value as FormState['press'])}>
            {(['full', 'public', 'none'] as const).map((p) => <option key={p} value={p}>{PRESS_LABELS[p]}</option>)}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Phase lengths (30 s for a live class, up to 7 days)</legend>
        <div class="row gap wrap">
          {num('briefing', 'Briefing', 0)}{num('diplomacy', 'Diplomacy', 30)}{num('orders', 'Orders', 30)}{num('crisis', 'Crisis', 30)}
          <label class="field small-field">
            <span>Rounds</span>
            <input type="number" min={1} max={100} placeholder="scenario" value={f.rounds} onInput={(e) => set('rounds', e.currentTarget.value)} />
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Rules of the table</legend>
        {check('botsFill', 'Bots fill empty seats', 'on start')}
        {check('fog', 'Fog of war', 'see units only near your regions')}
        {check('combatVariance', 'Combat variance', 'seeded luck in battles')}
        {check('spectators', 'Allow spectators', 'anyone with the link may watch')}
        {check('facilitatorSeesAll', 'Facilitator sees everything', 'players are told so before they join')}
        <label class="field">
          <span>A seat whose player is away</span>
          <select aria-label="A seat whose player is away" value={f.absentSeats} onChange={(e) => set('absentSeats', e.currentTarget.value as FormState['absentSeats'])}>
            <option value="hold">keeps its last orders</option>
            <option value="bot">is played by its bot</option>
          </select>
        </label>
        <label class="field small-field">
          <span>Seed (optional)</span>
          <input value={f.seed} maxLength={64} onInput={(e) => set('seed', e.currentTarget.value)} />
        </label>
      </fieldset>
      {err && <p class="error" role="alert">{err}</p>}
      <button class="primary" type="submit" disabled={busy || (!!f.play && !name.trim())}>{busy ? 'Creating…' : f.play && !name.trim() ? 'Enter a name to create' : 'Create match'}</button>
    </form>
  );
}

function Practice({ scenarios, name }: { scenarios: ScenarioSummary[]; name: string }) {
  const [scenario, setScenario] = useState(scenarios[0]?.id ?? 'tutorial');
  const [states, setStates] = useState<{ id: string; name: string; blurb: string }[]>([]);
  const [play, setPlay] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    api.scenario(scenario).then((s) => {
      setStates(s.states.map((x) => ({ id: x.id, name: `${x.name} (${x.role})`, blurb: x.blurb })));
      setPlay(s.states[0]?.id ?? '');
    }).catch(() => setStates([]));
  }, [scenario]);
  const start = async () => {
    setBusy(true);
    setErr(null);
    try {
      const r = await api.create({
        scenario, visibility: 'private',
        settings: { phaseSeconds: { briefing: 0, diplomacy: 600, orders: 600, crisis: 120 }, press: 'full', fog: false, combatVariance: false, spectators: false, botsFill: true, facilitatorSeesAll: false, absentSeats: 'hold' },
      });
      store.setHostKey(r.matchId, r.hostKey);
      store.setCode(r.matchId, r.code);
      go(`#/m/${r.matchId}?as=${play}&start=1`);
    } catch (x) {
      setErr(x instanceof Error ? x.message : String(x));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="practice">
      <div class="grid2">
        <label class="field">
          <span>Scenario</span>
          <select aria-label="Scenario" value={scenario} onChange={(e) => setScenario(e.currentTarget.value)}>
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label class="field">
          <span>You play</span>
          <select aria-label="You play" value={play} onChange={(e) => setPlay(e.currentTarget.value)}>
            {states.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
      </div>
      <p class="muted small">{states.find((s) => s.id === play)?.blurb}</p>
      {err && <p class="error" role="alert">{err}</p>}
      <button class="primary" disabled={busy || !name.trim() || !play} onClick={start}>{!name.trim() ? 'Enter a name to practice' : busy ? 'Starting…' : 'Practice against bots'}</button>
    </div>
  );
}

function JoinByCode() {
  const [code, setCode] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    // The join link's page finds the match, and tells a class exercise from an ordinary private match.
    go(`#/join/${encodeURIComponent(code.trim())}`);
  };
  return (
    <form class="row gap" onSubmit={submit} aria-label="Join with a code">
      <label class="field grow">
        <span>Join code</span>
        <input value={code} maxLength={16} placeholder="8 characters" onInput={(e) => setCode(e.currentTarget.value)} autoCapitalize="characters" />
      </label>
      <button type="submit" disabled={code.trim().length < 4}>Join</button>
    </form>
  );
}

export function Home() {
  const [name, setName] = useState(store.name());
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [matches, setMatches] = useState<MatchListing[] | null>(null);
  const [listErr, setListErr] = useState<string | null>(null);
  useEffect(() => {
    api.scenarios().then((list) => setScenarios([...list].sort((a, b) => (a.id === 'tutorial' ? -1 : b.id === 'tutorial' ? 1 : a.name.localeCompare(b.name))))).catch((e: unknown) => setListErr(e instanceof Error ? e.message : String(e)));
    let stop = false;
    const poll = async () => {
      try {
        const m = await api.matches();
        if (!stop) {
          setMatches(m);
          setListErr(null);
        }
      } catch (e) {
        if (!stop) setListErr(e instanceof Error ? e.message : String(e));
      }
    };
    void poll();
    const id = setInterval(poll, 3000);
    return () => {
      stop = true;
      clearInterval(id);
    };
  }, []);
  return (
    <div class="home">
      <header class="home-head">
        <div>
          <h1>Entente</h1>
          <p class="tagline">Alliances, deterrence and burden-sharing — a diplomacy game for 2 to 12 states.</p>
        </div>
        <HelpButton />
      </header>
      <main class="home-grid">
        <section class="panel" aria-labelledby="h-you">
          <h2 id="h-you">Play</h2>
          <NameField name={name} setName={setName} />
          <MyMatches />
          <h3>Practice against bots</h3>
          {scenarios ? <Practice scenarios={scenarios} name={name} /> : <p class="muted">Loading scenarios…</p>}
          <h3>Join a private match or your class</h3>
          <JoinByCode />
          <h3>Teach with Entente</h3>
          <p class="muted small">Run a class exercise: students join with a code, you seat them in teams, run the clock and debrief on the projector.</p>
          <div class="row gap wrap">
            <button onClick={() => go('#/class')}>Run a class exercise</button>
            <button onClick={() => go('#/debrief')}>Open a match record (debrief)</button>
          </div>
        </section>
        <section class="panel" aria-labelledby="h-lobby">
          <h2 id="h-lobby">Open matches <span class="live-dot" aria-label="updated live">● live</span></h2>
          <MatchList matches={matches} error={listErr} name={name} />
        </section>
        <section class="panel" aria-labelledby="h-create">
          <h2 id="h-create">Create a match</h2>
          {scenarios ? <CreateForm scenarios={scenarios} name={name} /> : <p class="muted">Loading scenarios…</p>}
        </section>
      </main>
    </div>
  );
}
