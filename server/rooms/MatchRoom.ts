import { Room, ServerError, updateLobby } from '@colyseus/core';
import type { AuthContext, Client } from '@colyseus/core';
import type { Viewer } from '../../shared/index';
import type { GuessLimiter } from '../auth/guessLimiter';
import type { ExerciseGate } from '../exercise/ExerciseService';
import type { Logger } from '../log';
import type { CommitInfo } from '../match/LiveMatch';
import type { LobbyEntry } from '../match/lobbyEntry';
import { lobbyEntry } from '../match/lobbyEntry';
import type { MatchEntry, MatchService } from '../match/MatchService';
import { SeatTakenError } from '../match/seatBook';
import type { ClientRateLimiter } from '../net/rateLimit';
import { messageClassOf } from '../net/rateLimit';
import type { Reply } from './clientMessages';
import { handlers, isClientMessageType, seqOf } from './clientMessages';
import type { ClientRole } from './joinRules';
import { decideJoin } from './joinRules';
import type { RejoinLimiter } from './joinRules';
import { PublicSeat, PublicState } from './PublicState';
import { fanoutScheduler } from './flushScheduler';
import { corked, sendNow } from './sendNow';
import { ViewFanout } from './viewFanout';

/** What the match room needs from the server; given once in `define('match', MatchRoom, { services })`. */
export interface RoomServices {
  matches: MatchService;
  log: Logger;
  guesses: GuessLimiter;
  /** Joins per seat token (right tokens: wrong ones are guesses). */
  rejoins: RejoinLimiter;
  /** Take the client address from X-Forwarded-For (behind a trusted proxy) rather than the socket. */
  trustProxy: boolean;
  /** A fresh message budget (per class: orders, chat, control, resync) for a newly joined client. */
  newLimiter: () => ClientRateLimiter;
  /** Seconds a dropped client may come back into its session (then the seat token still works). */
  reconnectSeconds: number;
  /** Seconds a finished match's room stays open with nobody in it. */
  endedRoomSeconds: number;
  /** Classroom exercises (server/exercise/): students' own tokens, closed seating, team names. */
  exercises?: {
    gate(matchId: string): ExerciseGate | undefined;
    seatLabel(matchId: string, state: string): string | undefined;
  };
}

interface UserData {
  who: ClientRole;
  limiter: ClientRateLimiter;
}

/** Join refusals as WebSocket error codes; the message reads "<code>: <sentence>". */
const JOIN_ERROR_STATUS: Record<string, number> = {
  'join/invalid-options': 4422, 'join/wrong-key': 4401, 'join/unknown-token': 4401, 'join/wrong-code': 4401,
  'join/ended': 4409, 'join/unknown-state': 4404, 'join/seat-taken': 4409, 'join/full': 4409, 'join/no-spectators': 4403,
  'rate/limited': 4429, 'join/not-seated': 4403, 'join/exercise': 4403,
};

function joinError(code: string, message: string): ServerError {
  return new ServerError(JOIN_ERROR_STATUS[code] ?? 4400, `${code}: ${message}`);
}

function viewerOf(who: ClientRole): Viewer {
  return who.role === 'seat' ? { role: 'seat', state: who.state! } : { role: who.role };
}

/**
 * The client's address for per-IP limits. Colyseus offers X-Real-IP / X-Forwarded-For first, which
 * anyone can forge; unless a trusted proxy sets them, the socket's own address is used.
 */
function ipOf(client: Client, context: AuthContext, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = context.headers?.['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  const socket = (client.ref as unknown as { _socket?: { remoteAddress?: string } })._socket;
  return socket?.remoteAddress ?? 'unknown';
}

/**
 * One match's room: a thin shell. Parse → check → engine (via LiveMatch) → durable log → ack → views.
 * roomId = matchId, kept across restarts. The schema state carries public room data only.
 */
export class MatchRoom extends Room<PublicState, LobbyEntry> {
  private services!: RoomServices;
  private entry!: MatchEntry;
  private fanout!: ViewFanout;
  private log!: Logger;
  /** Connected clients per seat, and sessions within their reconnection window. */
  private connected = new Map<string, number>();
  private reconnecting = new Map<string, number>();
  private unsubscribe: (() => void) | null = null;
  private lastMetadata = '';
  private readonly publicTask = (): void => {
    try {
      this.refreshPublic();
    } catch (e) {
      this.log.error({ err: e }, 'room listing refresh failed');
    }
  };

  onCreate(options: { matchId?: unknown; services: RoomServices }): void {
    this.services = options.services;
    // Only the server opens match rooms (for a match it runs); a client's create() fails here.
    this.entry = this.services.matches.attachRoom(String(options.matchId));
    const live = this.entry.live;
    this.roomId = live.id;
    this.log = this.services.log.child({ matchId: live.id });
    this.autoDispose = false;
    this.fanout = new ViewFanout(live.scenario, live, (e) => this.log.error({ err: e }, 'view fan-out failed'));
    this.state = new PublicState();
    for (const st of live.scenario.states) this.state.seats.set(st.id, new PublicSeat());
    this.entry.presence = (state) => (this.connected.get(state) ?? 0) + (this.reconnecting.get(state) ?? 0) > 0;
    if (live.record.visibility === 'private') void this.setPrivate(true);
    this.refreshPublic();
    this.unsubscribe = live.onCommit((info) => this.afterCommit(info));
    this.onMessage('*', (client, type, payload) => this.receive(client, type, payload));
  }

  onAuth(client: Client, options: unknown, context: AuthContext): { who: ClientRole } {
    const ip = ipOf(client, context, this.services.trustProxy);
    if (this.services.guesses.blocked(ip)) throw joinError('rate/limited', 'Too many wrong codes or tokens from here; wait a minute.');
    const live = this.entry.live;
    const d = decideJoin(options, { record: live.record, scenario: live.scenario, state: live.head, seats: this.entry.seats, exercise: this.services.exercises?.gate(live.id) });
    if (!d.ok) {
      if (d.guess) this.services.guesses.fail(ip);
      throw joinError(d.code, d.message);
    }
    const token = (options as { seatToken?: unknown }).seatToken;
    if (d.who.claim === null && typeof token === 'string' && !this.services.rejoins.take(token)) {
      throw joinError('rate/limited', 'This seat has joined too often in a short time; wait a moment.');
    }
    return { who: d.who };
  }

  async onJoin(client: Client<UserData>, _options: unknown, auth: { who: ClientRole }): Promise<void> {
    const who = { ...auth.who };
    const live = this.entry.live;
    if (who.claim) {
      try {
        who.seatToken = await this.entry.seats.claim(who.claim.state, who.claim.name);
      } catch (e) {
        if (e instanceof SeatTakenError) throw joinError('join/seat-taken', e.message);
        throw e;
      }
      this.log.info({ state: who.state }, 'seat taken');
    }
    if (who.role === 'seat') {
      const controller = live.head.seats[who.state!]?.controller;
      // A new holder plays the seat from now on; a returning one finds it as it was (unless it was never marked).
      if (who.claim ? controller !== 'human' : controller === 'open') {
        const r = await live.submitControl('system', { type: 'setSeat', state: who.state!, controller: 'human' });
        if (!r.ok) this.log.warn({ state: who.state, code: r.code }, 'could not mark the seat human');
      }
    }
    client.userData = { who, limiter: this.services.newLimiter() };
    this.bump(this.connected, who.state, +1);
    this.welcome(client, who);
    this.refreshPublic();
  }

  async onLeave(client: Client<UserData>, consented: boolean): Promise<void> {
    this.fanout.remove(client);
    const data = client.userData;
    if (!data) return;
    const state = data.who.state;
    this.bump(this.connected, state, -1);
    if (!consented && this.services.reconnectSeconds > 0) {
      this.bump(this.reconnecting, state, +1);
      this.refreshPublic();
      try {
        const again = await this.allowReconnection(client, this.services.reconnectSeconds) as Client<UserData>;
        this.bump(this.reconnecting, state, -1);
        this.bump(this.connected, state, +1);
        // Messages sent while it was away are lost: it gets a full view again.
        this.welcome(again, data.who);
        this.refreshPublic();
        return;
      } catch {
        this.bump(this.reconnecting, state, -1);
      }
    }
    this.refreshPublic();
    this.maybeCloseEnded();
  }

  onDispose(): void {
    this.unsubscribe?.();
    this.fanout.close();
    fanoutScheduler.cancel(this.publicTask);
    this.services.matches.detachRoom(this.entry.live.id);
  }

  /** The seat message and a full view. */
  private welcome(client: Client, who: ClientRole): void {
    client.send('seat', { role: who.role, state: who.state, seatToken: who.seatToken, host: who.host });
    this.fanout.add(client, viewerOf(who));
  }

  /** Every message goes through here; nothing in it may throw into Colyseus (that would drop the client). */
  private receive(client: Client<UserData>, type: string | number, payload: unknown): void {
    const data = client.userData;
    if (!data) return;
    const reply = this.replyTo(client);
    const seq = seqOf(payload);
    try {
      if (!isClientMessageType(type)) return reply.error(seq, 'message/unknown-type', `Unknown message type "${String(type)}".`);
      // Oversized and malformed frames never get here: the guarded transport closes those connections.
      if (!data.limiter.take(messageClassOf(type, payload), performance.now())) {
        return reply.error(seq, 'rate/limited', 'Too many messages; slow down.');
      }
      handlers[type]({ who: data.who, live: this.entry.live, reply }, payload).catch((e: unknown) => this.failed(reply, seq, type, e));
    } catch (e) {
      this.failed(reply, seq, String(type), e);
    }
  }

  private failed(reply: Reply, seq: number | null, type: string, e: unknown): void {
    this.log.error({ err: e, type }, 'message handler failed');
    try {
      reply.error(seq, 'server/error', 'The server failed on this message; nothing changed.');
    } catch {
      // the client is gone
    }
  }

  private replyTo(client: Client): Reply {
    return {
      ack: (seq, logSeq) => {
        // The view that shows the command goes first; other clients' patches follow on the scheduler.
        corked(client, () => {
          this.fanout.catchUp(client);
          sendNow(client, 'ack', { seq, logSeq });
        });
      },
      error: (seq, code, message) => client.send('error', { seq, code, message }),
      resync: () => this.fanout.resync(client),
    };
  }

  private afterCommit(info: CommitInfo): void {
    this.fanout.published();
    // The room listing waits for the same turn as the views: a burst of commits refreshes it once.
    fanoutScheduler.request(this.publicTask);
    if (info.after.phase === 'ended' && info.before.phase !== 'ended') {
      // A finished match leaves the lobby; its players stay to read the debrief.
      void this.setPrivate(true);
      this.maybeCloseEnded();
    }
  }

  /** Schema state and lobby listing from the committed state and presence. */
  private refreshPublic(): void {
    this.syncPublic();
    const entry = lobbyEntry(this.entry.live, this.entry.seats, (s) => (this.connected.get(s) ?? 0) > 0);
    const json = JSON.stringify(entry);
    if (json !== this.lastMetadata) {
      this.lastMetadata = json;
      // The lobby hears of joins and leaves by itself; phase and seat changes need telling.
      this.setMetadata(entry).then(() => updateLobby(this), (e: unknown) => this.log.warn({ err: e }, 'lobby listing update failed'));
    }
  }

  private syncPublic(): void {
    const s = this.entry.live.state;
    this.state.phase = s.phase;
    this.state.round = s.round;
    this.state.deadline = s.deadline ?? 0;
    this.state.paused = s.paused;
    for (const [id, seat] of this.state.seats) {
      seat.name = this.entry.seats.holder(id)?.name ?? this.services.exercises?.seatLabel(this.entry.live.id, id) ?? '';
      seat.controller = s.seats[id]?.controller ?? 'open';
      seat.connected = (this.connected.get(id) ?? 0) > 0;
      seat.ready = s.seats[id]?.ready ?? false;
    }
  }

  /** A finished match's room closes some time after its last client leaves. */
  private maybeCloseEnded(): void {
    if (this.entry.live.state.phase !== 'ended' || this.clients.length > 0) return;
    this.clock.setTimeout(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, this.services.endedRoomSeconds * 1000);
  }

  private bump(map: Map<string, number>, state: string | null, by: number): void {
    const key = state ?? '';
    map.set(key, Math.max(0, (map.get(key) ?? 0) + by));
  }
}
