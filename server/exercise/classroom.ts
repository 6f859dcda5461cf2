import { matchMaker } from '@colyseus/core';
import { Router } from 'express';
import type { GuessLimiter } from '../auth/guessLimiter';
import { exerciseRoutes } from '../http/exercises';
import { exportRoutes } from '../http/exports';
import { myMatchesRoutes } from '../http/myMatches';
import type { Logger } from '../log';
import type { MatchService } from '../match/MatchService';
import type { ScenarioCatalog } from '../match/scenarios';
import type { MatchStore } from '../store/MatchStore';
import type { RoomFinder } from './ExerciseService';
import { ExerciseService } from './ExerciseService';
import { MatchArchive } from './matchArchive';

export interface ClassroomDeps {
  store: MatchStore;
  matches: MatchService;
  scenarios: ScenarioCatalog;
  log: Logger;
  /** Wrong codes, tokens and keys per IP (shared with the rooms and the other routes). */
  guesses: GuessLimiter;
  /** Match creations per IP (shared with POST /api/matches). */
  creations: GuessLimiter;
  now?: () => number;
}

/** The running room of a match in this process, if any. */
const localRoom: RoomFinder = (matchId) => {
  try {
    return matchMaker.getLocalRoomById(matchId) as ReturnType<RoomFinder>;
  } catch {
    return undefined;
  }
};

/**
 * Classroom exercises, the debrief and the exports, wired for startServer: the exercise service (also
 * given to match rooms), and the HTTP routes under /api.
 */
export function createClassroom(deps: ClassroomDeps): { exercises: ExerciseService; archive: MatchArchive; routes: Router } {
  const log = deps.log.child({ component: 'classroom' });
  const exercises = new ExerciseService({ store: deps.store.exercises, matches: deps.matches, log, findRoom: localRoom, now: deps.now });
  const archive = new MatchArchive({ store: deps.store, matches: deps.matches, scenarios: deps.scenarios });
  const keyDeps = { matches: deps.matches, store: deps.store, guesses: deps.guesses };
  const routes = Router();
  routes.use(exerciseRoutes({ ...keyDeps, exercises, creations: deps.creations, log }));
  routes.use(exportRoutes({ ...keyDeps, archive, log }));
  routes.use(myMatchesRoutes({ matches: deps.matches, exercises, guesses: deps.guesses }));
  return { exercises, archive, routes };
}
