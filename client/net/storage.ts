/**
 * What the browser keeps between visits: the name to play under, a seat token per match
 * (key `entente.seat.<matchId>`, as PROTOCOL.md says), the host key of matches one created,
 * the last command sequence per match, and which tips were seen.
 */

function get(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function set(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Private browsing without storage: the seat lasts as long as the page.
  }
}

export const store = {
  name: (): string => get('entente.name') ?? '',
  setName: (n: string) => set('entente.name', n.trim().slice(0, 32)),
  seatToken: (matchId: string): string | null => get(`entente.seat.${matchId}`),
  setSeatToken: (matchId: string, token: string | null) => set(`entente.seat.${matchId}`, token),
  hostKey: (matchId: string): string | null => get(`entente.host.${matchId}`),
  setHostKey: (matchId: string, key: string) => set(`entente.host.${matchId}`, key),
  /** Join code of a private match, so a reload can rejoin. */
  code: (matchId: string): string | null => get(`entente.code.${matchId}`),
  setCode: (matchId: string, code: string) => set(`entente.code.${matchId}`, code),
  /** A student's own token in a class exercise (they are seated by the facilitator; it doubles as their seat token). */
  studentToken: (matchId: string): string | null => get(`entente.student.${matchId}`),
  setStudentToken: (matchId: string, token: string | null) => set(`entente.student.${matchId}`, token),
  /** When this browser last had the match open, and where the match stood (for "since your last visit"). */
  lastVisit: (matchId: string): { at: number; round: number; phase: string } | null => {
    try {
      const v = JSON.parse(get(`entente.visit.${matchId}`) ?? 'null') as { at: number; round: number; phase: string } | null;
      return v && typeof v.at === 'number' ? v : null;
    } catch {
      return null;
    }
  },
  setLastVisit: (matchId: string, v: { at: number; round: number; phase: string }) => set(`entente.visit.${matchId}`, JSON.stringify(v)),
  /** Browser notifications when a phase opens or is about to close: opted in, or not. */
  notify: (): boolean => get('entente.notify') === 'on',
  setNotify: (on: boolean) => set('entente.notify', on ? 'on' : null),
  lastSeq: (matchId: string): number => Number(get(`entente.seq.${matchId}`) ?? '0') || 0,
  setLastSeq: (matchId: string, seq: number) => set(`entente.seq.${matchId}`, String(seq)),
  tourDone: (): boolean => get('entente.tour') === 'done',
  setTourDone: () => set('entente.tour', 'done'),
  lastRead: (matchId: string): Record<string, number> => {
    try {
      return JSON.parse(get(`entente.read.${matchId}`) ?? '{}') as Record<string, number>;
    } catch {
      return {};
    }
  },
  setLastRead: (matchId: string, v: Record<string, number>) => set(`entente.read.${matchId}`, JSON.stringify(v)),
  /** Matches this browser holds a seat in, newest first. */
  myMatches: (): { matchId: string; label: string; at: number }[] => {
    try {
      return (JSON.parse(get('entente.matches') ?? '[]') as { matchId: string; label: string; at: number }[]).slice(0, 10);
    } catch {
      return [];
    }
  },
  rememberMatch: (matchId: string, label: string, at: number) => {
    const list = store.myMatches().filter((m) => m.matchId !== matchId);
    set('entente.matches', JSON.stringify([{ matchId, label, at }, ...list].slice(0, 10)));
  },
  forgetMatch: (matchId: string) => {
    set('entente.matches', JSON.stringify(store.myMatches().filter((m) => m.matchId !== matchId)));
    set(`entente.seat.${matchId}`, null);
  },
};
