import { EVENT_KINDS, guidelineOf, treatyParties } from '../../shared/index';
import type { GameState } from '../../shared/index';
import type { Dashboard, ExerciseConfig } from '../../shared/debrief/classroom';
import type { MatchEntry } from '../match/MatchService';
import type { Roster } from './roster';

/** Texts kept per channel on the dashboard (newest), when the facilitator may read them. */
const TEXTS_PER_CHANNEL = 30;

export interface DashboardInput {
  entry: MatchEntry;
  config: ExerciseConfig;
  roster: Roster;
  code: string;
  /** Participants with the match page open. */
  connected: Set<string>;
  now: number;
}

/** Who may read a channel, also after its treaty ended (for counting only). */
function membersOf(s: GameState, channel: string): string[] | 'all' {
  if (channel === 'public') return 'all';
  const pair = /^pair:([a-z0-9-]+):([a-z0-9-]+)$/.exec(channel);
  if (pair) return [pair[1]!, pair[2]!];
  const treaty = /^treaty:([a-z0-9-]+)$/.exec(channel);
  const tr = treaty ? s.treaties[treaty[1]!] : undefined;
  return tr ? treatyParties(tr.terms) : [];
}

/**
 * The facilitator's live picture (GAME.md §7): seats and who is connected and ready, each state's
 * figures against the guideline, pacts, the alliance network, open crises, and message counts per
 * channel. Message texts are included only where the exercise lets the facilitator see everything;
 * the figures are the public ones (revealed budgets, not the ones being chosen).
 */
export function buildDashboard(input: DashboardInput): Dashboard {
  const { entry, config, roster, connected } = input;
  const s = entry.live.state;
  const scenario = entry.live.scenario;
  const omniscient = s.settings.facilitatorSeesAll;
  const participants = roster.list().map((p) => ({
    id: p.id, name: p.name, state: p.state, role: p.role, connected: connected.has(p.id), arrivedAt: p.arrivedAt,
  }));
  const seats = scenario.states.map((st) => {
    const n = s.nations[st.id]!;
    let units = 0;
    let regions = 0;
    for (const r of Object.values(s.regions)) {
      units += r.units[st.id] ?? 0;
      if (r.owner === st.id) regions++;
    }
    const team = participants.filter((p) => p.state === st.id);
    return {
      state: st.id, name: st.name, controller: s.seats[st.id]?.controller ?? 'open', ready: s.seats[st.id]?.ready ?? false,
      connected: team.some((p) => p.connected) || entry.presence(st.id),
      output: n.output, credibility: n.credibility, publicSupport: n.publicSupport,
      defense: n.revealedBudget?.defense ?? null, guideline: guidelineOf(s.treaties, st.id),
      // Units under fog are a secret of their owners unless the facilitator sees everything.
      units: omniscient || !s.settings.fog ? units : -1,
      regions, score: s.scores[st.id]?.total ?? null,
    };
  });
  const active = Object.values(s.treaties).filter((t) => t.status === 'active').sort((a, b) => (a.id < b.id ? -1 : 1));
  const pacts = active.flatMap((t) => (t.terms.kind === 'defense-pact'
    ? [{ id: t.id, name: t.terms.name, members: [...t.terms.members], cohesion: t.cohesion ?? 0, guideline: Math.round(t.terms.guideline * 100), strained: t.strained }]
    : []));
  const byChannel = new Map<string, { from: string; text: string; at: number }[]>();
  for (const m of s.messages) {
    const list = byChannel.get(m.channel) ?? [];
    list.push({ from: m.from, text: m.text, at: m.at });
    byChannel.set(m.channel, list);
  }
  const channels = [...byChannel.entries()].sort(([a], [b]) => (a === 'public' ? -1 : b === 'public' ? 1 : a < b ? -1 : 1)).map(([channel, list]) => ({
    channel, members: membersOf(s, channel), count: list.length,
    texts: omniscient || channel === 'public' ? list.slice(-TEXTS_PER_CHANNEL) : null,
  }));
  return {
    matchId: entry.live.id, code: input.code, title: config.title, scenario: scenario.id, config,
    phase: s.phase, round: s.round, rounds: s.rounds, paused: s.paused, deadline: s.deadline, remaining: s.remaining, now: input.now,
    facilitatorSeesAll: omniscient, participants, seats, pacts,
    treaties: active.map((t) => ({ id: t.id, kind: t.terms.kind, parties: treatyParties(t.terms) })),
    // Who attacks whom is known to the parties until resolution; the facilitator sees it only when it sees everything.
    crises: omniscient ? s.crises.map((c) => ({ id: c.id, region: c.region, defender: c.defender, attackers: [...c.attackers], ally: c.ally, choice: c.choice })) : [],
    openCrises: s.crises.filter((c) => c.choice === null).length,
    channels,
    cards: [...EVENT_KINDS, 'custom'],
  };
}
