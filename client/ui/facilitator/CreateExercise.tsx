import { useEffect, useState } from 'preact/hooks';
import type { TeamRole } from '../../../shared/debrief/roles';
import { TEAM_ROLE_LABELS, TEAM_ROLES } from '../../../shared/debrief/roles';
import type { MatchSettings } from '../../../shared/settings';
import type { ScenarioSummary } from '../../net/api';
import { api } from '../../net/api';
import { classroomApi } from '../../net/classroomApi';
import { store } from '../../net/storage';
import { go } from '../Home';
import './facilitator.css';

/**
 * A teacher creates a class exercise (GAME.md §7): scenario, phase lengths (a 45-minute lesson or a
 * week), fog, press, whether the facilitator sees everything (students are told before they join),
 * and which roles in a team give orders. The result is a join code for the class and a facilitator
 * link holding the secret key.
 */

interface Preset {
  label: string;
  briefing: number;
  diplomacy: number;
  orders: number;
  crisis: number;
  rounds: string;
}

const DAY = 86400;
const PRESETS: Record<string, Preset> = {
  lesson: { label: 'Live lesson (about 45 minutes)', briefing: 20, diplomacy: 240, orders: 150, crisis: 60, rounds: '5' },
  double: { label: 'Double period (about 90 minutes)', briefing: 30, diplomacy: 420, orders: 240, crisis: 90, rounds: '7' },
  week: { label: 'A week, one phase a day', briefing: 0, diplomacy: DAY, orders: DAY, crisis: DAY / 2, rounds: '3' },
  custom: { label: 'My own phase lengths', briefing: 15, diplomacy: 300, orders: 180, crisis: 60, rounds: '' },
};

export function CreateExercise() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [title, setTitle] = useState('Class exercise');
  const [scenario, setScenario] = useState('tutorial');
  const [preset, setPreset] = useState('lesson');
  const [phases, setPhases] = useState<Preset>(PRESETS.lesson!);
  const [press, setPress] = useState<MatchSettings['press']>('full');
  const [fog, setFog] = useState(false);
  const [seesAll, setSeesAll] = useState(true);
  const [botsFill, setBotsFill] = useState(true);
  const [absent, setAbsent] = useState<MatchSettings['absentSeats']>('bot');
  const [restrict, setRestrict] = useState(false);
  const [roles, setRoles] = useState<TeamRole[]>(['head', 'defense']);
  useEffect(() => {
    api.scenarios().then(setScenarios).catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, []);
  const pick = (p: string) => {
    setPreset(p);
    setPhases(PRESETS[p]!);
  };
  const num = (k: 'briefing' | 'diplomacy' | 'orders' | 'crisis', label: string, min: number) => (
    <label class="field small-field">
      <span>{label} (seconds)</span>
      <input type="number" min={min} max={604800} value={phases[k]} onInput={(e) => { setPreset('custom'); setPhases({ ...phases, [k]: Number(e.currentTarget.value) }); }} />
    </label>
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErr(null);
    try {
      const r = await classroomApi.create({
        scenario,
        settings: {
          phaseSeconds: { briefing: phases.briefing, diplomacy: phases.diplomacy, orders: phases.orders, crisis: phases.crisis },
          press, fog, combatVariance: false, spectators: false, botsFill, facilitatorSeesAll: seesAll, absentSeats: absent,
          rounds: phases.rounds ? Number(phases.rounds) : undefined,
        },
        exercise: { title: title.trim() || 'Class exercise', orderRoles: restrict ? roles : null },
      });
      store.setHostKey(r.matchId, r.facilitatorKey);
      store.setCode(r.matchId, r.code);
      go(`#/facilitate/${r.matchId}/${encodeURIComponent(r.facilitatorKey)}`);
    } catch (x) {
      setErr(x instanceof Error ? x.message : String(x));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="fac-page">
      <form class="panel create-exercise" onSubmit={submit} aria-label="Create a class exercise">
        <div class="row between">
          <h1>Run a class exercise</h1>
          <button type="button" class="ghost" onClick={() => go('')}>Back to the lobby</button>
        </div>
        <p class="muted">You get a join code for the class and a facilitator link. Students arrive with their names; you seat them at the states, several per state if you like, and run the match from your dashboard.</p>
        <div class="grid2">
          <label class="field"><span>Title (shown to the class)</span><input value={title} maxLength={80} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
          <label class="field">
            <span>Scenario</span>
            <select aria-label="Scenario" value={scenario} onChange={(e) => setScenario(e.currentTarget.value)}>
              {(scenarios ?? [{ id: 'tutorial', name: 'Tutorial', states: 4, rounds: 8, regions: 16, description: '' }]).map((s) => (
                <option key={s.id} value={s.id}>{s.name} — {typeof s.states === 'number' ? s.states : s.states.length} states</option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>Time</legend>
          <label class="field">
            <span>Pace</span>
            <select aria-label="Pace" value={preset} onChange={(e) => pick(e.currentTarget.value)}>
              {Object.entries(PRESETS).map(([k, p]) => <option key={k} value={k}>{p.label}</option>)}
            </select>
          </label>
          <div class="row gap wrap">
            {num('briefing', 'Briefing', 0)}{num('diplomacy', 'Diplomacy', 30)}{num('orders', 'Orders', 30)}{num('crisis', 'Crisis', 30)}
            <label class="field small-field">
              <span>Rounds</span>
              <input type="number" min={1} max={100} placeholder="scenario" value={phases.rounds} onInput={(e) => setPhases({ ...phases, rounds: e.currentTarget.value })} />
            </label>
          </div>
          <p class="muted small">You can pause, extend or end any phase from the dashboard.</p>
        </fieldset>
        <fieldset>
          <legend>Rules of the table</legend>
          <label class="field">
            <span>Press</span>
            <select aria-label="Press" value={press} onChange={(e) => setPress(e.currentTarget.value as MatchSettings['press'])}>
              <option value="full">Full press: public, private and treaty channels</option>
              <option value="public">Public channel only</option>
              <option value="none">No messages at all (gunboat)</option>
            </select>
          </label>
          <label class="check"><input type="checkbox" checked={fog} onChange={(e) => setFog(e.currentTarget.checked)} /><span>Fog of war <span class="muted small">— states see units only near their own regions</span></span></label>
          <label class="check"><input type="checkbox" checked={seesAll} onChange={(e) => setSeesAll(e.currentTarget.checked)} /><span>I see everything <span class="muted small">— every order and private message; students are told so before they join</span></span></label>
          <label class="check"><input type="checkbox" checked={botsFill} onChange={(e) => setBotsFill(e.currentTarget.checked)} /><span>Bots play the states nobody is seated at</span></label>
          <label class="field">
            <span>A team whose members are all away</span>
            <select aria-label="A team whose members are all away" value={absent} onChange={(e) => setAbsent(e.currentTarget.value as MatchSettings['absentSeats'])}>
              <option value="bot">is played by its bot until someone is back</option>
              <option value="hold">keeps its last orders</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>Teams</legend>
          <label class="check"><input type="checkbox" checked={restrict} onChange={(e) => setRestrict(e.currentTarget.checked)} /><span>Only some roles give orders <span class="muted small">— everyone talks and negotiates; budget, forces and crisis choices come from these roles</span></span></label>
          {restrict && (
            <div class="row gap wrap">
              {TEAM_ROLES.map((r) => (
                <label key={r} class="check inline">
                  <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.currentTarget.checked ? [...roles, r] : roles.filter((x) => x !== r))} />
                  <span>{TEAM_ROLE_LABELS[r]}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {err && <p class="error" role="alert">{err}</p>}
        <button class="primary" type="submit" disabled={busy || (restrict && roles.length === 0)}>{busy ? 'Creating…' : 'Create the exercise'}</button>
      </form>
    </div>
  );
}
