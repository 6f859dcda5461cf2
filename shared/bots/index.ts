/**
 * Bots (GAME.md §8): four doctrines, each a pure function of its seat's view and a seed, speaking through the same
 * commands a player sends. A bot is handed its view and nothing else.
 */
import type { SeatCommand } from '../commands';
import type { Scenario } from '../scenario/schema';
import type { PlayerView } from '../view';
import { BotContext } from './context';
import { decideCrises } from './crisis';
import { decideDiplomacy } from './diplomacy';
import type { Doctrine } from './doctrines';
import { decideOrders } from './orders';

export { DOCTRINES, TRAITS, isDoctrine } from './doctrines';
export type { Doctrine, DoctrineTraits } from './doctrines';

/**
 * Commands a bot seat sends now, for the view's current phase (briefing: ready; diplomacy: proposals/answers/votes/declaration
 * then ready; orders: budget, force orders, aid, sanctions votes, then ready; crisis: one crisisChoice per open crisis addressed
 * to it). Pure and deterministic in (view, doctrine, seed).
 *
 * Call it again whenever the view changes during diplomacy: it answers what is new and never repeats itself. It holds
 * back `ready` while a proposal it is party to waits for an answer, so that a match of bots settles its treaties
 * before the phase ends.
 */
export function decideBot(scenario: Scenario, view: PlayerView, doctrine: Doctrine, seed: string): SeatCommand[] {
  if (!view.own || view.paused) return [];
  const me = view.own.state;
  switch (view.phase) {
    case 'setup':
    case 'ended':
      return [];
    case 'briefing':
      return view.seats[me]?.ready ? [] : [{ type: 'ready', ready: true }];
    case 'diplomacy':
      return decideDiplomacy(new BotContext(scenario, view, doctrine, seed));
    case 'orders':
      return decideOrders(new BotContext(scenario, view, doctrine, seed));
    case 'crisis':
      return decideCrises(new BotContext(scenario, view, doctrine, seed));
  }
}
