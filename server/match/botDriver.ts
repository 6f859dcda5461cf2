import { treatyParties, ViewMemo } from '../../shared/index';
import type { GameState, Scenario, SeatCommand } from '../../shared/index';
import { decideBot, isDoctrine } from '../../shared/bots/index';
import type { Doctrine } from '../../shared/bots/index';
import type { Logger } from '../log';
import type { LiveMatch } from './LiveMatch';

/** Whether anybody plays a seat right now (connected, or within the reconnection window). */
export type PresenceProbe = (state: string) => boolean;

/** Consultations of one bot in one phase before the driver stops asking (a bot that never settles). */
const MAX_CONSULTS_PER_PHASE = 40;

/**
 * Plays the seats that bots play, through the same command interface and log as people:
 *  - seats whose controller is 'bot': when a phase opens (and when a crisis calls on them), and in
 *    diplomacy again whenever a proposal it is party to or a vote it casts in changes, since a bot
 *    answers those as they come (decideBot never repeats itself, so asking again is safe);
 *  - seats of people nobody is connected to, once when a phase opens, if settings.absentSeats is 'bot'
 *    (and in every crisis: GAME.md §3.4 "an absent seat is decided by its bot"). Such a stand-in
 *    plays but never declares the seat ready, so a table of absent people does not race through
 *    the match: the phase runs to its deadline.
 * Bots see only their seat's view (shared/view.ts, through a ViewMemo), never the state. They decide on the newest
 * state (including commands not yet durable), so they never answer the same thing twice.
 */
export class BotDriver {
  private consults = new Map<string, number>();
  /** In diplomacy: what each bot last answered, so it is asked again only when that changes. */
  private seen = new Map<string, string>();
  private lastPhase = '';
  /** Bots are asked again and again in diplomacy: their views are rebuilt only where the state changed. */
  private readonly views: ViewMemo;

  constructor(
    private readonly live: LiveMatch,
    private readonly presence: () => PresenceProbe,
    private readonly log: Logger,
  ) {
    this.views = new ViewMemo(live.scenario);
  }

  /**
   * After a restore: the phase did not just open (people have not had a chance to come back),
   * so only true bot seats play.
   */
  resume(): void {
    const s = this.live.head;
    this.lastPhase = `${s.round}/${s.phase}`;
    this.consider();
  }

  /** Look at the newest state and let bots act where they should; call after every commit and after a restore. */
  consider(): void {
    const s = this.live.head;
    if (s.phase === 'setup' || s.phase === 'ended' || s.paused) return;
    const phaseKey = `${s.round}/${s.phase}`;
    const opened = phaseKey !== this.lastPhase;
    if (opened) {
      this.lastPhase = phaseKey;
      this.consults.clear();
      this.seen.clear();
    }
    const present = this.presence();
    for (const state of Object.keys(s.seats).sort()) {
      const seat = s.seats[state]!;
      const asked = this.consults.get(state) ?? 0;
      if (seat.controller === 'bot') {
        let again: boolean;
        if (s.phase === 'diplomacy') {
          const sig = diplomacySignature(s, state);
          again = sig !== this.seen.get(state);
          this.seen.set(state, sig);
        } else {
          again = asked === 0 && needsToAct(s, state);
        }
        if (!again) continue;
        if (asked >= MAX_CONSULTS_PER_PHASE) {
          if (asked === MAX_CONSULTS_PER_PHASE) this.log.warn({ matchId: this.live.id, state, phase: phaseKey }, 'bot keeps acting; no longer asked this phase');
          this.consults.set(state, asked + 1);
          continue;
        }
        this.consults.set(state, asked + 1);
        this.play(s, state, 'bot');
      } else if (seat.controller === 'human' && opened && !present(state) && needsToAct(s, state) &&
        (s.settings.absentSeats === 'bot' || s.phase === 'crisis')) {
        this.consults.set(state, asked + 1);
        this.play(s, state, 'stand-in');
      }
    }
  }

  private play(s: GameState, state: string, mode: 'bot' | 'stand-in'): void {
    const scenario: Scenario = this.live.scenario;
    let commands: SeatCommand[];
    try {
      const v = this.views.of(s, { role: 'seat', state });
      commands = decideBot(scenario, v, doctrineOf(s, scenario, state), `${this.live.record.seed}/${s.round}/${s.phase}/${state}`);
    } catch (e) {
      this.log.error({ err: e, matchId: this.live.id, state }, 'bot failed to decide');
      return;
    }
    if (mode === 'stand-in') commands = commands.filter((c) => c.type !== 'ready');
    // Submitted together: applied in order now, committed in one batch.
    for (const c of commands) {
      void this.live.submitSeat(state, c).then((r) => {
        if (!r.ok) this.log.debug({ matchId: this.live.id, state, command: c.type, code: r.code }, 'bot command refused');
      });
    }
  }
}

/** What a bot answers in diplomacy: proposals it is party to, votes it casts in, its readiness. */
function diplomacySignature(s: GameState, state: string): string {
  const treaties = Object.values(s.treaties)
    .filter((t) => t.status === 'proposed' && treatyParties(t.terms).includes(state))
    .map((t) => `${t.id}:${t.accepted.join(',')}`);
  const votes = Object.values(s.votes)
    .filter((v) => v.status === 'open' && v.voters.includes(state))
    .map((v) => `${v.id}:${Object.keys(v.ballots).sort().join(',')}`);
  return `${treaties.sort().join(';')}|${votes.sort().join(';')}|${s.seats[state]?.ready ? 'r' : ''}`;
}

function needsToAct(s: GameState, state: string): boolean {
  if (s.phase === 'crisis') return s.crises.some((c) => c.ally === state && c.choice === null);
  return !s.seats[state]!.ready;
}

function doctrineOf(s: GameState, scenario: Scenario, state: string): Doctrine {
  const d = s.seats[state]?.doctrine;
  if (d && isDoctrine(d)) return d;
  return scenario.states.find((x) => x.id === state)?.role === 'revisionist' ? 'opportunist' : 'guardian';
}
