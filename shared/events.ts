import { z } from 'zod';

const id = z.string();
/** Who may see an event: everyone, or only these states (the facilitator sees all when allowed). */
export const AudienceSchema = z.union([z.literal('all'), z.array(id)]);
export type Audience = z.infer<typeof AudienceSchema>;

const base = { audience: AudienceSchema, round: z.number().int() };
const ev = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...base, ...shape });

/** The typed events of a round report (GAME.md §3.5). The client animates them; the debrief keeps them. */
export const GameEventSchema = z.discriminatedUnion('kind', [
  ev('match/started', {}),
  ev('round/started', {}),
  ev('phase/changed', { phase: z.string(), deadline: z.number().nullable() }),
  ev('match/paused', {}),
  ev('match/resumed', { deadline: z.number().nullable() }),
  ev('phase/extended', { deadline: z.number().nullable() }),
  ev('seat/changed', { state: id, controller: z.string(), doctrine: z.string().nullable() }),
  ev('card/revealed', { card: z.string(), target: id.nullable(), text: z.string() }),
  ev('treaty/proposed', { treaty: id, treatyKind: z.string(), proposer: id, parties: z.array(id) }),
  ev('treaty/accepted', { treaty: id, state: id }),
  ev('treaty/rejected', { treaty: id, state: id }),
  ev('treaty/expired', { treaty: id }),
  ev('treaty/activated', { treaty: id, treatyKind: z.string(), parties: z.array(id) }),
  ev('treaty/notice', { treaty: id, state: id, effectiveRound: z.number().int() }),
  ev('treaty/left', { treaty: id, state: id, breach: z.boolean() }),
  ev('treaty/breached', { treaty: id, state: id, victim: id }),
  ev('treaty/ended', { treaty: id, reason: z.string() }),
  ev('vote/opened', { vote: id, treaty: id, voteKind: z.string(), subject: id.nullable(), guideline: z.number().nullable() }),
  ev('vote/closed', { vote: id, treaty: id, passed: z.boolean(), yes: z.number().int(), no: z.number().int() }),
  ev('declaration', { state: id, text: z.string() }),
  ev('crisis/opened', { crisis: id, region: id, defender: id, attackers: z.array(id), ally: id, eligible: z.number().int() }),
  ev('crisis/decided', { crisis: id, region: id, ally: id, defender: id, choice: z.enum(['honor', 'abstain']), units: z.number().int() }),
  ev('warning/attack', { region: id, attackers: z.array(id), units: z.number().int() }),
  ev('combat', {
    region: id, defender: id.nullable(), attackers: z.array(id), attack: z.number(), defense: z.number(), taken: z.boolean(),
    /** Units lost by state. */
    losses: z.record(id, z.number().int()),
    /** Units that fought by state and side. */
    attackUnits: z.record(id, z.number().int()), defenseUnits: z.record(id, z.number().int()),
  }),
  ev('support/cut', { state: id, from: id, to: id }),
  ev('region/captured', { region: id, from: id.nullable(), to: id }),
  ev('units/moved', { state: id, from: id, to: id, units: z.number().int() }),
  ev('units/bounced', { state: id, from: id, to: id, units: z.number().int(), reason: z.string() }),
  ev('units/retreated', { state: id, from: id, to: id, units: z.number().int() }),
  ev('units/disbanded', { state: id, region: id, units: z.number().int() }),
  ev('units/recruited', { state: id, region: id, units: z.number().int() }),
  ev('units/demobilized', { state: id, units: z.number().int() }),
  ev('exercise/held', { states: z.array(id), theater: id, interoperability: z.number() }),
  ev('exercise/unmatched', { state: id, partner: id }),
  ev('budget/revealed', { state: id, defense: z.number().int(), domestic: z.number().int(), investment: z.number().int() }),
  ev('aid/sent', { from: id, to: id, amount: z.number().int() }),
  ev('economy', { state: id, output: z.number().int(), previous: z.number().int(), growth: z.number(), trade: z.number(), sanctions: z.number(), warDamage: z.number(), defenseDrag: z.number() }),
  ev('technology', { state: id, technology: z.number(), previous: z.number() }),
  ev('credibility', { state: id, value: z.number(), delta: z.number(), reason: z.string() }),
  ev('support', { state: id, value: z.number(), delta: z.number() }),
  ev('government/fell', { state: id, defenseCap: z.number().int() }),
  ev('cohesion', { treaty: id, value: z.number(), delta: z.number(), unfairness: z.number() }),
  ev('alliance/strain', { treaty: id, cohesion: z.number() }),
  ev('peace/dividend', { states: z.array(id), points: z.number() }),
  ev('scores', { scores: z.record(id, z.number()) }),
  ev('match/ended', { winners: z.array(id), scores: z.record(id, z.number()) }),
  ev('facilitator/broadcast', { text: z.string() }),
]);
export type GameEvent = z.infer<typeof GameEventSchema>;
export type GameEventKind = GameEvent['kind'];
/** An event before its round is stamped on it. */
export type NewEvent = GameEvent extends infer E ? (E extends GameEvent ? Omit<E, 'round'> : never) : never;
