import { Client, Room } from 'colyseus.js';
import { decodePatch, patch } from '../../../shared/index';
import type { ControlCommand, JoinOptions, PatchOp, PlayerView, SeatCommand } from '../../../shared/index';

/** Every frame and decoded message a colyseus.js room receives, captured below the SDK's handlers. */
export interface Recorder {
  frames: Uint8Array[];
  messages: { type: string | number; message: unknown }[];
  listeners: Set<() => void>;
}

const recorders = new WeakMap<object, Recorder>();

/** What a room has received so far (any colyseus.js room, e.g. the lobby). */
export function recorderOf(room: object): Recorder {
  let r = recorders.get(room);
  if (!r) {
    r = { frames: [], messages: [], listeners: new Set() };
    recorders.set(room, r);
  }
  return r;
}

// In Node, ws may deliver several frames in one tick, before `joinById` resolves and handlers can be
// registered; the SDK would drop those. So the test client records at the SDK's own entry points.
const proto = Room.prototype as unknown as {
  onMessageCallback(this: object, e: { data: ArrayBuffer }): void;
  dispatchMessage(this: object, type: string | number, message: unknown): void;
  __recorded?: boolean;
};
if (!proto.__recorded) {
  proto.__recorded = true;
  const original = proto.onMessageCallback;
  proto.onMessageCallback = function (e) {
    recorderOf(this).frames.push(new Uint8Array(e.data.slice(0)));
    original.call(this, e);
    for (const l of recorderOf(this).listeners) l();
  };
  proto.dispatchMessage = function (type, message) {
    recorderOf(this).messages.push({ type, message });
  };
}

// colyseus.js reports join refusals on the console too; tests that expect them keep the output readable.
const consoleOriginal = { log: console.log, warn: console.warn };
let muted = 0;
function muteConsole(by: 1 | -1): void {
  muted += by;
  console.log = muted > 0 ? () => undefined : consoleOriginal.log;
  console.warn = muted > 0 ? () => undefined : consoleOriginal.warn;
}

/** Resolves with the first recorded message that `pick` accepts (looking at past messages too). */
export function recordedMessage<T>(room: object, pick: (type: string | number, message: unknown) => T | undefined, timeoutMs = 5000): Promise<T> {
  const rec = recorderOf(room);
  return new Promise<T>((resolve, reject) => {
    const check = (): boolean => {
      for (const m of rec.messages) {
        const v = pick(m.type, m.message);
        if (v !== undefined) {
          clearTimeout(timer);
          rec.listeners.delete(check);
          resolve(v);
          return true;
        }
      }
      return false;
    };
    const timer = setTimeout(() => {
      rec.listeners.delete(check);
      reject(new Error('timed out waiting for a message'));
    }, timeoutMs);
    if (!check()) rec.listeners.add(check);
  });
}

export interface SeatInfo {
  role: 'seat' | 'spectator' | 'facilitator';
  state: string | null;
  seatToken: string | null;
  host: boolean;
}

export type Answer = { ok: true; logSeq: number } | { ok: false; code: string; message: string };

/** A view as received: the version and the view reconstructed from full views and patches. */
export interface ReceivedView {
  version: number;
  view: PlayerView;
  /** The ops of the patch that produced it (none for a full view). */
  ops: PatchOp[] | null;
}

/**
 * A player's client for tests: joins through colyseus.js over a real WebSocket, keeps its view
 * from `view` and `patch` messages exactly as a browser client would, and answers commands.
 */
export class TestClient {
  private seq = 0;
  private read = 0;
  seat: SeatInfo | null = null;
  view: PlayerView | null = null;
  version = -1;
  readonly history: ReceivedView[] = [];
  readonly problems: string[] = [];
  private answers = new Map<number, Answer>();

  private constructor(readonly room: Room, readonly rec: Recorder, readonly label: string) {
    room.onMessage('*', () => undefined);
    this.drain();
    rec.listeners.add(() => this.drain());
  }

  static async join(endpoint: string, matchId: string, options: JoinOptions, label = options.name ?? 'client'): Promise<TestClient> {
    const room = await new Client(endpoint).joinById(matchId, options);
    const client = new TestClient(room, recorderOf(room), label);
    await client.until(() => (client.seat !== null && client.view !== null) || undefined, 5000, 'seat and view');
    return client;
  }

  /** Join, expecting a refusal: the error's message (e.g. "join/wrong-code: …"). */
  static async refused(endpoint: string, matchId: string, options: JoinOptions): Promise<string> {
    muteConsole(+1);
    try {
      const room = await new Client(endpoint).joinById(matchId, options);
      await room.leave();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    } finally {
      // The socket's close is reported a moment after the refusal.
      setTimeout(() => muteConsole(-1), 100);
    }
    throw new Error('the join was expected to be refused');
  }

  get frames(): Uint8Array[] {
    return this.rec.frames;
  }

  get messages(): { type: string | number; message: unknown }[] {
    return this.rec.messages;
  }

  send(type: string, payload: unknown): void {
    this.room.send(type, payload);
  }

  cmd(command: SeatCommand): Promise<Answer> {
    const seq = ++this.seq;
    this.room.send('cmd', { seq, command });
    return this.answer(seq);
  }

  control(command: ControlCommand): Promise<Answer> {
    const seq = ++this.seq;
    this.room.send('control', { seq, command });
    return this.answer(seq);
  }

  /** Send a raw payload under a type with a fresh seq and wait for its answer. */
  raw(type: string, payload: Record<string, unknown>): Promise<Answer> {
    const seq = ++this.seq;
    this.room.send(type, { seq, ...payload });
    return this.answer(seq);
  }

  answer(seq: number, timeoutMs = 5000): Promise<Answer> {
    return this.until(() => this.answers.get(seq), timeoutMs, `answer to seq ${seq}`);
  }

  /** Resolves when `probe` returns something other than undefined/false, checked after every frame. */
  until<T>(probe: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const v = probe();
        if (v === undefined || v === false) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.label}: timed out waiting for ${what} (phase ${this.view?.phase}, version ${this.version})`));
      }, timeoutMs);
      const listener = (): void => {
        check();
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.rec.listeners.delete(listener);
      };
      if (!check()) this.rec.listeners.add(listener);
    });
  }

  /** Wait until the view satisfies `pred`. */
  viewWhere(pred: (v: PlayerView) => boolean, what = 'view', timeoutMs = 5000): Promise<PlayerView> {
    return this.until(() => (this.view && pred(this.view) ? this.view : undefined), timeoutMs, what);
  }

  /** Leave the room (no-op when the connection is already gone). */
  async leave(consented = true): Promise<void> {
    if (!this.room.connection.isOpen) return;
    await Promise.race([this.room.leave(consented).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  }

  private drain(): void {
    while (this.read < this.rec.messages.length) {
      const { type, message } = this.rec.messages[this.read++]!;
      this.handle(String(type), message);
    }
  }

  private handle(type: string, m: unknown): void {
    switch (type) {
      case 'seat':
        this.seat = m as SeatInfo;
        return;
      case 'view': {
        const v = m as { version: number; view: PlayerView };
        this.version = v.version;
        this.view = v.view;
        this.history.push({ version: v.version, view: v.view, ops: null });
        return;
      }
      case 'patch': {
        const p = decodePatch(m) ?? { version: Number.NaN, base: Number.NaN, ops: [] };
        if (!this.view || p.base !== this.version) {
          this.problems.push(`patch base ${p.base} but client at ${this.version}`);
          this.room.send('resync', {});
          return;
        }
        this.view = patch(this.view, p.ops);
        this.version = p.version;
        this.history.push({ version: p.version, view: this.view, ops: p.ops });
        return;
      }
      case 'ack': {
        const a = m as { seq: number; logSeq: number };
        this.answers.set(a.seq, { ok: true, logSeq: a.logSeq });
        return;
      }
      case 'error': {
        const e = m as { seq: number | null; code: string; message: string };
        if (e.seq !== null) this.answers.set(e.seq, { ok: false, code: e.code, message: e.message });
        else this.problems.push(`error without seq: ${e.code}`);
        return;
      }
      default:
        this.problems.push(`unexpected message type ${type}`);
    }
  }
}
