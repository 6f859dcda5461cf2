import { useEffect, useState } from 'preact/hooks';
import type { StudentStatus } from '../../../shared/debrief/classroom';
import { ApiError } from '../../net/api';
import { classroomApi } from '../../net/classroomApi';

/**
 * A student's status in their exercise, polled every `everyMs` while mounted. `onStatus` sees each answer (to move on
 * when the student is seated or unseated); `onGone` is called when the server no longer knows the student's token.
 */
export function useStudentStatus(
  matchId: string, token: string | null, everyMs: number,
  onStatus: (s: StudentStatus) => void, onGone: () => void,
): StudentStatus | null {
  const [me, setMe] = useState<StudentStatus | null>(null);
  useEffect(() => {
    if (!token) return undefined;
    let stop = false;
    const poll = async () => {
      try {
        const s = await classroomApi.me(matchId, token);
        if (stop) return;
        setMe(s);
        onStatus(s);
      } catch (e) {
        if (!stop && e instanceof ApiError && e.status === 401) onGone();
      }
    };
    void poll();
    const t = setInterval(() => void poll(), everyMs);
    return () => {
      stop = true;
      clearInterval(t);
    };
    // The callbacks are the caller's reactions, not inputs: restarting the poll for each new closure would only add requests.
  }, [matchId, token, everyMs]);
  return me;
}
