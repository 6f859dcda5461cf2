import type { Request, Response } from 'express';
import { secretMatches } from '../auth/seatTokens';
import type { GuessLimiter } from '../auth/guessLimiter';
import type { MatchService } from '../match/MatchService';
import type { MatchRecord, MatchStore } from '../store/MatchStore';
import { sendError } from './errors';

/**
 * The facilitator key on HTTP: `X-Facilitator-Key: <key>` (or `Authorization: Bearer <key>`), never in
 * the URL, so it stays out of access logs. A wrong key costs a try from the per-IP guessing budget,
 * like a wrong join code or seat token.
 */

export function presentedKey(req: Request): string | null {
  const h = req.get('x-facilitator-key');
  if (h) return h.trim();
  const auth = req.get('authorization');
  const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  return m ? m[1]! : null;
}

export function ipOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export interface KeyDeps {
  matches: MatchService;
  store: MatchStore;
  guesses: GuessLimiter;
}

export type KeyCheck = 'valid' | 'wrong' | 'absent';

/**
 * Check a presented key against the stored hash. The store is read every time: a key re-issued from
 * the command line (`npm run facilitator-key`) takes effect at once, and the running match's copy of
 * the hash (used by room joins) is brought up to date.
 */
export async function checkKey(deps: KeyDeps, req: Request, matchId: string): Promise<{ check: KeyCheck; record: MatchRecord | null }> {
  const stored = await deps.store.match(matchId);
  const live = deps.matches.get(matchId);
  if (stored && live && live.live.record.hostKeyHash !== stored.hostKeyHash) live.live.record.hostKeyHash = stored.hostKeyHash;
  const record = live?.live.record ?? stored;
  const key = presentedKey(req);
  if (key === null) return { check: 'absent', record };
  if (!record || key.length < 16 || key.length > 128 || !secretMatches(key, record.hostKeyHash)) {
    deps.guesses.fail(ipOf(req));
    return { check: 'wrong', record };
  }
  return { check: 'valid', record };
}

/**
 * For routes only a facilitator may use: answers 429/401/403 itself and returns null, or returns the
 * match record. An unknown match and a wrong key get the same answer, so keys cannot probe for ids.
 */
export async function requireFacilitator(deps: KeyDeps, req: Request, res: Response, matchId: string): Promise<MatchRecord | null> {
  if (deps.guesses.blocked(ipOf(req))) {
    sendError(res, 429, 'rate/limited', 'Too many wrong keys from here; wait a minute.');
    return null;
  }
  const { check, record } = await checkKey(deps, req, matchId);
  if (check === 'absent') {
    sendError(res, 401, 'auth/no-key', 'Only the facilitator may do that: send the facilitator key (X-Facilitator-Key).');
    return null;
  }
  if (check === 'wrong' || !record) {
    sendError(res, 403, 'auth/wrong-key', 'That facilitator key is not valid for this match.');
    return null;
  }
  return record;
}
