import { Router } from 'express';
import type { Request } from 'express';
import { CreateMatchSchema } from '../../shared/index';
import type { GuessLimiter } from '../auth/guessLimiter';
import type { Logger } from '../log';
import type { MatchService } from '../match/MatchService';
import { CreateMatchError } from '../match/MatchService';
import { sendError } from './errors';

export interface MatchRouteDeps {
  matches: MatchService;
  /** Wrong join codes per IP (shared with the match room's own checks). */
  guesses: GuessLimiter;
  /** Match creations per IP. */
  creations: GuessLimiter;
  log: Logger;
}

function ipOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** POST /api/matches, GET /api/matches, GET /api/join/:code. */
export function matchRoutes(deps: MatchRouteDeps): Router {
  const r = Router();

  r.post('/matches', (req, res, next) => {
    const ip = ipOf(req);
    if (deps.creations.blocked(ip)) return sendError(res, 429, 'rate/limited', 'Too many matches created from here; wait a minute.');
    const parsed = CreateMatchSchema.safeParse(req.body);
    if (!parsed.success) {
      const detail = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return sendError(res, 400, 'match/invalid', `The match settings are not valid: ${detail}`);
    }
    deps.creations.fail(ip);
    deps.matches.create(parsed.data).then(
      (created) => res.status(201).json(created),
      (e: unknown) => {
        if (e instanceof CreateMatchError) return sendError(res, 400, e.code, e.message);
        next(e);
      },
    );
  });

  r.get('/matches', (_req, res) => {
    res.json(deps.matches.listPublic());
  });

  r.get('/join/:code', (req, res) => {
    const ip = ipOf(req);
    if (deps.guesses.blocked(ip)) return sendError(res, 429, 'rate/limited', 'Too many wrong codes from here; wait a minute.');
    const entry = deps.matches.byCode(req.params.code);
    if (!entry) {
      deps.guesses.fail(ip);
      return sendError(res, 404, 'join/unknown-code', 'No match has that code. Check it with whoever gave it to you.');
    }
    res.json({ matchId: entry.live.id });
  });

  return r;
}
