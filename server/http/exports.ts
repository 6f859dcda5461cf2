import { Router } from 'express';
import type { Request, Response } from 'express';
import { buildExport, historyCsv } from '../../shared/index';
import type { DebriefData } from '../../shared/debrief/data';
import { cutHistory, publicTreaties } from '../../shared/debrief/data';
import type { Logger } from '../log';
import type { Archived, MatchArchive } from '../exercise/matchArchive';
import { ArchiveError } from '../exercise/matchArchive';
import { sendError } from './errors';
import type { KeyDeps } from './facilitatorAuth';
import { checkKey, ipOf } from './facilitatorAuth';

export interface ExportRouteDeps extends KeyDeps {
  archive: MatchArchive;
  log: Logger;
}

type What = 'export' | 'csv' | 'debrief';

/**
 * The debrief and the exports (GAME.md §9):
 *  - GET /api/matches/:id/export      JSON: scenario, settings, seed, the whole command log, final hash
 *  - GET /api/matches/:id/export.csv  one row per state per round
 *  - GET /api/matches/:id/debrief     history, key moments, treaties, scores (the debrief page's data)
 *
 * Who may read them: anyone who knows the match id once the match has ended. Before the end only the
 * facilitator (key in X-Facilitator-Key), and only what the match lets the facilitator see: the JSON
 * (every private order and message) only if the facilitator sees everything; the CSV and the debrief
 * unless fog hides units the facilitator may not see (the debrief then leaves units out).
 */
export function exportRoutes(deps: ExportRouteDeps): Router {
  const r = Router();

  const serve = (what: What) => async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    const matchId = req.params.id;
    if (deps.guesses.blocked(ipOf(req))) return sendError(res, 429, 'rate/limited', 'Too many wrong keys from here; wait a minute.');
    const { check } = await checkKey(deps, req, matchId);
    if (check === 'wrong') return sendError(res, 403, 'auth/wrong-key', 'That facilitator key is not valid for this match.');
    let a: Archived;
    try {
      a = await deps.archive.load(matchId);
    } catch (e) {
      if (e instanceof ArchiveError) return sendError(res, e.code === 'match/unknown' ? 404 : 500, e.code, e.message);
      throw e;
    }
    const ended = a.state.phase === 'ended';
    const settings = a.state.settings;
    const facilitator = check === 'valid';
    const unitsSecret = settings.fog && !settings.facilitatorSeesAll;
    if (!ended) {
      if (!facilitator) return sendError(res, 403, 'export/not-yet', 'The match record opens to everyone when the match ends; until then only the facilitator may read it.');
      if (what === 'export' && !settings.facilitatorSeesAll) {
        return sendError(res, 403, 'export/not-yet', 'This match does not let the facilitator see everything: the full record (every private order and message) opens when the match ends.');
      }
      if (what === 'csv' && unitsSecret) {
        return sendError(res, 403, 'export/not-yet', 'Under fog the CSV would show units the facilitator may not see: it opens when the match ends.');
      }
    }
    const base = `entente-${a.record.id}`;
    res.set('cache-control', 'no-store');
    if (what === 'export') {
      res.set('content-disposition', `attachment; filename="${base}.json"`);
      res.json(buildExport(a.record.id, a.scenario, a.record.settings, a.record.seed, a.commands, a.state));
      return;
    }
    if (what === 'csv') {
      res.set('content-disposition', `attachment; filename="${base}.csv"`);
      res.type('text/csv').send(historyCsv(a.scenario, a.state.history));
      return;
    }
    const s = a.state;
    const data: DebriefData = {
      matchId: a.record.id, scenarioId: s.scenarioId, settings: s.settings, round: s.round, rounds: s.rounds, phase: s.phase, ended,
      history: cutHistory(s.history, !ended && unitsSecret), moments: a.moments, treaties: publicTreaties(s), scores: s.scores, winners: s.winners,
    };
    res.json(data);
  };

  const guard = (what: What) => (req: Request<{ id: string }>, res: Response, next: (e?: unknown) => void) => {
    serve(what)(req, res).catch((e: unknown) => {
      deps.log.error({ err: e, matchId: req.params.id, what }, 'export failed');
      next(e);
    });
  };
  r.get('/matches/:id/export.csv', guard('csv'));
  r.get('/matches/:id/export', guard('export'));
  r.get('/matches/:id/debrief', guard('debrief'));
  return r;
}
