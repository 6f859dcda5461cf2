/**
 * A small structural diff of JSON values, for sending a view's changes instead of the whole view.
 * Ops address values by key path; arrays are replaced whole unless only appended to.
 */
export type PatchOp =
  | { op: 'set'; path: (string | number)[]; value: unknown }
  | { op: 'del'; path: (string | number)[] }
  | { op: 'push'; path: (string | number)[]; values: unknown[] };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

/** Ops that turn `a` into `b`. */
export function diff(a: unknown, b: unknown, path: (string | number)[] = [], out: PatchOp[] = []): PatchOp[] {
  if (equal(a, b)) return out;
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ op: 'del', path: [...path, k] });
    for (const k of Object.keys(b)) {
      if (!(k in a)) out.push({ op: 'set', path: [...path, k], value: b[k] });
      else diff(a[k], b[k], [...path, k], out);
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && b.length > a.length && a.every((x, i) => equal(x, b[i]))) {
    out.push({ op: 'push', path, values: b.slice(a.length) });
    return out;
  }
  out.push({ op: 'set', path, value: b });
  return out;
}

/** Apply ops to a copy of `doc`; the input is not changed. */
export function patch<T>(doc: T, ops: readonly PatchOp[]): T {
  let root = structuredCloneJson(doc) as Json;
  for (const op of ops) {
    if (op.path.length === 0) {
      if (op.op === 'set') root = structuredCloneJson(op.value) as Json;
      else if (op.op === 'push' && Array.isArray(root)) root.push(...(structuredCloneJson(op.values) as Json[]));
      continue;
    }
    let parent: Json = root;
    for (const key of op.path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string] as Json;
    const last = op.path[op.path.length - 1]!;
    const container = parent as Record<string, Json>;
    if (op.op === 'set') container[last as string] = structuredCloneJson(op.value) as Json;
    else if (op.op === 'del') delete container[last as string];
    else (container[last as string] as Json[]).push(...(structuredCloneJson(op.values) as Json[]));
  }
  return root as T;
}

function structuredCloneJson(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}
