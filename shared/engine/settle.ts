import type { GameState } from '../state';
import type { Keyed, Whole } from './clone';

/**
 * After a command, what it claimed but left as it was goes back to being the input's own object: resolution claims
 * everything, yet most regions, treaties and votes come out of it unchanged, and keeping their identity lets views,
 * the deterrence cache and diffs skip them. Entries are compared as deep as the draft copies them (a level of nested
 * lists and records), so equal content means an equal entry.
 */

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object';
}

/**
 * Key lists read into reusable arrays (one per nesting level), so that comparing builds nothing: settle runs after
 * every command, over every entry a resolution claimed.
 */
const outerKeys: string[] = [];
const innerKeys: string[] = [];

/** Reads the keys of `o`, in order, into the front of `into`; returns how many. */
function keysInto(o: object, into: string[]): number {
  let n = 0;
  for (const k in o) {
    if (n < into.length) into[n] = k;
    else into.push(k);
    n++;
  }
  return n;
}

/** Same keys in the same order (or the same elements), with the very same values. */
function sameShallow(a: object, b: object): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  const n = keysInto(a, innerKeys);
  let i = 0;
  for (const k in b) {
    if (i === n || k !== innerKeys[i] || (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
    i++;
  }
  return i === n;
}

/** Equal one level down: each value the very same, or a list or record with the very same contents. */
function sameEntry(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const n = keysInto(a, outerKeys);
  let i = 0;
  for (const k in b) {
    if (i === n || k !== outerKeys[i]) return false;
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (x !== y && !(isObject(x) && isObject(y) && sameShallow(x, y))) return false;
    i++;
  }
  return i === n;
}

/** Give a claimed record back its input's entries where they did not change, and the input's record if none did. */
export function settleRecord(input: GameState, out: GameState, part: Keyed, ids: Iterable<string>): void {
  const before = input[part] as Record<string, unknown>;
  const after = out[part] as Record<string, unknown>;
  let changed = false;
  for (const id of ids) {
    const was = before[id];
    const now = after[id];
    if (was === now) continue;
    if (was !== undefined && now !== undefined && sameEntry(was, now)) after[id] = was;
    else changed = true;
  }
  if (!changed && sameShallow(before, after)) (out as Record<Keyed, unknown>)[part] = before;
}

/** Give a part copied whole back its input's object when nothing in it changed (crises one level deeper). */
export function settleWhole(input: GameState, out: GameState, part: Whole | 'crises'): void {
  const before = input[part] as object;
  const after = out[part] as object;
  if (before === after) return;
  if (part === 'crises') {
    const a = before as GameState['crises'];
    const b = after as GameState['crises'];
    if (a.length === b.length && a.every((c, i) => sameEntry(c, b[i]))) out.crises = a;
    return;
  }
  if (sameShallow(before, after)) (out as Record<Whole, unknown>)[part] = before;
}
