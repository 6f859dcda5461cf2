import type { JoinOptions } from '../../../../shared/index';

/**
 * What the server benchmark asks of its load process (loadWorker.ts) over the IPC channel, and what
 * comes back. Clients live in their own process so that their decoding and bookkeeping do not run
 * on the server's event loop, and the server process's heap and CPU are the server's alone.
 *
 * Every job goes: parent `job` → worker joins its clients → `joined` → parent prepares (starts the
 * matches, takes a heap reading…) → `go` → worker runs the workload → `result`.
 */

/** One client to connect: which room and with what join options. */
export interface ClientPlan {
  matchId: string;
  options: JoinOptions;
}

/** Acknowledgement latency: each client sends orders (order/hold pairs, or budgets) at `ratePerClient` per second, `perClient` of them. */
export interface LatencyJob {
  kind: 'latency';
  endpoint: string;
  clients: ClientPlan[];
  perClient: number;
  /** Commands per second per client (Poisson arrivals); 0: as fast as `window` allows. */
  ratePerClient: number;
  /** Commands a client keeps in flight at most. */
  window: number;
  /** Stop after this long even if not every order was sent (ms). */
  maxMs: number;
}

/** Bytes on the wire: join, then play rounds as bots would (no chat), and count what each client received per round. */
export interface BytesJob {
  kind: 'bytes';
  endpoint: string;
  clients: ClientPlan[];
  /** Play until this round has been played through (round r is counted from its diplomacy to the next one's). */
  measureRound: number;
}

/** Many rooms in diplomacy: everyone chats now and then (mean gap per client, ms) for `activeMs`. */
export interface RoomsJob {
  kind: 'rooms';
  endpoint: string;
  clients: ClientPlan[];
  /** Clients joining at once. */
  joinConcurrency: number;
  meanGapMs: number;
  activeMs: number;
}

/** The floor: plain colyseus.js clients in one bare room (bareRoom.ts) send order-sized messages as the latency job does. */
export interface BareJob {
  kind: 'bare';
  endpoint: string;
  room: string;
  clients: number;
  perClient: number;
  ratePerClient: number;
}

export type Job = LatencyJob | BytesJob | RoomsJob | BareJob;

export interface JoinedReport {
  type: 'joined';
  clients: number;
  /** ms to join them all. */
  joinMs: number;
  /** WebSocket bytes each client received from connecting until it held its seat and full view, as on the wire. */
  joinBytes: number[];
}

export interface LatencyResult {
  kind: 'latency';
  /** Ack latencies (ms) of accepted commands. */
  latencies: number[];
  /** Refusals by code. */
  refused: Record<string, number>;
  /** Wall time of the workload (ms). */
  ms: number;
  /** Connections the server closed during the run. */
  dropped: number;
  /** Commands sent (accepted or not). */
  sent: number;
  /** How late the worker's own timers fired (p99, ms): if large, the load process was the bottleneck. */
  workerLagP99: number;
}

export interface BytesResult {
  kind: 'bytes';
  /** Per client: WebSocket bytes received during the measured round. */
  roundBytes: number[];
  /** Per client: frames received during the measured round. */
  roundFrames: number[];
  /** The same frames' decoded size (what they would weigh uncompressed). */
  roundPlain: number[];
  /** Join bytes, decoded size. */
  joinPlain: number[];
  /** permessage-deflate as negotiated (the extension header; '' if none) and how many frames came compressed, all clients. */
  deflate: { extensions: string; compressedFrames: number; frames: number };
  /** The measured round's frames by message type ('schema': Colyseus state patches), wire bytes, all clients. */
  byType: Record<string, { frames: number; wire: number }>;
  /** Commands the clients sent during the measured round. */
  commands: number;
  /** Host advances needed because the phase did not end by itself. */
  forcedAdvances: number;
  /** What the measured round's patches carried, by the view's top-level key: JSON bytes of the ops, all clients. */
  opBytes: Record<string, number>;
  /** How many patches changed nothing but `now`, all clients. */
  nowOnlyPatches: number;
}

export interface RoomsResult {
  kind: 'rooms';
  latencies: number[];
  refused: Record<string, number>;
  ms: number;
  dropped: number;
  /** How late the worker's own timers fired (p99, ms): if large, the load process was the bottleneck. */
  workerLagP99: number;
}

export type JobResult = LatencyResult | BytesResult | RoomsResult;

export type WorkerMessage = JoinedReport | { type: 'result'; result: JobResult } | { type: 'failed'; error: string };
export type ParentMessage = { type: 'job'; job: Job } | { type: 'go' };
