import { apply, createMatch, view } from '../../../shared/index';
import type { GameState, PlayerView, Scenario, Viewer } from '../../../shared/index';
import type { MatchStore } from '../../../server/store/MatchStore';

/** Every state of a match by log sequence number (index 0: the new match), folded from the stored log. */
export async function statesBySeq(store: MatchStore, matchId: string, scenario: Scenario): Promise<GameState[]> {
  const record = await store.match(matchId);
  if (!record) throw new Error(`no match ${matchId}`);
  const states = [createMatch(scenario, record.settings, record.seed)];
  for (const c of await store.commandsAfter(matchId, 0)) {
    const r = apply(scenario, states[states.length - 1]!, c.envelope);
    if (!r.ok) throw new Error(`replay refused command ${c.seq}: ${r.code}`);
    states.push(r.state);
  }
  return states;
}

/** The view exactly as the wire carries it (plain JSON). */
export function wireView(scenario: Scenario, state: GameState, viewer: Viewer): PlayerView {
  return JSON.parse(JSON.stringify(view(scenario, state, viewer))) as PlayerView;
}
