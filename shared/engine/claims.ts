import type { ControlCommand, SeatCommand } from '../commands';
import type { GameState, Phase } from '../state';
import type { Draft } from './clone';

/**
 * What each command writes, claimed in its draft before the handler runs (see Draft in clone.ts). Events need no
 * claim: Turn.emit claims the report itself. Rare commands that reach into many parts claim everything.
 * Read a handler before narrowing its claim: the frozen-state property test is the guard.
 */
export function claimSeat(d: Draft, s: GameState, seat: string, c: SeatCommand): void {
  switch (c.type) {
    case 'setBudget':
    case 'order':
    case 'cancelOrder':
    case 'hold':
    case 'aid':
    case 'sanctionsVote':
      d.entry('orders', seat);
      return;
    case 'message':
    case 'declare':
      d.whole('messages');
      return;
    case 'ready':
      // Ending the phase claims more, once it is known to end (claimAdvance).
      d.entry('seats', seat);
      return;
    case 'propose':
      d.record('treaties');
      return;
    case 'respond':
      d.entry('treaties', c.treaty);
      return;
    case 'proposeVote':
      claimVotesOf(d, s, c.treaty);
      return;
    case 'castVote': {
      const v = s.votes[c.vote];
      if (v) claimVotesOf(d, s, v.treatyId);
      return;
    }
    case 'crisisChoice':
      d.crisis(c.crisis);
      return;
    case 'withdraw':
      // Credibility, the treaty, its votes, and a basing guest's units sent home.
      d.all();
      return;
  }
}

/**
 * A vote writes its own treaty's votes and, when it closes, the treaty itself (members, guideline, enforcement; an
 * expulsion may end it). Only multilateral treaties vote, so no basing guest is ever sent home from here.
 */
function claimVotesOf(d: Draft, s: GameState, treaty: string): void {
  d.entry('treaties', treaty);
  d.record('votes');
  for (const id in s.votes) if (s.votes[id]!.treatyId === treaty) d.entry('votes', id);
}

export function claimControl(d: Draft, s: GameState, c: ControlCommand): void {
  switch (c.type) {
    case 'pause':
    case 'resume':
    case 'extend':
      return;
    case 'setSeat':
      d.entry('seats', c.state);
      return;
    case 'broadcast':
      d.whole('messages');
      return;
    case 'advancePhase':
      claimAdvance(d, s.phase);
      return;
    case 'start':
    case 'injectEvent':
    case 'endMatch':
      d.all();
      return;
  }
}

/**
 * What ending a phase writes (engine/phases.ts): every seat's ready flag; closing diplomacy also settles treaties and
 * votes. The end of orders or of a crisis may resolve the round, which writes everything.
 */
export function claimAdvance(d: Draft, phase: Phase): void {
  switch (phase) {
    case 'briefing':
      d.allOf('seats');
      return;
    case 'diplomacy':
      d.allOf('seats');
      d.allOf('treaties');
      d.allOf('votes');
      return;
    case 'orders':
    case 'crisis':
      d.all();
      return;
    case 'setup':
    case 'ended':
      return;
  }
}
