import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { ArriveSchema, CreateExerciseSchema, FacilitatorControlSchema, SeatingActionSchema } from '../../shared/debrief/classroom';
import type { GuessLimiter } from '../auth/guessLimiter';
import { ExerciseError } from '../exercise/ExerciseService';
import type { ExerciseService } from '../exercise/ExerciseService';
import type { Logger } from '../log';
import { CreateMatchError } from '../match/MatchService';
import { sendError } from './errors';
import type { KeyDeps } from './facilitatorAuth';
import { ipOf, requireFacilitator } from './facilitatorAuth';

export interface ExerciseRouteDeps extends KeyDeps {
  exercises: ExerciseService;
  /** Creations per IP (shared with POST /api/matches). */
  creations: GuessLimiter;
  log: Logger;
}

function issues(e: z.ZodError): string {
  return e.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/**
 * Classroom exercises over HTTP (GAME.md §7; server/PROTOCOL.md "Classroom exercises"):
 *  - POST /api/exercises                 create → { matchId, code, facilitatorKey, joinPath, facilitatorPath }
 *  - GET  /api/exercises/info/:code      what a student is told before joining
 *  - POST /api/exercises/arrive          { code, name } → { matchId, participant, token }
 *  - GET  /api/exercises/:id/me          the student's seat (X-Participant-Token)
 *  - GET  /api/exercises/:id/dashboard   facilitator
 *  - POST /api/exercises/:id/seating     facilitator: assign / unassign / remove a student
 *  - POST /api/exercises/:id/control     facilitator: one engine control command (start, pause, inject…)
 */
export function exerciseRoutes(deps: ExerciseRouteDeps): Router {
  const r = Router();
  const fail = (res: Response, next: NextFunction) => (e: unknown) => {
    if (e instanceof ExerciseError) return sendError(res, e.status, e.code, e.message);
    if (e instanceof CreateMatchError) return sendError(res, 400, e.code, e.message);
    next(e);
  };

  r.post('/exercises', (req, res, next) => {
    const ip = ipOf(req);
    if (deps.creations.blocked(ip)) return sendError(res, 429, 'rate/limited', 'Too many matches created from here; wait a minute.');
    const parsed = CreateExerciseSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'exercise/invalid', `The exercise is not valid: ${issues(parsed.error)}`);
    deps.creations.fail(ip);
    deps.exercises.create(parsed.data).then((c) => {
      res.status(201).json({
        matchId: c.matchId, code: c.code, facilitatorKey: c.hostKey,
        joinPath: `/#/join/${c.code}`, facilitatorPath: `/#/facilitate/${c.matchId}/${c.hostKey}`,
      });
    }, fail(res, next));
  });

  r.get('/exercises/info/:code', (req, res) => {
    const ip = ipOf(req);
    if (deps.guesses.blocked(ip)) return sendError(res, 429, 'rate/limited', 'Too many wrong codes from here; wait a minute.');
    try {
      res.json(deps.exercises.info(req.params.code));
    } catch (e) {
      if (!(e instanceof ExerciseError)) throw e;
      if (e.code === 'join/unknown-code') deps.guesses.fail(ip);
      sendError(res, e.status, e.code, e.message);
    }
  });

  r.post('/exercises/arrive', (req, res, next) => {
    const ip = ipOf(req);
    if (deps.guesses.blocked(ip)) return sendError(res, 429, 'rate/limited', 'Too many wrong codes from here; wait a minute.');
    const parsed = ArriveSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'exercise/invalid', `Say who you are: ${issues(parsed.error)}`);
    deps.exercises.arrive(parsed.data.code, parsed.data.name).then((a) => res.status(201).json(a), (e: unknown) => {
      if (e instanceof ExerciseError && e.code === 'join/unknown-code') deps.guesses.fail(ip);
      fail(res, next)(e);
    });
  });

  r.get('/exercises/:id/me', (req, res) => {
    const ip = ipOf(req);
    if (deps.guesses.blocked(ip)) return sendError(res, 429, 'rate/limited', 'Too many wrong links from here; wait a minute.');
    const token = req.get('x-participant-token') ?? '';
    try {
      res.set('cache-control', 'no-store').json(deps.exercises.status(req.params.id, token));
    } catch (e) {
      if (!(e instanceof ExerciseError)) throw e;
      deps.guesses.fail(ip);
      sendError(res, e.status, e.code, e.message);
    }
  });

  r.get('/exercises/:id/dashboard', (req, res, next) => {
    requireFacilitator(deps, req, res, req.params.id).then((record) => {
      if (!record) return;
      res.set('cache-control', 'no-store').json(deps.exercises.dashboard(record.id, record.code));
    }).catch(fail(res, next));
  });

  r.post('/exercises/:id/seating', (req: Request<{ id: string }>, res, next) => {
    requireFacilitator(deps, req, res, req.params.id).then(async (record) => {
      if (!record) return;
      const parsed = SeatingActionSchema.safeParse(req.body);
      if (!parsed.success) return sendError(res, 400, 'exercise/invalid', `The seating action is not valid: ${issues(parsed.error)}`);
      await deps.exercises.seat(record.id, parsed.data);
      res.json({ ok: true });
    }).catch(fail(res, next));
  });

  r.post('/exercises/:id/control', (req: Request<{ id: string }>, res, next) => {
    requireFacilitator(deps, req, res, req.params.id).then(async (record) => {
      if (!record) return;
      const parsed = FacilitatorControlSchema.safeParse(req.body);
      if (!parsed.success) return sendError(res, 400, 'message/invalid', `The command is not valid: ${issues(parsed.error)}`);
      const result = await deps.exercises.control(record.id, parsed.data.command);
      if (!result.ok) return sendError(res, result.code.startsWith('server/') ? 503 : 409, result.code, result.message);
      res.json({ ok: true, logSeq: result.logSeq });
    }).catch(fail(res, next));
  });

  return r;
}
