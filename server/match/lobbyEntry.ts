import type { MatchSettings, Phase } from '../../shared/index';
import type { PresenceProbe } from './botDriver';
import type { LiveMatch } from './LiveMatch';
import type { SeatBook } from './seatBook';

/** One public match as the lobby lists it (GET /api/matches and the Colyseus lobby room's metadata). */
export interface LobbyEntry {
  matchId: string;
  scenario: string;
  scenarioName: string;
  phase: Phase;
  round: number;
  rounds: number;
  seats: { state: string; name: string; controller: 'open' | 'human' | 'bot'; connected: boolean }[];
  /** Seats nobody holds yet (open ones, or ones a bot plays for now). */
  freeSeats: number;
  phaseSeconds: MatchSettings['phaseSeconds'];
  press: MatchSettings['press'];
  fog: boolean;
}

/** Only public facts: names, controllers, presence, phase and settings. */
export function lobbyEntry(live: LiveMatch, seats: SeatBook, present: PresenceProbe): LobbyEntry {
  const s = live.state;
  const list = live.scenario.states.map((st) => ({
    state: st.id,
    name: seats.holder(st.id)?.name ?? '',
    controller: s.seats[st.id]?.controller ?? 'open',
    connected: present(st.id),
  }));
  return {
    matchId: live.id,
    scenario: live.scenario.id,
    scenarioName: live.scenario.name,
    phase: s.phase,
    round: s.round,
    rounds: s.rounds,
    seats: list,
    freeSeats: s.phase === 'ended' ? 0 : list.filter((x) => seats.isFree(x.state)).length,
    phaseSeconds: s.settings.phaseSeconds,
    press: s.settings.press,
    fog: s.settings.fog,
  };
}
