import { Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

/**
 * A worker thread that runs `body(workerData, parentPort, require(workerData.sqlite))` from the
 * function's own source text. A .ts worker file would not load under vitest or the esbuild bundle
 * the kill test runs, so each body must be self-contained: type imports only, no module-level
 * names; what it needs comes in as arguments. `__name` is for tsx, which compiles with esbuild's
 * keepNames and so calls a helper of that name inside the function.
 */
export function functionThread<D extends { sqlite: string }>(
  // `never`: each body types the module it is given (better-sqlite3's export) as it needs.
  body: (data: D, port: MessagePort, sqlite: never) => void,
  data: D,
  name: string,
): Worker {
  const source = `'use strict';
var __name = (fn) => fn;
const { workerData, parentPort } = require('node:worker_threads');
(${body.toString()})(workerData, parentPort, require(workerData.sqlite));
`;
  return new Worker(source, { eval: true, workerData: data, name });
}
