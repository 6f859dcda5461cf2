import { Router } from 'express';
import type { MatchService } from '../match/MatchService';
import type { CommitQueue } from '../store/commitQueue';

/** GET /health: liveness, plus counters useful to an operator. */
export function healthRoutes(matches: MatchService, queue: CommitQueue, storeKind: string): Router {
  const r = Router();
  r.get('/health', (_req, res) => {
    res.json({ ok: true, store: storeKind, matches: matches.count(), commits: queue.stats });
  });
  return r;
}
