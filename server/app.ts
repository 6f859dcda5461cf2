import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LobbyRoom, matchMaker, Server } from '@colyseus/core';
import express from 'express';
import { GuessLimiter } from './auth/guessLimiter';
import type { Config } from './config';
import { createClassroom } from './exercise/classroom';
import { jsonErrors } from './http/errors';
import { healthRoutes } from './http/health';
import { matchRoutes } from './http/matches';
import { scenarioRoutes } from './http/scenarios';
import { staticClientRoutes } from './http/staticClient';
import type { Logger } from './log';
import { createLogger } from './log';
import { MatchService } from './match/MatchService';
import { ScenarioCatalog } from './match/scenarios';
import { GuardedWebSocketTransport } from './net/guardedTransport';
import { ClientRateLimiter } from './net/rateLimit';
import { RejoinLimiter } from './rooms/joinRules';
import { MatchRoom } from './rooms/MatchRoom';
import type { RoomServices } from './rooms/MatchRoom';
import { CommitQueue } from './store/commitQueue';
import type { MatchStore } from './store/MatchStore';
import { openStore } from './store/openStore';

export interface RunningServer {
  /** The port actually bound (useful with PORT=0). */
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  matches: MatchService;
  store: MatchStore;
  queue: CommitQueue;
  scenarios: ScenarioCatalog;
  log: Logger;
  /** Stop taking commands, commit what was accepted, close rooms and the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  /** The server clock (ms); tests shift it to simulate time passing while the server was down. */
  now?: () => number;
}

/**
 * One HTTP server on one port: Express (API, health, the built client) and Colyseus (WebSocket)
 * share it. Unfinished matches are restored before the port opens.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const scenarios = ScenarioCatalog.load(config.scenariosDir, log);
  const store = await openStore(config.database);
  const queue = new CommitQueue(store, log);
  const guesses = new GuessLimiter(10, 0.2);
  const creations = new GuessLimiter(10, 1 / 6);

  const app = express();
  app.disable('x-powered-by');
  // Only a trusted proxy's X-Forwarded-For may name the client (per-IP limits).
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.use(express.json({ limit: '16kb' }));
  const httpServer = http.createServer(app);
  const gameServer = new Server({
    transport: new GuardedWebSocketTransport({
      server: httpServer,
      guard: { onRefuse: (r) => log.warn(r, 'websocket frame refused; connection closed') },
    }),
    gracefullyShutdown: false,
    greet: false,
    logger: log.child({ component: 'colyseus' }),
  });

  const matches = new MatchService({
    store, queue, scenarios, log, now: options.now,
    openRoom: async (matchId) => {
      await matchMaker.createRoom('match', { matchId });
    },
  });
  const classroom = createClassroom({ store, matches, scenarios, log, guesses, creations, now: options.now });
  const services: RoomServices = {
    exercises: classroom.exercises,
    matches, log, guesses, rejoins: new RejoinLimiter(), trustProxy: config.trustProxy,
    newLimiter: () => new ClientRateLimiter(),
    reconnectSeconds: config.reconnectSeconds,
    endedRoomSeconds: config.endedRoomSeconds,
  };
  gameServer.define('lobby', LobbyRoom);
  gameServer.define('match', MatchRoom, { services }).enableRealtimeListing();

  app.use(healthRoutes(matches, queue, store.kind));
  app.use('/api', scenarioRoutes(scenarios));
  app.use('/api', matchRoutes({ matches, guesses, creations, log }));
  app.use('/api', classroom.routes);
  app.use('/api', (_req, res) => {
    res.status(404).json({ code: 'http/not-found', message: 'No such API route.' });
  });
  const client = staticClientRoutes(config.staticDir);
  if (client) app.use(client);
  else log.warn({ dir: config.staticDir }, 'no built client found: serving the API only');
  app.use(jsonErrors);

  try {
    await matches.restoreAll();
    await classroom.exercises.restore();
    await gameServer.listen(config.port, config.host);
  } catch (e) {
    await matches.close().catch(() => undefined);
    await gameServer.gracefullyShutdown(false).catch(() => undefined);
    await store.close().catch(() => undefined);
    throw e;
  }
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port, store: config.databaseLabel, matches: matches.count() }, 'server listening');

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => {
        if (!httpServer.listening) resolve();
        else httpServer.once('close', () => resolve());
      });
      await matches.close();
      await gameServer.gracefullyShutdown(false);
      httpServer.closeAllConnections();
      await Promise.race([httpClosed, new Promise((r) => setTimeout(r, 2000).unref())]);
      await store.close();
      log.info('server stopped');
    })();
    return closing;
  };

  return { port, url: `http://127.0.0.1:${port}`, matches, store, queue, scenarios, log, close };
}
