import { useEffect, useState } from 'preact/hooks';
import { PHASE_LABELS } from '../display/format';
import { localDeadline } from '../display/time';
import type { MyMatch } from '../../shared/protocol';
import { classroomApi } from '../net/classroomApi';
import { store } from '../net/storage';
import { go } from './Home';

/**
 * "Your matches" in the lobby (GAME.md §7, phases of days): every match this browser holds a seat in,
 * where it stands, until when (in the player's own time zone), and what waits on the player.
 */
export function MyMatches() {
  const [mine, setMine] = useState(store.myMatches());
  const [status, setStatus] = useState<Map<string, MyMatch>>(new Map());
  useEffect(() => {
    let stop = false;
    const poll = async () => {
      const seats = store.myMatches().flatMap((m) => {
        const token = store.seatToken(m.matchId);
        const since = store.lastVisit(m.matchId)?.at;
        return token ? [{ matchId: m.matchId, token, ...(since ? { since } : {}) }] : [];
      });
      if (seats.length === 0) return;
      try {
        const list = await classroomApi.myMatches(seats);
        if (!stop) setStatus(new Map(list.map((x) => [x.matchId, x])));
      } catch {
        // The list stays as it was; the next poll tries again.
      }
    };
    void poll();
    const t = setInterval(() => void poll(), 15_000);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, []);
  if (mine.length === 0) return null;
  return (
    <div class="resume">
      <h3>Your matches</h3>
      <ul class="plain my-matches">
        {mine.map((m) => {
          const s = status.get(m.matchId);
          const ended = s?.status === 'ended';
          const gone = s?.status === 'gone' || s?.status === 'refused';
          const where = s && s.phase && !gone
            ? `${s.scenarioName ?? ''} · ${s.phase === 'setup' ? 'not started' : ended ? 'ended' : `round ${s.round} of ${s.rounds} · ${PHASE_LABELS[s.phase as keyof typeof PHASE_LABELS] ?? s.phase}${s.paused ? ' (paused)' : ''}`}`
            : gone ? 'no longer on this server' : '';
          const until = s?.deadline && !ended && !s.paused ? `until ${localDeadline(s.deadline)}` : '';
          return (
            <li key={m.matchId} class="my-match">
              <div class="row gap wrap">
                <button class="small" onClick={() => go(ended ? `#/debrief/${m.matchId}` : `#/m/${m.matchId}`)}>{ended ? 'Debrief' : 'Resume'}</button>
                <span>as <strong>{m.label}</strong></span>
                <span class="muted small">{where}{until ? ` · ${until}` : ''}</span>
                <button class="small ghost" onClick={() => { store.forgetMatch(m.matchId); setMine(store.myMatches()); }} aria-label={`Forget match as ${m.label}`}>Forget</button>
              </div>
              {s && (s.waiting?.length || s.newMessages) ? (
                <div class="waiting-on small">
                  {s.waiting && s.waiting.length > 0 && <span class="warn">Waiting on you: {s.waiting.join('; ')}.</span>}
                  {s.newMessages ? <span> {s.newMessages} new message{s.newMessages === 1 ? '' : 's'} since your last visit.</span> : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
