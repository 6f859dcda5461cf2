import type { ControlCommand } from '../../shared/commands';
import type { CreateExerciseInput, Dashboard, ExerciseInfo, SeatingAction, StudentStatus } from '../../shared/debrief/classroom';
import type { DebriefData } from '../../shared/debrief/data';
import type { MyMatch } from '../../shared/protocol';
import { ApiError, call } from './api';

/**
 * The classroom API (server/http/exercises.ts, server/http/exports.ts). The facilitator key travels
 * in a header, never in a URL; a student's own token likewise.
 */


const keyed = (key: string | null): Record<string, string> => (key ? { 'x-facilitator-key': key } : {});
const id = (s: string) => encodeURIComponent(s);

export interface CreatedExercise {
  matchId: string;
  code: string;
  facilitatorKey: string;
  joinPath: string;
  facilitatorPath: string;
}

export const classroomApi = {
  create: (body: CreateExerciseInput) => call<CreatedExercise>('/api/exercises', { method: 'POST', body: JSON.stringify(body) }),
  info: (code: string) => call<ExerciseInfo>(`/api/exercises/info/${id(code.trim())}`),
  arrive: (code: string, name: string) => call<{ matchId: string; participant: string; token: string }>('/api/exercises/arrive', { method: 'POST', body: JSON.stringify({ code, name }) }),
  me: (matchId: string, token: string) => call<StudentStatus>(`/api/exercises/${id(matchId)}/me`, { headers: { 'x-participant-token': token } }),
  dashboard: (matchId: string, key: string) => call<Dashboard>(`/api/exercises/${id(matchId)}/dashboard`, { headers: keyed(key) }),
  seat: (matchId: string, key: string, action: SeatingAction) => call<{ ok: true }>(`/api/exercises/${id(matchId)}/seating`, { method: 'POST', body: JSON.stringify(action), headers: keyed(key) }),
  control: (matchId: string, key: string, command: ControlCommand) => call<{ ok: true; logSeq: number }>(`/api/exercises/${id(matchId)}/control`, { method: 'POST', body: JSON.stringify({ command }), headers: keyed(key) }),
  /** The full record (JSON text), for the debrief's replay and for download. */
  exportText: async (matchId: string, key: string | null): Promise<string> => {
    const res = await fetch(`/api/matches/${id(matchId)}/export`, { headers: keyed(key) });
    const text = await res.text();
    if (!res.ok) {
      let e: { code?: string; message?: string } = {};
      try {
        e = JSON.parse(text) as typeof e;
      } catch {
        // not JSON
      }
      throw new ApiError(e.code ?? `http/${res.status}`, e.message ?? `The server answered ${res.status}.`, res.status);
    }
    return text;
  },
  csvText: async (matchId: string, key: string | null): Promise<string> => {
    const res = await fetch(`/api/matches/${id(matchId)}/export.csv`, { headers: keyed(key) });
    const text = await res.text();
    if (!res.ok) throw new ApiError(`http/${res.status}`, (JSON.parse(text || '{}') as { message?: string }).message ?? `The server answered ${res.status}.`, res.status);
    return text;
  },
  debrief: (matchId: string, key: string | null) => call<DebriefData>(`/api/matches/${id(matchId)}/debrief`, { headers: keyed(key) }),
  /** Where each of this browser's matches stands and what waits on the player (tokens in the body). */
  myMatches: (seats: { matchId: string; token: string; since?: number }[]) => call<MyMatch[]>('/api/me/matches', { method: 'POST', body: JSON.stringify({ seats }) }),
};

/** Offer text as a file download (a Blob link, so the key never appears in a URL). */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
