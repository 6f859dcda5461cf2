import { drawCards } from '../engine/deck';
import type { Turn } from '../engine/turn';
import { decideBattles } from './combat';
import { resolveCohesion } from './cohesion';
import { resolveCredibility } from './credibility';
import { resolveEconomy } from './economy';
import { resolveExercises } from './exercises';
import { gatherForces } from './forces';
import { attackedRegions, recordHistory } from './history';
import { resolvePublicSupport } from './publicSupport';
import { computeScores, payPeaceDividend } from './scores';
import { applyTerritory } from './territory';
import { unitsByState } from './tally';
import { resolveTreatyUpkeep } from './treatyUpkeep';

/**
 * Resolution (GAME.md §3.5), instant and deterministic:
 * combat → territory → economy → credibility → public support → cohesion → scores → next round's events.
 * Decide first (battles), then apply, in a fixed order.
 */
export function resolveRound(t: Turn): void {
  const unitsBefore = unitsByState(t);
  const forces = gatherForces(t);
  const attacks = attackedRegions(t, forces);
  const battles = decideBattles(t, forces);
  const territory = applyTerritory(t, forces, battles);
  for (const a of attacks) a.taken = battles.find((b) => b.region === a.region)?.taken ?? false;
  const exercised = resolveExercises(t, forces);
  const econ = resolveEconomy(t, territory);
  resolveCredibility(t, battles, econ);
  resolvePublicSupport(t, battles, territory, econ, unitsBefore);
  resolveCohesion(t, econ, exercised);
  resolveTreatyUpkeep(t, exercised);
  const war = battles.length > 0;
  payPeaceDividend(t, war);
  computeScores(t);
  t.s.pendingEvents = drawCards(t);
  recordHistory(t, attacks, war);
  for (const id of t.stateIds) {
    const prev = t.s.orders[id]!;
    t.s.orders[id] = { budget: null, force: [], aid: {}, sanctions: prev.sanctions };
  }
  t.s.crises = [];
}
