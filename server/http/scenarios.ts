import { Router } from 'express';
import type { ScenarioCatalog } from '../match/scenarios';
import { sendError } from './errors';

/** GET /api/scenarios and /api/scenarios/:id (secret objectives removed). */
export function scenarioRoutes(scenarios: ScenarioCatalog): Router {
  const r = Router();
  r.get('/scenarios', (_req, res) => {
    res.json(scenarios.summaries());
  });
  r.get('/scenarios/:id', (req, res) => {
    const s = scenarios.publicScenario(req.params.id);
    if (!s) return sendError(res, 404, 'scenario/unknown', `There is no scenario "${req.params.id}".`);
    res.json(s);
  });
  return r;
}
