/**
 * frameGuard — bounds the cost of a Colyseus 0.16 client→server frame before anything decodes it.
 *
 * Why: Colyseus 0.16 hands every incoming frame to its msgpack fork (@colyseus/msgpackr), whose
 * `readArray(n)` runs `new Array(n)` on the count a header *claims*. 4,085 bytes of nested
 * `dc ff ff` (array16 of 65,535) make it preallocate ~700 MB before it notices the frame is short.
 * `checkFrame` walks the frame once, without allocating, and refuses any frame whose claims exceed
 * what it holds; `guardedTransport.ts` runs it on every frame before the room sees it.
 *
 * API
 *   checkFrame(buf: Uint8Array, limits?: Partial<FrameLimits>): FrameCheck
 *     → { ok: true } | { ok: false, reason: FrameRejection }
 *   - Pure, synchronous, never throws, O(buf.length) time. Allocates nothing: verdicts are frozen
 *     constants, the walk uses preallocated module-level scratch arrays, and custom `limits` are
 *     merged with the defaults once per distinct object (pass the same object every time).
 *   - `reason` is a namespaced code ('frame/…' for the Colyseus envelope, 'msgpack/…' for the
 *     payload), suitable for a log line or a close reason, never shown to players as prose.
 *   DEFAULT_FRAME_LIMITS: { maxFrameBytes: 16384, maxDepth: 32, maxTypeBytes: 64, maxNodes: 1024,
 *                           maxProperties: 1024 }.
 *
 * What a frame may be (what colyseus.js 0.16.22 sends; Protocol codes from @colyseus/core):
 *   [10]                         JOIN_ROOM acknowledgement — exactly one byte
 *   [12]                         LEAVE_ROOM — exactly one byte
 *   [13] type [payload]          ROOM_DATA: `room.send(type, payload)`
 *   [17] type bytes…             ROOM_DATA_BYTES: `room.sendBytes(type, bytes)`; bytes are opaque
 * `type` is read as the server reads it (@colyseus/schema `decode.stringCheck/string/number`, which
 * is msgpack-like but LITTLE-endian for str16/str32 and multi-byte ints): a non-empty string of at
 * most maxTypeBytes well-formed UTF-8 bytes, or a number. The payload is ONE msgpack value that
 * ends exactly at the end of the frame.
 *
 * Payload rules (every msgpack type is recognised and length-checked):
 *   - nil, false, true, fixint, negative fixint, (u)int8–64, float32/64: fixed size, must fit.
 *   - fixstr/str8/16/32, bin8/16/32: the claimed length must fit in the remaining bytes.
 *   - fixarray/array16/32, fixmap/map16/32: each claimed element needs ≥ 1 byte (a map entry 2),
 *     and the sum of ALL elements still owed by every open container must fit in the remaining
 *     bytes — so msgpackr's preallocation is bounded by the frame's real size, not its claims.
 *   - nesting (arrays, maps, records) at most maxDepth levels.
 *   - at most maxNodes values that allocate an object when decoded (arrays, maps, record
 *     definitions and references, bin, ext). Our messages hold dozens; without this bound a
 *     16 KiB frame of one-byte empty maps decodes to 16,000 objects (~1.2 MB, ~4 ms cold).
 *   - at most maxProperties object properties decoded (map entries plus the fields of every
 *     record instance). V8 spends ~0.4 µs per property on large objects: four copies of an
 *     800-key object (7 KB) took msgpackr ~0.9 ms to decode.
 *   - map keys must be scalars (string, number, boolean, nil): msgpackr throws on others (it
 *     stringifies keys), so containers, bin, ext and record references are refused as keys.
 *   - 0xc1 (never used) is refused.
 *   - ext/fixext: lengths are checked, then only what colyseus.js's encoder emits is allowed:
 *       · fixext1 type 0x00 (msgpackr's `undefined`);
 *       · timestamps, type 0xff as fixext4, fixext8 or ext8 of 12 bytes (a `Date`);
 *       · msgpackr records, `d4 72 <id>` + an array of string keys + one value per key; after
 *         which the byte 0x40|id is a reference meaning "a record with these keys" followed by
 *         its values (colyseus.js's `new Packr()` encodes every plain object this way).
 *     Every other extension is refused: msgpackr gives them semantics that do not match their
 *     byte length (bundled strings jump the read position, structured-clone references can build
 *     cycles, Set/Error/RegExp wrap the following value) and our protocol never needs them.
 *     Two-byte record ids (fixext2 `d5 72`) are refused: colyseus.js never emits them.
 *
 * Not checked: UTF-8 validity of payload strings (msgpackr decodes any bytes without throwing or
 * logging). A frame this accepts can still fail the room's zod schema; that is the room's reply.
 */

/** Limits on one frame; every field has a default in DEFAULT_FRAME_LIMITS. */
export interface FrameLimits {
  /** Largest frame accepted, in bytes, envelope included (the issue: 16 KiB). */
  maxFrameBytes: number;
  /** Deepest nesting of arrays, maps and records in the payload (at most 255). */
  maxDepth: number;
  /** Longest message type name, in UTF-8 bytes. */
  maxTypeBytes: number;
  /** Most values in a payload that decode to an object (arrays, maps, records, bin, ext). */
  maxNodes: number;
  /** Most object properties a payload decodes to: map entries plus fields of record instances. */
  maxProperties: number;
}

export const DEFAULT_FRAME_LIMITS: Readonly<FrameLimits> = Object.freeze({
  maxFrameBytes: 16 * 1024,
  maxDepth: 32,
  maxTypeBytes: 64,
  maxNodes: 1024,
  maxProperties: 1024,
});

/** Why a frame was refused. */
export type FrameRejection =
  | 'frame/empty'
  | 'frame/too-large'
  | 'frame/unknown-protocol'
  | 'frame/unexpected-bytes'
  | 'frame/bad-type'
  | 'msgpack/truncated'
  | 'msgpack/count-exceeds-bytes'
  | 'msgpack/too-deep'
  | 'msgpack/too-many-nodes'
  | 'msgpack/too-many-properties'
  | 'msgpack/trailing-bytes'
  | 'msgpack/invalid-token'
  | 'msgpack/bad-map-key'
  | 'msgpack/bad-record'
  | 'msgpack/ext-not-allowed';

export type FrameCheck = { readonly ok: true } | { readonly ok: false; readonly reason: FrameRejection };

/** Colyseus 0.16 Protocol codes a client may send (checked against @colyseus/core in the tests). */
export const FRAME_PROTOCOL = Object.freeze({
  JOIN_ROOM: 10,
  LEAVE_ROOM: 12,
  ROOM_DATA: 13,
  ROOM_DATA_BYTES: 17,
});

const OK: FrameCheck = Object.freeze({ ok: true });
const REFUSALS = new Map<FrameRejection, FrameCheck>();
function refusal(reason: FrameRejection): FrameCheck {
  const verdict: FrameCheck = Object.freeze({ ok: false, reason });
  REFUSALS.set(reason, verdict);
  return verdict;
}
const EMPTY = refusal('frame/empty');
const TOO_LARGE = refusal('frame/too-large');
const UNKNOWN_PROTOCOL = refusal('frame/unknown-protocol');
const UNEXPECTED_BYTES = refusal('frame/unexpected-bytes');
const BAD_TYPE = refusal('frame/bad-type');
const TRUNCATED = refusal('msgpack/truncated');
const COUNT_EXCEEDS = refusal('msgpack/count-exceeds-bytes');
const TOO_DEEP = refusal('msgpack/too-deep');
const TOO_MANY_NODES = refusal('msgpack/too-many-nodes');
const TOO_MANY_PROPERTIES = refusal('msgpack/too-many-properties');
const TRAILING = refusal('msgpack/trailing-bytes');
const INVALID_TOKEN = refusal('msgpack/invalid-token');
const BAD_MAP_KEY = refusal('msgpack/bad-map-key');
const BAD_RECORD = refusal('msgpack/bad-record');
const EXT_NOT_ALLOWED = refusal('msgpack/ext-not-allowed');

/** msgpackr's record-definition extension type ('r'). */
const EXT_RECORD = 0x72;
/** msgpack's timestamp extension type (-1). */
const EXT_TIMESTAMP = 0xff;
/** msgpackr's `undefined` (fixext1 type 0). */
const EXT_UNDEFINED = 0x00;

const MAX_SUPPORTED_DEPTH = 255;
// Scratch state for the walk: one slot per open container. Never resized, so a walk allocates nothing.
/** Elements still owed by the container open at each depth (doubles: counts can reach 2 × 2^32). */
const owed = new Float64Array(MAX_SUPPORTED_DEPTH + 1);
/** 1 where the container at that depth is a map (its even-numbered elements are keys). */
const isMap = new Uint8Array(MAX_SUPPORTED_DEPTH + 1);
/** Key count of the record defined under each of msgpackr's 64 one-byte ids, -1 if none. */
const recordKeys = new Int32Array(64);

/** Reads the frame's message type as @colyseus/schema's decoder does; returns the offset after it, or -1. */
function skipMessageType(buf: Uint8Array, pos: number, maxTypeBytes: number): number {
  const end = buf.length;
  if (pos >= end) return -1;
  const prefix = buf[pos]!;
  const isString = (prefix > 0xa0 && prefix < 0xc0) || prefix === 0xd9 || prefix === 0xda || prefix === 0xdb;
  if (!isString) {
    let size: number;
    if (prefix < 0x80 || prefix >= 0xe0) size = 1;
    else if (prefix === 0xcc || prefix === 0xd0) size = 2;
    else if (prefix === 0xcd || prefix === 0xd1) size = 3;
    else if (prefix === 0xca || prefix === 0xce || prefix === 0xd2) size = 5;
    else if (prefix === 0xcb || prefix === 0xcf || prefix === 0xd3) size = 9;
    else return -1; // the server would read `undefined` as the type
    return pos + size <= end ? pos + size : -1;
  }
  let header: number;
  let length: number;
  if (prefix < 0xc0) {
    header = 1;
    length = prefix & 0x1f;
  } else if (prefix === 0xd9) {
    header = 2;
    if (pos + header > end) return -1;
    length = buf[pos + 1]!;
  } else if (prefix === 0xda) {
    header = 3;
    if (pos + header > end) return -1;
    length = buf[pos + 1]! | (buf[pos + 2]! << 8);
  } else {
    header = 5;
    if (pos + header > end) return -1;
    length = (buf[pos + 1]! | (buf[pos + 2]! << 8) | (buf[pos + 3]! << 16) | (buf[pos + 4]! << 24)) >>> 0;
  }
  const start = pos + header;
  const stop = start + length;
  if (length === 0 || length > maxTypeBytes || stop > end) return -1;
  // Well-formed in the sense of schema's utf8Read: it logs (console.error) on a bad lead byte and
  // reads continuation bytes past the string's end; both are refused here.
  for (let i = start; i < stop; ) {
    const lead = buf[i]!;
    let continuation: number;
    if (lead < 0x80) continuation = 0;
    else if ((lead & 0xe0) === 0xc0) continuation = 1;
    else if ((lead & 0xf0) === 0xe0) continuation = 2;
    else if ((lead & 0xf8) === 0xf0) continuation = 3;
    else return -1;
    if (i + 1 + continuation > stop) return -1;
    for (let k = 1; k <= continuation; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return -1;
    i += 1 + continuation;
  }
  return stop;
}

function readUint16(buf: Uint8Array, pos: number): number {
  return (buf[pos]! << 8) | buf[pos + 1]!;
}

function readUint32(buf: Uint8Array, pos: number): number {
  return buf[pos]! * 0x1000000 + ((buf[pos + 1]! << 16) | (buf[pos + 2]! << 8) | buf[pos + 3]!);
}

/**
 * Walks exactly one msgpack value starting at `start` (as msgpackr's default `unpack` would read
 * it) and checks that it ends at the end of `buf`. Iterative, with an explicit stack of counts.
 */
function checkPayload(buf: Uint8Array, start: number, limits: Readonly<FrameLimits>): FrameCheck {
  const { maxDepth, maxNodes, maxProperties } = limits;
  const end = buf.length;
  let pos = start;
  let depth = 0;
  // Values that decode to an object, and properties set on objects; see FrameLimits.
  let nodes = 0;
  let properties = 0;
  // Elements owed by all open containers together; each needs at least one byte.
  let pending = 1;
  owed[0] = 1;
  isMap[0] = 0;
  recordKeys.fill(-1);

  while (depth >= 0) {
    if (owed[depth] === 0) {
      depth--;
      continue;
    }
    const isKey = isMap[depth] === 1 && owed[depth]! % 2 === 0;
    owed[depth] = owed[depth]! - 1;
    pending--;
    if (pos >= end) return TRUNCATED;
    const token = buf[pos++]!;

    // What this token opens, if it is a container: `count` elements (map entries count twice).
    let count = -1;
    let map = 0;
    // Whether that container decodes to an object (a map or a record) rather than an array.
    let isObject = false;
    // Bytes of payload after the token and its length field, for scalars, strings, bin and ext.
    let skip = 0;

    if (token < 0x80) {
      if (token >= 0x40 && recordKeys[token & 0x3f]! >= 0) {
        // A reference to a record defined earlier in this frame: its values follow.
        if (isKey) return BAD_MAP_KEY;
        count = recordKeys[token & 0x3f]!;
        isObject = true;
      }
    } else if (token < 0x90) {
      if (isKey) return BAD_MAP_KEY;
      count = (token & 0x0f) * 2;
      map = 1;
      isObject = true;
    } else if (token < 0xa0) {
      if (isKey) return BAD_MAP_KEY;
      count = token & 0x0f;
    } else if (token < 0xc0) {
      skip = token & 0x1f;
    } else if (token < 0xe0) {
      switch (token) {
        case 0xc0: // nil
        case 0xc2: // false
        case 0xc3: // true
          break;
        case 0xc1:
          return INVALID_TOKEN;
        case 0xc4: // bin 8
        case 0xc5: // bin 16
        case 0xc6: { // bin 32
          if (isKey) return BAD_MAP_KEY;
          if (++nodes > maxNodes) return TOO_MANY_NODES;
          const width = token === 0xc4 ? 1 : token === 0xc5 ? 2 : 4;
          if (pos + width > end) return TRUNCATED;
          skip = width === 1 ? buf[pos]! : width === 2 ? readUint16(buf, pos) : readUint32(buf, pos);
          pos += width;
          break;
        }
        case 0xc7: // ext 8
        case 0xc8: // ext 16
        case 0xc9: { // ext 32
          const width = token === 0xc7 ? 1 : token === 0xc8 ? 2 : 4;
          if (pos + width + 1 > end) return TRUNCATED;
          const length = width === 1 ? buf[pos]! : width === 2 ? readUint16(buf, pos) : readUint32(buf, pos);
          const type = buf[pos + width]!;
          pos += width + 1;
          if (pos + length > end) return TRUNCATED;
          if (isKey) return BAD_MAP_KEY;
          if (!(token === 0xc7 && type === EXT_TIMESTAMP && length === 12)) return EXT_NOT_ALLOWED;
          if (++nodes > maxNodes) return TOO_MANY_NODES;
          skip = length;
          break;
        }
        case 0xca: skip = 4; break; // float 32
        case 0xcb: skip = 8; break; // float 64
        case 0xcc: skip = 1; break; // uint 8
        case 0xcd: skip = 2; break; // uint 16
        case 0xce: skip = 4; break; // uint 32
        case 0xcf: skip = 8; break; // uint 64
        case 0xd0: skip = 1; break; // int 8
        case 0xd1: skip = 2; break; // int 16
        case 0xd2: skip = 4; break; // int 32
        case 0xd3: skip = 8; break; // int 64
        case 0xd4: { // fixext 1: type + 1 byte
          if (pos + 2 > end) return TRUNCATED;
          const type = buf[pos]!;
          if (isKey) return BAD_MAP_KEY;
          if (type === EXT_UNDEFINED) {
            if (++nodes > maxNodes) return TOO_MANY_NODES;
            pos += 2;
            break;
          }
          if (type !== EXT_RECORD) return EXT_NOT_ALLOWED;
          // Record definition: id byte, then an array of string keys, then one value per key.
          const id = buf[pos + 1]! & 0x3f;
          pos += 2;
          if (pos >= end) return TRUNCATED;
          const head = buf[pos++]!;
          let keys: number;
          if (head >= 0x90 && head < 0xa0) keys = head & 0x0f;
          else if (head === 0xdc || head === 0xdd) {
            const width = head === 0xdc ? 2 : 4;
            if (pos + width > end) return TRUNCATED;
            keys = width === 2 ? readUint16(buf, pos) : readUint32(buf, pos);
            pos += width;
          } else return BAD_RECORD;
          // The key array is an object of its own (the record, counted below, is the other).
          if (++nodes > maxNodes) return TOO_MANY_NODES;
          // Each key and each value needs a byte; msgpackr preallocates the key array.
          if (depth + 1 > maxDepth) return TOO_DEEP;
          if (pending + 2 * keys > end - pos) return COUNT_EXCEEDS;
          for (let k = 0; k < keys; k++) {
            if (pos >= end) return TRUNCATED;
            const keyToken = buf[pos++]!;
            let length: number;
            if (keyToken >= 0xa0 && keyToken < 0xc0) length = keyToken & 0x1f;
            else if (keyToken === 0xd9 || keyToken === 0xda || keyToken === 0xdb) {
              const width = keyToken === 0xd9 ? 1 : keyToken === 0xda ? 2 : 4;
              if (pos + width > end) return TRUNCATED;
              length = width === 1 ? buf[pos]! : width === 2 ? readUint16(buf, pos) : readUint32(buf, pos);
              pos += width;
            } else return BAD_RECORD;
            if (pos + length > end) return TRUNCATED;
            pos += length;
          }
          recordKeys[id] = keys;
          count = keys;
          isObject = true;
          break;
        }
        case 0xd5: // fixext 2
        case 0xd6: // fixext 4
        case 0xd7: // fixext 8
        case 0xd8: { // fixext 16
          const length = token === 0xd5 ? 2 : token === 0xd6 ? 4 : token === 0xd7 ? 8 : 16;
          if (pos + 1 + length > end) return TRUNCATED;
          if (isKey) return BAD_MAP_KEY;
          const type = buf[pos]!;
          if (type !== EXT_TIMESTAMP || (length !== 4 && length !== 8)) return EXT_NOT_ALLOWED;
          if (++nodes > maxNodes) return TOO_MANY_NODES;
          skip = 1 + length;
          break;
        }
        case 0xd9: // str 8
          if (pos + 1 > end) return TRUNCATED;
          skip = buf[pos]!;
          pos += 1;
          break;
        case 0xda: // str 16
          if (pos + 2 > end) return TRUNCATED;
          skip = readUint16(buf, pos);
          pos += 2;
          break;
        case 0xdb: // str 32
          if (pos + 4 > end) return TRUNCATED;
          skip = readUint32(buf, pos);
          pos += 4;
          break;
        case 0xdc: // array 16
        case 0xde: // map 16
          if (isKey) return BAD_MAP_KEY;
          if (pos + 2 > end) return TRUNCATED;
          map = token === 0xde ? 1 : 0;
          isObject = map === 1;
          count = readUint16(buf, pos) * (map + 1);
          pos += 2;
          break;
        default: // 0xdd array 32, 0xdf map 32
          if (isKey) return BAD_MAP_KEY;
          if (pos + 4 > end) return TRUNCATED;
          map = token === 0xdf ? 1 : 0;
          isObject = map === 1;
          count = readUint32(buf, pos) * (map + 1);
          pos += 4;
          break;
      }
    }
    // else: negative fixint, one byte.

    if (count >= 0) {
      if (depth + 1 > maxDepth) return TOO_DEEP;
      if (++nodes > maxNodes) return TOO_MANY_NODES;
      pending += count;
      if (pending > end - pos) return COUNT_EXCEEDS;
      if (isObject) {
        properties += map === 1 ? count / 2 : count;
        if (properties > maxProperties) return TOO_MANY_PROPERTIES;
      }
      depth++;
      owed[depth] = count;
      isMap[depth] = map;
    } else if (skip > 0) {
      if (pos + skip > end) return TRUNCATED;
      pos += skip;
    }
  }
  return pos === end ? OK : TRAILING;
}

/** The last custom limits seen, merged with the defaults once (callers pass the same object). */
let lastLimits: Partial<FrameLimits> | undefined;
let lastEffective: Readonly<FrameLimits> = DEFAULT_FRAME_LIMITS;

/** Limits with defaults filled in; maxDepth is capped by the scratch stack's size. */
function withDefaults(limits: Partial<FrameLimits>): FrameLimits {
  return {
    maxFrameBytes: limits.maxFrameBytes ?? DEFAULT_FRAME_LIMITS.maxFrameBytes,
    maxDepth: Math.min(limits.maxDepth ?? DEFAULT_FRAME_LIMITS.maxDepth, MAX_SUPPORTED_DEPTH),
    maxTypeBytes: limits.maxTypeBytes ?? DEFAULT_FRAME_LIMITS.maxTypeBytes,
    maxNodes: limits.maxNodes ?? DEFAULT_FRAME_LIMITS.maxNodes,
    maxProperties: limits.maxProperties ?? DEFAULT_FRAME_LIMITS.maxProperties,
  };
}

/**
 * Decides whether a client→server frame is safe to hand to Colyseus. See the header for the rules.
 * Never throws; cost is linear in `buf.length` (≤ maxFrameBytes). Allocates nothing, except to merge
 * a `limits` object it has not seen on the previous call with the defaults.
 */
export function checkFrame(buf: Uint8Array, limits?: Partial<FrameLimits>): FrameCheck {
  let effective: Readonly<FrameLimits> = DEFAULT_FRAME_LIMITS;
  if (limits !== undefined) {
    if (limits !== lastLimits) {
      lastLimits = limits;
      lastEffective = withDefaults(limits);
    }
    effective = lastEffective;
  }
  const { maxFrameBytes, maxTypeBytes } = effective;
  const length = buf.length;
  if (length === 0) return EMPTY;
  if (length > maxFrameBytes) return TOO_LARGE;
  switch (buf[0]) {
    case FRAME_PROTOCOL.JOIN_ROOM:
    case FRAME_PROTOCOL.LEAVE_ROOM:
      return length === 1 ? OK : UNEXPECTED_BYTES;
    case FRAME_PROTOCOL.ROOM_DATA: {
      const payload = skipMessageType(buf, 1, maxTypeBytes);
      if (payload < 0) return BAD_TYPE;
      // No payload bytes: the room passes `undefined` to the handler.
      return payload === length ? OK : checkPayload(buf, payload, effective);
    }
    case FRAME_PROTOCOL.ROOM_DATA_BYTES:
      return skipMessageType(buf, 1, maxTypeBytes) < 0 ? BAD_TYPE : OK;
    default:
      return UNKNOWN_PROTOCOL;
  }
}

/** Every verdict `checkFrame` can return for a refusal, by reason (for tests and metrics). */
export const FRAME_REJECTIONS: ReadonlyMap<FrameRejection, FrameCheck> = REFUSALS;
