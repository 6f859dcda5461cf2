import { z } from 'zod';
import { IdSchema } from '../ids';
import { TreatyTermsSchema } from '../treaties/terms';
import { CoefficientsSchema } from './coefficients';

export const REGION_KINDS = ['land', 'sea', 'strait'] as const;
export const ROLES = ['status-quo', 'revisionist'] as const;
export const EVENT_KINDS = [
  'technology-shift', 'rising-competitor', 'cyber-attack', 'election', 'financial-shock', 'sea-lane-crisis', 'space-incident',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const TheaterSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(60),
});

export const RegionSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(60),
  theater: IdSchema,
  /** Board position in abstract units (the client scales it). */
  position: z.object({ x: z.number().min(0).max(2000), y: z.number().min(0).max(2000) }),
  kind: z.enum(REGION_KINDS),
  /** Output the holder earns from the region each round. */
  output: z.number().int().min(0).max(100),
  adjacency: z.array(IdSchema).min(1),
  owner: IdSchema.nullable().default(null),
  home: z.boolean().default(false),
  capital: z.boolean().default(false),
});
export type Region = z.infer<typeof RegionSchema>;

export const ObjectiveSchema = z.discriminatedUnion('kind', [
  /** Hold this region at the end. */
  z.object({ id: IdSchema, kind: z.literal('hold-region'), region: IdSchema, points: z.number().int().min(0).max(100), secret: z.boolean().default(true), text: z.string().max(200).optional() }),
  /** End the match with credibility at least this. */
  z.object({ id: IdSchema, kind: z.literal('min-credibility'), value: z.number().min(0).max(100), points: z.number().int().min(0).max(100), secret: z.boolean().default(true), text: z.string().max(200).optional() }),
  /** End the match party to an active treaty of this kind. */
  z.object({ id: IdSchema, kind: z.literal('treaty-kind'), treaty: z.enum(['defense-pact', 'guarantee', 'basing', 'intelligence', 'trade', 'sanctions', 'non-aggression', 'technology', 'forum']), points: z.number().int().min(0).max(100), secret: z.boolean().default(true), text: z.string().max(200).optional() }),
  /** End the match with output at least factor × starting output. */
  z.object({ id: IdSchema, kind: z.literal('output-growth'), factor: z.number().min(0).max(10), points: z.number().int().min(0).max(100), secret: z.boolean().default(true), text: z.string().max(200).optional() }),
]);
export type Objective = z.infer<typeof ObjectiveSchema>;

export const ScenarioStateSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(40),
  /** Display color, #rrggbb. The client adds initials and patterns; color is never the only cue. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  role: z.enum(ROLES),
  output: z.number().int().min(1).max(10_000),
  /** Starting units by region id. */
  units: z.record(IdSchema, z.number().int().min(0).max(1000)).default({}),
  technology: z.number().min(0.5).max(3).default(1),
  credibility: z.number().min(0).max(100).default(60),
  publicSupport: z.number().min(0).max(100).default(60),
  /** Starting budget shares; they must sum to 1. */
  budget: z.object({ defense: z.number().min(0).max(1), domestic: z.number().min(0).max(1), investment: z.number().min(0).max(1) })
    .default({ defense: 0.2, domestic: 0.5, investment: 0.3 }),
  objectives: z.array(ObjectiveSchema).max(10).default([]),
  /** A line for the briefing: who this state is. */
  blurb: z.string().max(400).default(''),
});
export type ScenarioState = z.infer<typeof ScenarioStateSchema>;

export const StartingTreatySchema = z.object({ id: IdSchema, terms: TreatyTermsSchema });

export const ScenarioSchema = z.object({
  /** Log format of scenario files. */
  format: z.literal(1).default(1),
  id: IdSchema,
  name: z.string().min(1).max(80),
  description: z.string().max(2000).default(''),
  rounds: z.number().int().min(1).max(100),
  theaters: z.array(TheaterSchema).min(1).max(10),
  regions: z.array(RegionSchema).min(2).max(300),
  states: z.array(ScenarioStateSchema).min(2).max(12),
  treaties: z.array(StartingTreatySchema).max(100).default([]),
  coefficients: CoefficientsSchema.default(CoefficientsSchema.parse({})),
  /** How many cards of each kind the event deck holds. */
  eventDeck: z.partialRecord(z.enum(EVENT_KINDS), z.number().int().min(0).max(50)).default({}),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
