import { boardOf } from './board';
import type { CommandEnvelope, ControlEnvelope, SeatCommand } from './commands';
import * as control from './commands/controlCommands';
import { crisisChoice } from './commands/crisisCommands';
import * as orders from './commands/orderCommands';
import { declare, message } from './commands/pressCommands';
import { propose, respond, withdraw } from './commands/treatyCommands';
import { castVote, proposeVote } from './commands/voteCommands';
import { claimAdvance, claimControl, claimSeat } from './engine/claims';
import { Draft } from './engine/clone';
import { advancePhase, crisesAnswered, everyoneReady } from './engine/phases';
import { Turn } from './engine/turn';
import type { GameEvent } from './events';
import type { Rejection } from './rejection';
import { reject } from './rejection';
import type { Scenario } from './scenario/schema';
import type { GameState, Phase } from './state';
import { sealBook } from './treaties/queries';

export type ApplyResult = { ok: true; state: GameState; events: GameEvent[] } | Rejection;

/** In which phases each seat command is understood. Anything else is out of phase. */
const SEAT_PHASES: Record<SeatCommand['type'], readonly Phase[]> = {
  propose: ['diplomacy'], respond: ['diplomacy'], proposeVote: ['diplomacy'], castVote: ['diplomacy'], withdraw: ['diplomacy'],
  declare: ['briefing', 'diplomacy', 'orders', 'crisis'],
  message: ['setup', 'briefing', 'diplomacy', 'orders', 'crisis', 'ended'],
  ready: ['briefing', 'diplomacy', 'orders'],
  setBudget: ['orders'], order: ['orders'], cancelOrder: ['orders'], hold: ['orders'], aid: ['orders'], sanctionsVote: ['orders'],
  crisisChoice: ['crisis'],
};

const PHASE_NAMES: Record<Phase, string> = {
  setup: 'before the match starts', briefing: 'in the briefing', diplomacy: 'in diplomacy', orders: 'in the orders phase',
  crisis: 'in a crisis', ended: 'after the match ended',
};

/**
 * The engine's one entry point: state + command → new state + events, or a refusal that changes nothing.
 * Pure: the input state is never modified, and the same inputs always give the same outputs.
 */
export function apply(scenario: Scenario, state: GameState, env: CommandEnvelope): ApplyResult {
  if (env.at < state.now) return reject('time/backwards', 'A command may not carry an earlier time than the last one.');
  // Only what the command writes is copied; everything else stays shared with the input (engine/claims.ts).
  const draft = new Draft(state);
  if (env.actor.role === 'seat') claimSeat(draft, state, env.actor.state, env.command as SeatCommand);
  else claimControl(draft, state, (env as ControlEnvelope).command);
  const t = new Turn(draft, boardOf(scenario), env.at);
  const refusal = env.actor.role === 'seat' ? applySeat(t, env.actor.state, env.command as SeatCommand) : applyControl(t, env as ControlEnvelope);
  if (refusal) return refusal;
  t.s.now = env.at;
  t.commitRng();
  draft.settle();
  sealBook(t.s.treaties);
  return { ok: true, state: t.s, events: t.events };
}

function applySeat(t: Turn, seat: string, cmd: SeatCommand): Rejection | null {
  if (!t.s.nations[seat]) return reject('seat/unknown', `There is no state "${seat}".`);
  if (!SEAT_PHASES[cmd.type].includes(t.s.phase)) {
    return reject('phase/wrong', `That cannot be done ${PHASE_NAMES[t.s.phase]}.`);
  }
  const r = dispatchSeat(t, seat, cmd);
  if (r) return r;
  if ((cmd.type === 'ready' && everyoneReady(t)) || (cmd.type === 'crisisChoice' && crisesAnswered(t))) {
    claimAdvance(t.draft, t.s.phase);
    advancePhase(t);
  }
  return null;
}

function dispatchSeat(t: Turn, seat: string, cmd: SeatCommand): Rejection | null {
  switch (cmd.type) {
    case 'propose': return propose(t, seat, cmd);
    case 'respond': return respond(t, seat, cmd);
    case 'proposeVote': return proposeVote(t, seat, cmd);
    case 'castVote': return castVote(t, seat, cmd);
    case 'withdraw': return withdraw(t, seat, cmd);
    case 'declare': return declare(t, seat, cmd);
    case 'message': return message(t, seat, cmd);
    case 'ready':
      t.s.seats[seat]!.ready = cmd.ready;
      return null;
    case 'setBudget': return orders.setBudget(t, seat, cmd);
    case 'order': return orders.order(t, seat, cmd);
    case 'cancelOrder': return orders.cancelOrder(t, seat, cmd);
    case 'hold': return orders.hold(t, seat, cmd);
    case 'aid': return orders.aid(t, seat, cmd);
    case 'sanctionsVote': return orders.sanctionsVote(t, seat, cmd);
    case 'crisisChoice': return crisisChoice(t, seat, cmd);
  }
}

function applyControl(t: Turn, env: ControlEnvelope): Rejection | null {
  const cmd = env.command;
  switch (cmd.type) {
    case 'start': return control.start(t);
    case 'advancePhase': return control.advance(t, env.actor.role);
    case 'pause': return control.pause(t);
    case 'resume': return control.resume(t);
    case 'extend': return control.extend(t, cmd);
    case 'injectEvent': return control.injectEvent(t, cmd);
    case 'endMatch': return control.end(t);
    case 'setSeat': return control.setSeat(t, cmd);
    case 'broadcast': return control.broadcast(t, cmd);
  }
}
