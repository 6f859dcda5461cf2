import { z } from 'zod';

/** Ids in scenario files and commands: short, lowercase, URL-safe. */
export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an id is 1–40 lowercase letters, digits or dashes');
export type Id = z.infer<typeof IdSchema>;
export type StateId = string;
export type RegionId = string;
