import { z } from 'zod';
import { ControlCommandSchema, SeatCommandSchema } from './commands';
import { MatchSettingsSchema } from './settings';
import { IdSchema } from './ids';
import type { PatchOp } from './patch';

/**
 * The wire protocol between client and server (ARCHITECTURE.md "views over messages").
 * Client → server messages are validated with these schemas at the server's edge.
 */

/** Room options a client passes when it creates or joins a match room. */
export const JoinOptionsSchema = z.object({
  /** Name to play under. */
  name: z.string().trim().min(1).max(32).optional(),
  /** The seat token this browser kept, to take its seat back. */
  seatToken: z.string().min(16).max(128).optional(),
  /** The state the player asks to play, if free. */
  state: IdSchema.optional(),
  /** Watch instead of playing. */
  spectator: z.boolean().optional(),
  /** Private rooms: the join code. */
  code: z.string().max(16).optional(),
  /** Facilitator powers come only from this key. */
  facilitatorKey: z.string().min(16).max(128).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** Settings for creating a match: scenario and how it is played. */
export const CreateMatchSchema = z.object({
  scenario: IdSchema,
  settings: MatchSettingsSchema,
  /** Listed in the lobby, or private with a join code. */
  visibility: z.enum(['public', 'private']).default('public'),
  seed: z.string().max(64).optional(),
});
export type CreateMatch = z.infer<typeof CreateMatchSchema>;

/** Client → server message types and their payloads. */
export const ClientMessages = {
  /** A seat's command; `seq` is the client's own counter, echoed in the ack or error. */
  cmd: z.object({ seq: z.number().int().min(0), command: SeatCommandSchema }),
  /** A facilitator's or host's command. */
  control: z.object({ seq: z.number().int().min(0), command: ControlCommandSchema }),
  /** Ask for a full view (after a gap in versions). */
  resync: z.object({}).strict(),
} as const;
export type ClientMessageType = keyof typeof ClientMessages;

/** Server → client messages (not validated by clients; produced only by the server). */
export interface ServerView<V> {
  version: number;
  view: V;
}
export interface ServerPatch {
  version: number;
  /** The version this patch applies to; a client at another version asks for a resync. */
  base: number;
  ops: PatchOp[];
}
/**
 * A `patch` as it travels: `[version, base, ops]`. Most patch frames are a few ops; the keys of an
 * object envelope would be a sixth of them.
 */
export type ServerPatchWire = [version: number, base: number, ops: PatchOp[]];

export function encodePatch(p: ServerPatch): ServerPatchWire {
  return [p.version, p.base, p.ops];
}

/** The patch in a `patch` message, or null when the message is not one. */
export function decodePatch(m: unknown): ServerPatch | null {
  if (!Array.isArray(m) || m.length !== 3 || typeof m[0] !== 'number' || typeof m[1] !== 'number' || !Array.isArray(m[2])) return null;
  return { version: m[0], base: m[1], ops: m[2] as PatchOp[] };
}

export interface ServerAck {
  seq: number;
  /** Log sequence number of the committed command. */
  logSeq: number;
}
export interface ServerError {
  seq: number | null;
  code: string;
  message: string;
}
export const SERVER_MESSAGES = { view: 'view', patch: 'patch', ack: 'ack', error: 'error', seat: 'seat' } as const;

/** What waits on one player in one match (the lobby's "Your matches" for long, asynchronous play). */
export interface MyMatch {
  matchId: string;
  /** gone: not running on this server (ended long ago, or never existed); refused: the token is not a seat here. */
  status: 'running' | 'setup' | 'ended' | 'gone' | 'refused';
  state?: string;
  scenarioName?: string;
  round?: number;
  rounds?: number;
  phase?: string;
  paused?: boolean;
  /** Absolute ms; shown in the player's own time zone. */
  deadline?: number | null;
  ready?: boolean;
  /** Things only this player can do now, in words. */
  waiting?: string[];
  /** Messages the player may read that arrived after `since`. */
  newMessages?: number;
}
