import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * The built client at `/`; unknown non-API paths get index.html (client-side routes such as /join/CODE).
 * Raw scenario files are not served even if the build copied them: they hold secret objectives.
 * The board comes from GET /api/scenarios/:id, which removes them.
 */
export function staticClientRoutes(dir: string): Router | null {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const r = Router();
  r.use('/scenarios', (_req, res) => {
    res.status(404).json({ code: 'http/not-found', message: 'Scenarios are served by /api/scenarios.' });
  });
  r.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
  r.get(/^\/(?!api\/|health$|matchmake\/).*/, (_req, res) => res.sendFile(index));
  return r;
}
