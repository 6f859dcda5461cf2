import { useEffect, useState } from 'preact/hooks';
import type { StudentStatus } from '../../../shared/debrief/classroom';
import { TEAM_ROLE_LABELS } from '../../../shared/debrief/roles';
import { ApiError } from '../../net/api';
import { classroomApi } from '../../net/classroomApi';
import { store } from '../../net/storage';
import { go } from '../Home';

export function roleLine(s: Pick<StudentStatus, 'role' | 'mayOrder'>): string {
  const role = s.role ? TEAM_ROLE_LABELS[s.role] : 'no particular role';
  return `${role}${s.mayOrder ? '' : ' — your role does not give orders: agree with your team, and a teammate whose role does gives them'}`;
}

/** In the match: who the student is in their team, and back to waiting if the facilitator unseats them. */
export function StudentBanner({ matchId }: { matchId: string }) {
  const [me, setMe] = useState<StudentStatus | null>(null);
  useEffect(() => {
    const token = store.studentToken(matchId);
    if (!token) return undefined;
    let stop = false;
    const poll = async () => {
      try {
        const s = await classroomApi.me(matchId, token);
        if (stop) return;
        setMe(s);
        if (s.state === null) go(`#/student/${matchId}`);
      } catch (e) {
        if (!stop && e instanceof ApiError && e.status === 401) go(`#/student/${matchId}`);
      }
    };
    void poll();
    const t = setInterval(() => void poll(), 5000);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, [matchId]);
  if (!me) return null;
  return <div class="student-banner" role="note">{me.name} · {roleLine(me)}</div>;
}
