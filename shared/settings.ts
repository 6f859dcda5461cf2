import { z } from 'zod';

const seconds = z.number().int().min(0).max(7 * 24 * 3600);
const phaseSeconds = z.number().int().min(30).max(7 * 24 * 3600);

export const PRESS_MODES = ['full', 'public', 'none'] as const;
export type PressMode = (typeof PRESS_MODES)[number];

/** How a match is played (GAME.md §7). Validated at every boundary that accepts one. */
export const MatchSettingsSchema = z.object({
  /** Phase lengths in seconds: 30 s for a live class up to 7 days for play over a week. Briefing may be 0 (skipped). */
  phaseSeconds: z.object({
    briefing: seconds.default(15),
    diplomacy: phaseSeconds.default(300),
    orders: phaseSeconds.default(180),
    crisis: phaseSeconds.default(60),
  }).default({ briefing: 15, diplomacy: 300, orders: 180, crisis: 60 }),
  /** full: all channels; public: only the public channel; none: no messages at all ("gunboat"). */
  press: z.enum(PRESS_MODES).default('full'),
  /** Fog of war: a seat sees units only near its own regions (GAME.md §6). */
  fog: z.boolean().default(false),
  /** Seeded combat variance; off by default for classrooms. */
  combatVariance: z.boolean().default(false),
  /** Spectators may watch. */
  spectators: z.boolean().default(true),
  /** Bots take every seat nobody holds when the match starts. */
  botsFill: z.boolean().default(true),
  /** The facilitator sees everything; players are told so before they join. */
  facilitatorSeesAll: z.boolean().default(false),
  /** A seat with nobody connected: keep its last orders ('hold') or let its bot play ('bot'). */
  absentSeats: z.enum(['hold', 'bot']).default('hold'),
  /** Overrides the scenario's round count. */
  rounds: z.number().int().min(1).max(100).optional(),
});
export type MatchSettings = z.infer<typeof MatchSettingsSchema>;
export type MatchSettingsInput = z.input<typeof MatchSettingsSchema>;

export const DEFAULT_SETTINGS: MatchSettings = MatchSettingsSchema.parse({});
