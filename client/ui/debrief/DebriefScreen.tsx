import { useEffect, useState } from 'preact/hooks';
import type { DebriefData } from '../../../shared/debrief/data';
import type { ReplayStep } from '../../../shared/debrief/fold';
import { foldExport } from '../../../shared/debrief/fold';
import { networkAt, networkOf } from '../../../shared/debrief/series';
import { historyCsv } from '../../../shared/debrief/csv';
import type { GameState } from '../../../shared/state';
import type { Scenario } from '../../../shared/scenario/schema';
import { api, ApiError } from '../../net/api';
import { classroomApi, downloadText } from '../../net/classroomApi';
import { store } from '../../net/storage';
import { StateBadge } from '../common';
import { ScoreCells } from '../ScoreCells';
import { go } from '../Home';
import { DebriefCharts } from './DebriefCharts';
import { NetworkGraph } from './NetworkGraph';
import { ReplayBoard } from './ReplayBoard';
import { Timeline } from './Timeline';
import './debrief.css';

/**
 * The debrief (GAME.md §9), for a class on a projector and on paper: charts by round, the alliance
 * network per round, the timeline of key moments, final scores and a step-by-step replay on the board.
 * It reads a match record: from the server (players once the match has ended; the facilitator live),
 * or from a file someone saved. A record is replayed here with the engine itself, so what is shown is
 * exactly what happened; a tampered or malformed file is refused with what is wrong.
 */

interface Loaded {
  scenario: Scenario;
  data: DebriefData;
  /** The full record: replay steps, the final state and the JSON (absent in the facilitator's live, cut debrief). */
  full: { steps: ReplayStep[]; final: GameState; json: string; commands: number } | null;
  origin: 'server' | 'file';
  fileName?: string;
}

type Load = { status: 'loading' } | { status: 'ok'; loaded: Loaded } | { status: 'error'; title: string; errors: string[] };

function fromText(text: string, origin: 'server' | 'file', fileName?: string): Load {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { status: 'error', title: 'This file is not a match record', errors: [`It is not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const f = foldExport(json);
  if (!f.ok) return { status: 'error', title: 'This match record is refused', errors: f.errors };
  return { status: 'ok', loaded: { scenario: f.scenario, data: f.data, full: { steps: f.steps, final: f.final, json: text, commands: f.commands }, origin, fileName } };
}

async function fromServer(matchId: string): Promise<Load> {
  const key = store.hostKey(matchId);
  try {
    const text = await classroomApi.exportText(matchId, key);
    return fromText(text, 'server');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code !== 'export/not-yet') return { status: 'error', title: 'The debrief cannot open', errors: [e.message] };
    if (!key) return { status: 'error', title: 'The debrief opens when the match ends', errors: [e.message] };
    // The facilitator, live, in a match that does not show them everything: the cut debrief.
    const data = await classroomApi.debrief(matchId, key);
    const scenario = await api.scenario(data.scenarioId);
    return { status: 'ok', loaded: { scenario, data, full: null, origin: 'server' } };
  }
}

function FilePicker({ onText, label = 'Load a match record…' }: { onText: (text: string, name: string) => void; label?: string }) {
  return (
    <label class="button file-pick">
      {label}
      <input type="file" accept="application/json,.json" class="sr-only" aria-label="Match record file (JSON)"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void file.text().then((t) => onText(t, file.name));
          e.currentTarget.value = '';
        }} />
    </label>
  );
}

function Scores({ scenario, data }: { scenario: Scenario; data: DebriefData }) {
  const rows = Object.entries(data.scores).sort(([, a], [, b]) => b.total - a.total);
  if (rows.length === 0) return <p class="muted">No scores yet.</p>;
  return (
    <table class="scores debrief-scores">
      <thead><tr><th scope="col">State</th><th scope="col">Role</th><th scope="col">Security</th><th scope="col">Prosperity</th><th scope="col">Influence</th><th scope="col">Regions gained</th><th scope="col">Objectives</th><th scope="col">Peace</th><th scope="col">Total</th></tr></thead>
      <tbody>
        {rows.map(([id, s]) => (
          <tr key={id} class={data.winners.includes(id) && data.ended ? 'winner' : ''}>
            <th scope="row"><StateBadge scenario={scenario} id={id} />{data.winners.includes(id) && data.ended && <span class="win-mark"> ★ winner</span>}</th>
            <td>{scenario.states.find((x) => x.id === id)?.role ?? ''}</td>
            <ScoreCells score={s} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Network({ scenario, data }: { scenario: Scenario; data: DebriefData }) {
  const rounds = data.history.map((h) => h.round);
  const [at, setAt] = useState(rounds.length - 1);
  if (rounds.length === 0) {
    const now = networkOf(Object.values(data.treaties).filter((t) => t.status === 'active'));
    return <NetworkGraph scenario={scenario} edges={now} title="Alliance network now" />;
  }
  const round = rounds[Math.max(0, Math.min(at, rounds.length - 1))]!;
  return (
    <div class="network-box">
      <label class="network-slider">
        <span>Round <strong>{round}</strong> of {rounds[rounds.length - 1]}</span>
        <input type="range" min={0} max={rounds.length - 1} value={at} onInput={(e) => setAt(Number(e.currentTarget.value))} aria-label="Round of the alliance network" aria-valuetext={`Round ${round}`} />
      </label>
      <NetworkGraph scenario={scenario} edges={networkAt(data.history, round)} title={`Alliance network at the end of round ${round}`} size={480} />
    </div>
  );
}

export function DebriefView({ loaded, matchId, onFile }: { loaded: Loaded; matchId: string | null; onFile: (text: string, name: string) => void }) {
  const { scenario, data, full } = loaded;
  const key = matchId ? store.hostKey(matchId) : null;
  const [note, setNote] = useState<string | null>(null);
  const base = `entente-${data.matchId}`;
  const downloadCsv = async () => {
    setNote(null);
    try {
      if (full) downloadText(historyCsv(scenario, full.final.history), `${base}.csv`, 'text/csv');
      else if (matchId) downloadText(await classroomApi.csvText(matchId, key), `${base}.csv`, 'text/csv');
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    }
  };
  const s = data.settings;
  return (
    <div class="debrief" data-ready="true">
      <header class="debrief-head">
        <div>
          <h1>Debrief: {scenario.name}</h1>
          <p class="debrief-meta">
            {data.ended ? `Final — ended in round ${data.round} of ${data.rounds}` : `Live — round ${data.round} of ${data.rounds}, ${data.phase}`}
            {` · ${data.history.length} round${data.history.length === 1 ? '' : 's'} resolved`}
            {' · '}{s.press === 'full' ? 'full press' : s.press === 'public' ? 'public channel only' : 'no press'}{s.fog ? ' · fog of war' : ''}
            {' · '}match {data.matchId}{loaded.fileName ? ` · from ${loaded.fileName}` : ''}{full ? ` · ${full.commands} commands replayed` : ''}
          </p>
          {!full && <p class="note">Live view for the facilitator: units are left out where fog hides them, and the replay on the board opens when the match ends.</p>}
        </div>
        <div class="debrief-tools row gap wrap no-print">
          {full && <button onClick={() => downloadText(full.json, `${base}.json`, 'application/json')}>Download JSON</button>}
          {(full || !s.fog || s.facilitatorSeesAll) && <button onClick={() => void downloadCsv()}>Download CSV</button>}
          <FilePicker onText={onFile} />
          <button onClick={() => print()}>Print</button>
          <button class="ghost" onClick={() => go('')}>Lobby</button>
        </div>
      </header>
      {note && <p class="error" role="alert">{note}</p>}
      <section class="debrief-section" aria-labelledby="d-scores">
        <h2 id="d-scores">{data.ended ? 'Final scores' : 'Scores so far'}</h2>
        <Scores scenario={scenario} data={data} />
      </section>
      <section class="debrief-section" aria-labelledby="d-charts">
        <h2 id="d-charts">Round by round</h2>
        <DebriefCharts scenario={scenario} data={data} />
      </section>
      <section class="debrief-section two-col" aria-labelledby="d-network">
        <div>
          <h2 id="d-network">The alliance network</h2>
          <Network scenario={scenario} data={data} />
        </div>
        <div>
          <h2 id="d-timeline">Key moments</h2>
          <Timeline scenario={scenario} treaties={data.treaties} moments={data.moments} />
        </div>
      </section>
      {full && (
        <section class="debrief-section no-print" aria-labelledby="d-replay">
          <h2 id="d-replay">Step-by-step replay</h2>
          <ReplayBoard matchId={data.matchId} scenario={scenario} steps={full.steps} />
        </section>
      )}
    </div>
  );
}

/** `#/debrief/<matchId>` (from the server) or `#/debrief` (open a saved file). */
export function DebriefScreen({ matchId }: { matchId: string | null }) {
  const [load, setLoad] = useState<Load>(matchId ? { status: 'loading' } : { status: 'error', title: 'Open a match record', errors: [] });
  useEffect(() => {
    if (!matchId) return;
    setLoad({ status: 'loading' });
    fromServer(matchId).then(setLoad, (e: unknown) => setLoad({ status: 'error', title: 'The debrief cannot open', errors: [e instanceof Error ? e.message : String(e)] }));
  }, [matchId]);
  const onFile = (text: string, name: string) => setLoad(fromText(text, 'file', name));
  if (load.status === 'loading') return <div class="debrief-page"><p class="loading" role="status">Replaying the match…</p></div>;
  if (load.status === 'error') {
    return (
      <div class="debrief-page">
        <div class="debrief debrief-empty">
          <h1>{load.title}</h1>
          {load.errors.length > 0 && <ul class="errors" role="alert">{load.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>}
          <p>A match record is the JSON file downloaded from a debrief or from <code>/api/matches/&lt;id&gt;/export</code>. Loading it replays the whole match with the game's own rules.</p>
          <div class="row gap">
            <FilePicker onText={onFile} label="Choose a match record (JSON)…" />
            <button class="ghost" onClick={() => go('')}>Back to the lobby</button>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div class="debrief-page">
      <DebriefView loaded={load.loaded} matchId={matchId} onFile={onFile} />
    </div>
  );
}
