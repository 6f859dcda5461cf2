import { z } from 'zod';
import type { BoardIndex } from './board';
import { boardOf } from './board';
import { BudgetSchema } from './budget';
import { channelMembers } from './commands/pressCommands';
import { DeterrenceReader } from './deterrence';
import type { Audience, GameEvent } from './events';
import { GameEventSchema } from './events';
import { ObjectiveSchema } from './scenario/schema';
import type { Scenario } from './scenario/schema';
import { MatchSettingsSchema } from './settings';
import type { GameState } from './state';
import { CrisisSchema, DrawnEventSchema, MessageSchema, PhaseSchema, ScoreSchema, SeatOrdersSchema, TreatySchema, VoteSchema } from './state';
import { objectiveMet } from './rules/objectives';
import { intelligencePartners } from './treaties/queries';
import { treatyParties } from './treaties/parties';

export const ViewerSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('seat'), state: z.string() }),
  z.object({ role: z.literal('facilitator') }),
  z.object({ role: z.literal('spectator') }),
]);
export type Viewer = z.infer<typeof ViewerSchema>;

/** How many recent messages of each channel a view carries; older ones are history. */
export const VIEW_MESSAGES_PER_CHANNEL = 100;

export const PlayerViewSchema = z.object({
  viewer: ViewerSchema,
  /** The facilitator sees everything in this match: players are told so. */
  omniscient: z.boolean(),
  scenarioId: z.string(),
  round: z.number().int(),
  rounds: z.number().int(),
  phase: PhaseSchema,
  paused: z.boolean(),
  deadline: z.number().nullable(),
  remaining: z.number().nullable(),
  now: z.number(),
  settings: MatchSettingsSchema,
  regions: z.record(z.string(), z.object({
    owner: z.string().nullable(),
    /** Units by state; null where fog hides them. */
    units: z.record(z.string(), z.number().int()).nullable(),
    /** Deterrence index from what this viewer can see; null for neutral or fogged regions. */
    deterrence: z.number().nullable(),
  })),
  nations: z.record(z.string(), z.object({
    output: z.number(), technology: z.number(), credibility: z.number(), publicSupport: z.number(),
    revealedBudget: BudgetSchema.nullable(),
  })),
  seats: z.record(z.string(), z.object({ controller: z.enum(['open', 'human', 'bot']), ready: z.boolean() })),
  treaties: z.record(z.string(), TreatySchema),
  votes: z.record(z.string(), VoteSchema),
  /** Interoperability of pairs this viewer belongs to (all pairs for an omniscient facilitator). */
  interop: z.record(z.string(), z.number()),
  crises: z.array(CrisisSchema),
  messages: z.array(MessageSchema),
  report: z.array(GameEventSchema),
  lastReport: z.array(GameEventSchema),
  scores: z.record(z.string(), ScoreSchema),
  winners: z.array(z.string()),
  /** The seat's own secrets: its orders, budget, cap and objectives. */
  own: z.object({
    state: z.string(),
    orders: SeatOrdersSchema,
    budget: BudgetSchema,
    defenseCap: z.number().int().nullable(),
    objectives: z.array(z.intersection(ObjectiveSchema, z.object({ met: z.boolean() }))),
  }).nullable(),
  /** Objectives that scenarios make public, by state (secret ones only ever appear in `own`). */
  publicObjectives: z.record(z.string(), z.array(ObjectiveSchema)),
  /** Everyone's orders and the next cards: only for an omniscient facilitator. */
  allOrders: z.record(z.string(), SeatOrdersSchema).nullable(),
  pendingEvents: z.array(DrawnEventSchema).nullable(),
});
export type PlayerView = z.infer<typeof PlayerViewSchema>;

/** Regions whose units a seat sees under fog (GAME.md §6). */
export function visibleRegions(b: BoardIndex, s: Pick<GameState, 'regions' | 'treaties'>, state: string): Set<string> {
  const seen = new Set<string>();
  const eyes = [state, ...intelligencePartners(s.treaties, state)];
  for (const rid of b.regionIds) {
    const r = s.regions[rid]!;
    for (const e of eyes) {
      if (r.owner === e || (r.units[e] ?? 0) > 0) {
        seen.add(rid);
        if (e === state) for (const n of b.adjacent.get(rid) ?? []) if (r.owner === state) seen.add(n);
      }
    }
  }
  return seen;
}

function sees(audience: Audience, viewer: Viewer, omniscient: boolean): boolean {
  if (audience === 'all') return true;
  if (viewer.role === 'seat') return audience.includes(viewer.state);
  return viewer.role === 'facilitator' && omniscient;
}

/**
 * The one visibility function (GAME.md §6): what a seat, the facilitator or a spectator may know.
 * Everything a client ever receives is cut from this.
 */
export function view(scenario: Scenario, s: GameState, viewer: Viewer): PlayerView {
  const b = boardOf(scenario);
  const omniscient = viewer.role === 'facilitator' && s.settings.facilitatorSeesAll;
  const me = viewer.role === 'seat' ? viewer.state : null;
  const fogged = s.settings.fog && !omniscient;
  const seen = me && fogged ? visibleRegions(b, s, me) : null;
  const regions: PlayerView['regions'] = {};
  for (const rid of b.regionIds) {
    const r = s.regions[rid]!;
    const visible = !fogged || (seen?.has(rid) ?? false);
    regions[rid] = { owner: r.owner, units: visible ? { ...r.units } : null, deterrence: null };
  }
  const treaties: PlayerView['treaties'] = {};
  for (const [id, tr] of Object.entries(s.treaties)) {
    // GAME.md §5: only proposals are private to their parties; once every party has accepted, the treaty is public.
    const isPublic = tr.status !== 'proposed';
    if (isPublic || omniscient || (me !== null && treatyParties(tr.terms).includes(me))) treaties[id] = tr;
  }
  const interop: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.interop)) if (omniscient || (me !== null && k.split('|').includes(me))) interop[k] = v;
  const nations: PlayerView['nations'] = {};
  for (const [id, n] of Object.entries(s.nations)) {
    nations[id] = { output: n.output, technology: n.technology, credibility: n.credibility, publicSupport: n.publicSupport, revealedBudget: n.revealedBudget };
  }
  // Deterrence from this viewer's knowledge: hidden units count as nothing; true interoperability is a public-enough fact of the model.
  const indexes = fogged ? deterrenceIndexes(b, s, regions, nations) : sharedIndexes(b, s, regions, nations);
  for (const rid of b.regionIds) {
    const reg = regions[rid]!;
    if (reg.units !== null) reg.deterrence = indexes[rid] ?? null;
  }
  const messages = visibleMessages(s, viewer, omniscient);
  const objectivesOf = (state: string) =>
    (scenario.states.find((x) => x.id === state)?.objectives ?? []).map((o) => ({ ...o, met: objectiveMet(s, state, o) }));
  return {
    viewer, omniscient, scenarioId: s.scenarioId, round: s.round, rounds: s.rounds, phase: s.phase, paused: s.paused,
    deadline: s.deadline, remaining: s.remaining, now: s.now, settings: s.settings,
    regions, nations,
    seats: Object.fromEntries(Object.entries(s.seats).map(([k, v]) => [k, { controller: v.controller, ready: v.ready }])),
    treaties,
    votes: Object.fromEntries(Object.entries(s.votes).filter(([, v]) => treaties[v.treatyId] !== undefined)),
    interop,
    crises: s.crises.filter((c) => omniscient || (me !== null && (c.ally === me || c.defender === me))),
    messages,
    report: s.report.filter((e) => sees(e.audience, viewer, omniscient)),
    lastReport: s.lastReport.filter((e) => sees(e.audience, viewer, omniscient)),
    scores: s.scores,
    winners: s.winners,
    own: me === null ? null : {
      state: me, orders: s.orders[me]!, budget: s.nations[me]!.budget, defenseCap: s.nations[me]!.defenseCap, objectives: objectivesOf(me),
    },
    publicObjectives: Object.fromEntries(scenario.states.map((st) => [st.id, st.objectives.filter((o) => !o.secret || omniscient)])),
    allOrders: omniscient ? s.orders : null,
    pendingEvents: omniscient ? s.pendingEvents : null,
  };
}

type RegionsView = PlayerView['regions'];
type NationsView = PlayerView['nations'];

/** Deterrence index of every region whose units the cut `regions` show. */
function deterrenceIndexes(b: BoardIndex, s: GameState, regions: RegionsView, nations: NationsView): Record<string, number | null> {
  const activeOnly = Object.fromEntries(Object.entries(s.treaties).filter(([, t]) => t.status === 'active'));
  const reader = new DeterrenceReader(b, { regions, nations, treaties: activeOnly, interop: s.interop });
  const out: Record<string, number | null> = {};
  for (const rid of b.regionIds) if (regions[rid]!.units !== null) out[rid] = reader.of(rid)?.index ?? null;
  return out;
}

/**
 * Without fog every viewer sees every unit, so the indexes are the same for all of them: computed once per state.
 * States are never changed after apply() returns them, so the cache cannot go stale.
 */
const unfoggedIndexes = new WeakMap<GameState, Record<string, number | null>>();
function sharedIndexes(b: BoardIndex, s: GameState, regions: RegionsView, nations: NationsView): Record<string, number | null> {
  let hit = unfoggedIndexes.get(s);
  if (!hit) {
    hit = deterrenceIndexes(b, s, regions, nations);
    unfoggedIndexes.set(s, hit);
  }
  return hit;
}

function visibleMessages(s: GameState, viewer: Viewer, omniscient: boolean): PlayerView['messages'] {
  const perChannel = new Map<string, number>();
  const out: PlayerView['messages'] = [];
  for (let i = s.messages.length - 1; i >= 0; i--) {
    const m = s.messages[i]!;
    const count = perChannel.get(m.channel) ?? 0;
    if (count >= VIEW_MESSAGES_PER_CHANNEL) continue;
    const members = channelMembers(s, m.channel);
    const ok = omniscient || members === 'all' || (viewer.role === 'seat' && (members?.includes(viewer.state) ?? m.from === viewer.state));
    if (!ok) continue;
    perChannel.set(m.channel, count + 1);
    out.push(m);
  }
  return out.reverse();
}

/** Events as one viewer may see them (for round reports sent outside a full view). */
export function visibleEvents(events: readonly GameEvent[], s: GameState, viewer: Viewer): GameEvent[] {
  const omniscient = viewer.role === 'facilitator' && s.settings.facilitatorSeesAll;
  return events.filter((e) => sees(e.audience, viewer, omniscient));
}
