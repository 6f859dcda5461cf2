import type { ErrorRequestHandler, Response } from 'express';

/** Errors are JSON `{ code, message }` with a 4xx/5xx status (server/PROTOCOL.md). */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ code, message });
}

/** Bodies that are not JSON, too large, or anything thrown: a JSON error, never an HTML page or a stack. */
export const jsonErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.too.large') return sendError(res, 413, 'http/too-large', 'The request body is too large.');
  if (e.type === 'entity.parse.failed') return sendError(res, 400, 'http/invalid-json', 'The request body is not valid JSON.');
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
  sendError(res, status, status === 500 ? 'server/error' : 'http/bad-request', status === 500 ? 'The server failed on this request.' : (e.message ?? 'Bad request.'));
};
