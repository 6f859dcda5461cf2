import { boardOf } from '../board';
import { budgetFromShares } from '../budget';
import { seedRng } from '../rng';
import type { Scenario } from '../scenario/schema';
import type { MatchSettings } from '../settings';
import type { GameState, Nation, RegionState, Treaty } from '../state';
import { pairKey } from '../pairKey';
import { buildDeck } from './deck';

/** The state of a new match in setup, before anyone has acted. */
export function createMatch(scenario: Scenario, settings: MatchSettings, seed: string): GameState {
  const board = boardOf(scenario);
  const regions: Record<string, RegionState> = {};
  for (const r of scenario.regions) regions[r.id] = { owner: r.owner, units: {} };
  const nations: Record<string, Nation> = {};
  for (const st of scenario.states) {
    for (const [rid, n] of Object.entries(st.units)) {
      if (n > 0 && regions[rid]) regions[rid].units[st.id] = n;
    }
    const held = scenario.regions.filter((r) => r.owner === st.id);
    const regionOutput = held.reduce((a, r) => a + r.output, 0) * scenario.coefficients.regionOutputFactor;
    const core = Math.max(0, st.output - Math.round(regionOutput));
    nations[st.id] = {
      output: core + Math.round(regionOutput),
      core,
      startOutput: Math.max(1, core + Math.round(regionOutput)),
      technology: st.technology,
      credibility: st.credibility,
      publicSupport: st.publicSupport,
      budget: budgetFromShares(st.budget),
      revealedBudget: null,
      defenseCap: null,
      startRegions: held.length,
      peaceDividends: 0,
    };
  }
  const interop: Record<string, number> = {};
  const ids = board.stateIds;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) interop[pairKey(ids[i]!, ids[j]!)] = scenario.coefficients.interopStrangers;
  }
  const treaties: Record<string, Treaty> = {};
  for (const t of scenario.treaties) {
    treaties[t.id] = {
      id: t.id, terms: t.terms, status: 'active', proposer: 'scenario', accepted: [], proposedRound: 0, activeSince: 0,
      cohesion: t.terms.kind === 'defense-pact' ? scenario.coefficients.cohesionStart : null, strained: false, notices: {},
      enforcing: t.terms.kind === 'sanctions' ? Object.fromEntries(t.terms.members.map((m) => [m, true])) : {},
      endedRound: null, endReason: null,
    };
  }
  const rng = seedRng(seed);
  const [deck, rngAfter] = buildDeck(scenario, rng);
  return {
    format: 1,
    scenarioId: scenario.id,
    seed,
    settings,
    rng: [...rngAfter] as GameState['rng'],
    round: 0,
    rounds: settings.rounds ?? scenario.rounds,
    phase: 'setup',
    paused: false,
    deadline: null,
    remaining: null,
    now: 0,
    nextId: 1,
    regions,
    nations,
    seats: Object.fromEntries(ids.map((id) => [id, { controller: 'open' as const, doctrine: null, ready: false }])),
    interop,
    treaties,
    votes: {},
    orders: Object.fromEntries(ids.map((id) => [id, { budget: null, force: [], aid: {}, sanctions: {} }])),
    crises: [],
    messages: [],
    deck,
    pendingEvents: [],
    effects: { tradeSuspended: false, earlyWarningOff: false },
    report: [],
    lastReport: [],
    history: [],
    scores: {},
    winners: [],
  };
}
