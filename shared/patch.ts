/**
 * A small structural diff of JSON values, for sending a view's changes instead of the whole view.
 *
 * Ops are short arrays, because they ride every patch frame and a `{ op, path, value }` object spends
 * more bytes on its keys than most changes weigh. A path is a list of keys (and array indexes).
 *   [0, path, value]    set: put `value` at `path` (the root when `path` is empty)
 *   [1, path]           delete: remove the object key, or the array element at that index
 *   [2, path, values]   push: append `values` to the array at `path`
 *   [3, from, path]     copy: put a copy of the value at `from` (as the document is when the op runs) at `path`
 * Ops apply in order. `copy` lets a value that moves inside the document (a round's report becoming
 * `lastReport`) travel by name instead of again in full: `diff` emits copies first, so they read the
 * document as the receiver holds it.
 */
export type Path = (string | number)[];

export type PatchOp =
  | [op: 0, path: Path, value: unknown]
  | [op: 1, path: Path]
  | [op: 2, path: Path, values: unknown[]]
  | [op: 3, from: Path, path: Path];

export const OP_SET = 0;
export const OP_DEL = 1;
export const OP_PUSH = 2;
export const OP_COPY = 3;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface DiffOptions {
  /**
   * Top-level keys whose value may reappear under another top-level key, as [from, to]: when the new
   * `to` starts with the old `from`, the patch copies it and appends the rest.
   */
  carry?: readonly (readonly [from: string, to: string])[];
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep equality of JSON values; shared (identical) subtrees are not walked. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (isObj(a) && isObj(b)) {
    let n = 0;
    for (const k in a) {
      if (!Object.hasOwn(a, k)) continue;
      n++;
      if (!Object.hasOwn(b, k) || !equal(a[k], b[k])) return false;
    }
    for (const k in b) if (Object.hasOwn(b, k)) n--;
    return n === 0;
  }
  return false;
}

/*
 * Byte estimates (msgpack-like) decide between patching inside a container and setting it whole:
 * when most of an object changed, one `set` of it is smaller than an op per key with its long path.
 */
const keyCost = (k: string | number): number => (typeof k === 'number' ? 1 : k.length + 1);

/** Estimated encoded size of `v`, or any number above `limit` once it is exceeded (so big values cost little to price). */
function sizeOf(v: unknown, limit: number): number {
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? (v >= 0 && v < 128 ? 1 : 5) : 9;
  if (typeof v === 'string') return v.length + 2;
  let n = 3;
  if (Array.isArray(v)) {
    for (const x of v) {
      n += sizeOf(x, limit - n);
      if (n > limit) return n;
    }
    return n;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    n += k.length + 1 + sizeOf(o[k], limit - n);
    if (n > limit) return n;
  }
  return n;
}

/** Diff state: ops and their estimated sizes, side by side. */
interface Out {
  ops: PatchOp[];
  costs: number[];
}

function emit(out: Out, op: PatchOp, cost: number): void {
  out.ops.push(op);
  out.costs.push(cost);
}

const MAX_ARRAY_DELETIONS = 4;

/**
 * Ops that turn `a` into `b` (both JSON values, never changed). Subtrees that are the same object in
 * both are skipped without being walked, so a diff of views that share their unchanged parts costs
 * what changed, not what is there.
 */
export function diff(a: unknown, b: unknown, options: DiffOptions = {}): PatchOp[] {
  const out: Out = { ops: [], costs: [] };
  if (a === b) return out.ops;
  const carried = new Set<string>();
  if (options.carry && isObj(a) && isObj(b)) {
    for (const [from, to] of options.carry) {
      const src = a[from];
      const dst = b[to];
      if (!Array.isArray(src) || !Array.isArray(dst) || src.length === 0 || dst.length < src.length || equal(a[to], dst)) continue;
      if (!src.every((x, i) => equal(x, dst[i]))) continue;
      emit(out, [OP_COPY, [from], [to]], 3 + keyCost(from) + keyCost(to));
      if (dst.length > src.length) {
        const values = dst.slice(src.length);
        emit(out, [OP_PUSH, [to], values], 3 + keyCost(to) + sizeOf(values, Infinity));
      }
      carried.add(to);
    }
  }
  walk(a, b, [], 1, out, carried);
  return out.ops;
}

function walk(a: unknown, b: unknown, path: Path, pathCost: number, out: Out, skip?: Set<string>): void {
  if (a === b) return;
  const start = out.ops.length;
  if (isObj(a) && isObj(b)) {
    for (const k in a) {
      if (Object.hasOwn(a, k) && !Object.hasOwn(b, k) && !skip?.has(k)) emit(out, [OP_DEL, [...path, k]], 2 + pathCost + keyCost(k));
    }
    for (const k in b) {
      const bv = b[k];
      const av = a[k];
      // Most keys hold the same value (or object) as before: no path is built for them.
      if (av === bv || !Object.hasOwn(b, k) || skip?.has(k)) continue;
      const cost = pathCost + keyCost(k);
      if (av !== null && typeof av === 'object' && bv !== null && typeof bv === 'object') walk(av, bv, [...path, k], cost, out);
      else emit(out, [OP_SET, [...path, k], bv], 2 + cost + sizeOf(bv, Infinity));
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    arrayOps(a, b, path, pathCost, out);
  } else if (!equal(a, b)) {
    emit(out, [OP_SET, path, b], 2 + pathCost + sizeOf(b, Infinity));
    return;
  }
  collapse(b, path, pathCost, start, out);
}

function arrayOps(a: unknown[], b: unknown[], path: Path, pathCost: number, out: Out): void {
  // As a few drops and an append (a chat window moving on: the common case, found by identity), or
  // item by item (an item changed in place), whichever is smaller; else the array is set whole.
  let best = dropsAndAppend(a, b, path, pathCost);
  if (a.length === b.length && (best === null || best.ops.length > 2)) {
    const each: Out = { ops: [], costs: [] };
    for (let i = 0; i < b.length; i++) {
      const av = a[i];
      const bv = b[i];
      if (av === bv) continue;
      if (av !== null && typeof av === 'object' && bv !== null && typeof bv === 'object') walk(av, bv, [...path, i], pathCost + 1, each);
      else emit(each, [OP_SET, [...path, i], bv], 3 + pathCost + sizeOf(bv, Infinity));
    }
    if (best === null || total(each) < total(best)) best = each;
  }
  if (!best) {
    emit(out, [OP_SET, path, b], 2 + pathCost + sizeOf(b, Infinity));
    return;
  }
  out.ops.push(...best.ops);
  out.costs.push(...best.costs);
}

function total(o: Out): number {
  let n = 0;
  for (const c of o.costs) n += c;
  return n;
}

/** `b` as `a` less a few items plus some appended, or null when it is not that. */
function dropsAndAppend(a: unknown[], b: unknown[], path: Path, pathCost: number): Out | null {
  const dropped: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (j < b.length && equal(a[i], b[j])) j++;
    else if (dropped.push(i) > MAX_ARRAY_DELETIONS) return null;
  }
  const o: Out = { ops: [], costs: [] };
  // From the end, so the indexes still name the items the receiver holds.
  for (let d = dropped.length - 1; d >= 0; d--) emit(o, [OP_DEL, [...path, dropped[d]!]], 3 + pathCost);
  if (j < b.length) {
    const values = b.slice(j);
    emit(o, [OP_PUSH, path, values], 2 + pathCost + sizeOf(values, Infinity));
  }
  return o;
}

/** Replace the ops emitted for `b` since `start` by one `set` of `b` when that is smaller. */
function collapse(b: unknown, path: Path, pathCost: number, start: number, out: Out): void {
  const n = out.ops.length - start;
  if (n < 2 || path.length === 0) return;
  let cost = 0;
  for (let i = start; i < out.costs.length; i++) cost += out.costs[i]!;
  const whole = 2 + pathCost + sizeOf(b, cost);
  if (whole >= cost) return;
  out.ops.length = start;
  out.costs.length = start;
  emit(out, [OP_SET, path, b], whole);
}

/**
 * Apply ops to `doc` and return the result; `doc` is not changed. Only the containers along the
 * ops' paths are copied: the rest of the result is shared with `doc`.
 */
export function patch<T>(doc: T, ops: readonly PatchOp[]): T {
  // Containers copied by this call: only these may be written to.
  const own = new Set<object>();
  let root = doc as unknown as Json;
  const writable = (v: Json): Json => {
    if (v === null || typeof v !== 'object' || own.has(v)) return v;
    const copy: Json = Array.isArray(v) ? v.slice() : { ...v };
    own.add(copy as object);
    return copy;
  };
  /** The writable container at `path` (copied on the way down as needed). */
  const containerAt = (path: Path): Json => {
    root = writable(root);
    let cur = root;
    for (const key of path) {
      const c = cur as Record<string | number, Json>;
      const next = c[key];
      if (next === null || typeof next !== 'object') throw new Error(`patch: no container at ${path.join('.')}`);
      cur = c[key] = writable(next);
    }
    return cur;
  };
  const read = (path: Path): Json => {
    let cur: Json = root;
    for (const key of path) cur = (cur as Record<string | number, Json>)[key] as Json;
    return cur;
  };
  for (const op of ops) {
    const path = op[0] === OP_COPY ? op[2] : op[1];
    if (op[0] === OP_PUSH) {
      const arr = containerAt(path);
      if (!Array.isArray(arr)) throw new Error(`patch: push to a non-array at ${path.join('.')}`);
      arr.push(...(op[2] as Json[]));
      continue;
    }
    // A copied container stays shared with its source until something writes into it (then `writable` copies it).
    const value = op[0] === OP_SET ? (op[2] as Json) : op[0] === OP_COPY ? read(op[1]) : undefined;
    if (value !== undefined && value !== null && typeof value === 'object') own.delete(value);
    if (path.length === 0) {
      if (op[0] !== OP_DEL) root = value as Json;
      continue;
    }
    const parent = containerAt(path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (op[0] === OP_DEL) {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, Json>)[last];
    } else {
      (parent as Record<string | number, Json>)[last] = value as Json;
    }
  }
  return root as T;
}
