import { useEffect, useState } from 'preact/hooks';
import type { ExerciseInfo } from '../../../shared/debrief/classroom';
import { TEAM_ROLE_LABELS } from '../../../shared/debrief/roles';
import { classroomApi } from '../../net/classroomApi';
import { store } from '../../net/storage';
import { go } from '../Home';
import { useStudentStatus } from './useStudentStatus';
import './facilitator.css';

/**
 * A student in a class exercise (`#/student/<matchId>`): told what the exercise is and whether the
 * facilitator sees everything, they give a name and wait until the facilitator seats them; then the
 * match opens. Their own token is kept in this browser and doubles as their seat token.
 */

const PRESS: Record<string, string> = { full: 'all channels, public and private', public: 'the public channel only', none: 'no messages at all' };

function Arrive({ code, onArrived }: { code: string | null; onArrived: () => void }) {
  const [info, setInfo] = useState<ExerciseInfo | null>(null);
  const [name, setName] = useState(store.name());
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!code) return;
    classroomApi.info(code).then(setInfo, (e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, [code]);
  if (!code) return <div class="panel"><h1>Join your class</h1><p>Open the link your facilitator gave you, or enter the code on the home page.</p><button onClick={() => go('')}>Home</button></div>;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErr(null);
    try {
      const r = await classroomApi.arrive(code, name.trim());
      store.setName(name);
      store.setStudentToken(r.matchId, r.token);
      store.setSeatToken(r.matchId, r.token);
      store.setCode(r.matchId, code);
      onArrived();
    } catch (x) {
      setErr(x instanceof Error ? x.message : String(x));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-label="Join the class exercise">
      <h1>{info?.title ?? 'Class exercise'}</h1>
      {info && (
        <>
          <p>Scenario: <strong>{info.scenarioName}</strong>. Messages: {PRESS[info.press] ?? info.press}.{info.fog ? ' Fog of war: you see units only near your own regions.' : ''}</p>
          <p class={`note ${info.facilitatorSeesAll ? 'seesall' : ''}`} role="note">
            {info.facilitatorSeesAll
              ? 'Your facilitator sees everything in this exercise: every order and every private message.'
              : 'Your facilitator sees what a spectator sees: your orders and private messages stay with your team and the states you write to.'}
          </p>
          {info.orderRoles && <p class="muted small">In each team, orders come from: {info.orderRoles.map((r) => TEAM_ROLE_LABELS[r]).join(', ')}. Everyone may talk and negotiate.</p>}
          {info.phase === 'ended' && <p class="error">This exercise has ended.</p>}
        </>
      )}
      <label class="field"><span>Your name (your class sees it)</span><input value={name} maxLength={32} onInput={(e) => setName(e.currentTarget.value)} autoFocus autoComplete="nickname" /></label>
      {err && <p class="error" role="alert">{err}</p>}
      <button class="primary" type="submit" disabled={busy || !name.trim() || info?.phase === 'ended'}>{busy ? 'Joining…' : 'Join the class'}</button>
    </form>
  );
}

function Waiting({ matchId, token, onGone }: { matchId: string; token: string; onGone: (why: string) => void }) {
  const me = useStudentStatus(matchId, token, 2000, (s) => { if (s.state !== null) go(`#/m/${matchId}`); },
    () => onGone('The facilitator took you out of this exercise. You may join again with your name.'));
  return (
    <div class="panel" aria-live="polite">
      <h1>{me?.title ?? 'Class exercise'}</h1>
      <p>Hello <strong>{me?.name ?? store.name()}</strong>. Your facilitator will seat you at a state; this page opens the match by itself.</p>
      <p class="muted" role="status">Waiting for your seat…</p>
      {me && <p class={`note ${me.facilitatorSeesAll ? 'seesall' : ''}`}>{me.facilitatorSeesAll ? 'Your facilitator sees everything in this exercise, private messages included.' : 'Your facilitator does not see your private messages or orders.'}</p>}
    </div>
  );
}

export function StudentScreen({ matchId, code }: { matchId: string; code: string | null }) {
  const [token, setToken] = useState(store.studentToken(matchId));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div class="student-page">
      {notice && <p class="error" role="alert">{notice}</p>}
      {token
        ? <Waiting matchId={matchId} token={token} onGone={(why) => { store.setStudentToken(matchId, null); store.setSeatToken(matchId, null); setToken(null); setNotice(why); }} />
        : <Arrive code={code ?? store.code(matchId)} onArrived={() => setToken(store.studentToken(matchId))} />}
    </div>
  );
}
