import type { StudentStatus } from '../../../shared/debrief/classroom';
import { TEAM_ROLE_LABELS } from '../../../shared/debrief/roles';
import { store } from '../../net/storage';
import { go } from '../Home';
import { useStudentStatus } from './useStudentStatus';

export function roleLine(s: Pick<StudentStatus, 'role' | 'mayOrder'>): string {
  const role = s.role ? TEAM_ROLE_LABELS[s.role] : 'no particular role';
  return `${role}${s.mayOrder ? '' : ' — your role does not give orders: agree with your team, and a teammate whose role does gives them'}`;
}

/** In the match: who the student is in their team, and back to waiting if the facilitator unseats them. */
export function StudentBanner({ matchId }: { matchId: string }) {
  const back = () => go(`#/student/${matchId}`);
  const me = useStudentStatus(matchId, store.studentToken(matchId), 5000, (s) => { if (s.state === null) back(); }, back);
  if (!me) return null;
  return <div class="student-banner" role="note">{me.name} · {roleLine(me)}</div>;
}
