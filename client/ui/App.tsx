import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../net/api';
import { classroomApi } from '../net/classroomApi';
import { store } from '../net/storage';
import { go, Home } from './Home';
import { useHash } from './hooks';
import { MatchScreen, parseMatchHash } from './MatchScreen';

/**
 * Routes by the URL hash: the home page, a match, a join link (#/join/<code>), and the classroom
 * pages — a new exercise (#/class), the facilitator's dashboard (#/facilitate/<id>/<key>), a
 * student's arrival (#/student/<id>) and the debrief (#/debrief/<id>, or #/debrief to open a file).
 * The classroom pages load on demand, so a player's first visit never waits for them.
 */

function JoinLink({ code }: { code: string }) {
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    // A class exercise first (its students wait to be seated), else an ordinary private match.
    classroomApi.info(code).then((info) => {
      store.setCode(info.matchId, code);
      go(`#/student/${info.matchId}?code=${encodeURIComponent(code)}`);
    }, (e: unknown) => {
      if (e instanceof ApiError && e.code !== 'exercise/none') throw e;
      return api.join(code).then(({ matchId }) => {
        store.setCode(matchId, code);
        go(`#/m/${matchId}?code=${encodeURIComponent(code)}`);
      });
    }).catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, [code]);
  return (
    <div class="loading" role="status">
      {err ? <><p class="error">{err}</p><button onClick={() => go('')}>Back to the lobby</button></> : 'Finding the match…'}
    </div>
  );
}

/** A page component loaded on demand, rendered with its props once it arrives. */
function Lazy<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [C, setC] = useState<ComponentType<P> | null>(null);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    load().then((c) => setC(() => c), (e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, []);
  if (err) return <div class="loading"><p class="error">This page could not load: {err}</p></div>;
  return C ? <C {...props} /> : <div class="loading" role="status">Loading…</div>;
}

const pages = {
  create: () => import('./facilitator/CreateExercise').then((m) => m.CreateExercise),
  facilitate: () => import('./facilitator/FacilitatorScreen').then((m) => m.FacilitatorScreen),
  student: () => import('./facilitator/StudentScreen').then((m) => m.StudentScreen),
  debrief: () => import('./debrief/DebriefScreen').then((m) => m.DebriefScreen),
};

export function App() {
  const hash = useHash();
  const join = /^#\/join\/([^?/]+)/.exec(hash);
  if (join) return <JoinLink code={decodeURIComponent(join[1]!)} />;
  if (/^#\/class\/?$/.test(hash)) return <Lazy key="create" load={pages.create} props={{}} />;
  const fac = /^#\/facilitate\/([^/?]+)(?:\/([^/?]+))?/.exec(hash);
  if (fac) return <Lazy key={`f-${fac[1]}`} load={pages.facilitate} props={{ matchId: decodeURIComponent(fac[1]!), keyInLink: fac[2] ? decodeURIComponent(fac[2]) : null }} />;
  const student = /^#\/student\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (student) {
    const q = new URLSearchParams(student[2] ?? '');
    return <Lazy key={`s-${student[1]}`} load={pages.student} props={{ matchId: decodeURIComponent(student[1]!), code: q.get('code') }} />;
  }
  const debrief = /^#\/debrief(?:\/([^/?]+))?\/?$/.exec(hash);
  if (debrief) return <Lazy key={`d-${debrief[1] ?? ''}`} load={pages.debrief} props={{ matchId: debrief[1] ? decodeURIComponent(debrief[1]) : null }} />;
  const match = parseMatchHash(hash);
  if (match) return <MatchScreen key={match.matchId} params={match} />;
  return <Home />;
}
