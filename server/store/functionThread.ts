import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

/** Absolute path of better-sqlite3's entry, resolved here: the thread cannot resolve it from eval'd source. */
const SQLITE = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * A worker thread that runs `body(data, parentPort, require('better-sqlite3'))` from the function's own
 * source text. A .ts worker file would not load under vitest or the esbuild bundle the kill test
 * runs, so each body must be self-contained: type imports only, no module-level names; what it
 * needs comes in as arguments. `__name` is for tsx, which compiles with esbuild's keepNames and so
 * calls a helper of that name inside the function.
 */
export function functionThread<D>(
  // `never`: each body types the module it is given (better-sqlite3's export) as it needs.
  body: (data: D, port: MessagePort, sqlite: never) => void,
  data: D,
  name: string,
): Worker {
  const source = `'use strict';
var __name = (fn) => fn;
const { workerData, parentPort } = require('node:worker_threads');
(${body.toString()})(workerData.data, parentPort, require(workerData.sqlite));
`;
  return new Worker(source, { eval: true, workerData: { data, sqlite: SQLITE }, name });
}
