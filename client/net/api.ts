import type { CreateMatch } from '../../shared/protocol';
import type { Scenario } from '../../shared/scenario/schema';
import type { MatchSettings } from '../../shared/settings';

/** The server's HTTP API (server/PROTOCOL.md). Errors come back as `{ code, message }`. */

export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

export interface ScenarioSummary {
  id: string;
  name: string;
  description: string;
  /** A count or a list, depending on the server; the page shows either. */
  states: number | { id: string; name: string }[];
  regions: number;
  rounds: number;
}

export interface SeatListing {
  state: string;
  name: string | null;
  controller: 'open' | 'human' | 'bot';
  connected: boolean;
}

export interface MatchListing {
  matchId: string;
  scenario: string;
  scenarioName: string;
  phase: string;
  round: number;
  rounds: number;
  seats: SeatListing[];
  freeSeats: number;
  phaseSeconds: MatchSettings['phaseSeconds'];
  press: MatchSettings['press'];
  fog: boolean;
}

export interface Created {
  matchId: string;
  code: string;
  hostKey: string;
}

/** A JSON request; a non-2xx answer becomes an ApiError with the server's code and sentence. */
export async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string };
    throw new ApiError(e.code ?? `http/${res.status}`, e.message ?? `The server answered ${res.status}.`, res.status);
  }
  return body as T;
}

const scenarioCache = new Map<string, Promise<Scenario>>();

export const api = {
  scenarios: () => call<ScenarioSummary[]>('/api/scenarios'),
  /**
   * The static board. The server sends it parsed (defaults filled, graph checked), so the client
   * takes it as it is and keeps zod out of the initial bundle.
   */
  scenario: (id: string): Promise<Scenario> => {
    let p = scenarioCache.get(id);
    if (!p) {
      p = call<Scenario>(`/api/scenarios/${encodeURIComponent(id)}`);
      p.catch(() => scenarioCache.delete(id));
      scenarioCache.set(id, p);
    }
    return p;
  },
  matches: () => call<MatchListing[]>('/api/matches'),
  create: (body: CreateMatch) => call<Created>('/api/matches', { method: 'POST', body: JSON.stringify(body) }),
  join: (code: string) => call<{ matchId: string }>(`/api/join/${encodeURIComponent(code.trim())}`),
  exportUrl: (matchId: string) => `/api/matches/${encodeURIComponent(matchId)}/export`,
  rules: async (): Promise<string | null> => {
    const res = await fetch('/help/rules.md');
    if (!res.ok) return null;
    const type = res.headers.get('content-type') ?? '';
    // A server that falls back to index.html for unknown paths is not serving the rules.
    if (type.includes('text/html')) return null;
    return res.text();
  },
};
