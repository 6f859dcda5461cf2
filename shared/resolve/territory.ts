import type { Turn } from '../engine/turn';
import { areFriendly, hasBasing } from '../treaties/queries';
import type { Battle } from './combat';
import type { Forces } from './forces';
import { add, get } from './forces';

/** What the territory step changed, for the steps after it. */
export interface TerritoryOutcome {
  /** Units lost by each state this round. */
  lost: Map<string, number>;
  /** Regions each state lost and gained. */
  regionsLost: Map<string, number>;
  /** Regions where fighting happened, by owner before the fight (war damage). */
  foughtIn: Map<string, number>;
}

function mayStay(t: Turn, state: string, region: string): boolean {
  const owner = t.s.regions[region]!.owner;
  return owner === null || owner === state || hasBasing(t.s.treaties, owner, state);
}

/**
 * Apply the battles, then the moves (GAME.md §3.5 combat → territory). Units that fought and lost a region
 * retreat to a neighbouring region where they may stand, or disband if there is none.
 */
export function applyTerritory(t: Turn, f: Forces, battles: Battle[]): TerritoryOutcome {
  const out: TerritoryOutcome = { lost: new Map(), regionsLost: new Map(), foughtIn: new Map() };
  const lose = (state: string, n: number): void => {
    if (n > 0) out.lost.set(state, (out.lost.get(state) ?? 0) + n);
  };
  // Losses. Defenders lose from where they stand; attackers from their attacking orders.
  for (const b of battles) {
    b.defenseSide.forEach((c, i) => {
      const n = b.defenseLosses[i]!;
      if (n === 0) return;
      lose(c.state, n);
      if (c.role === 'ally') f.committed[c.committedIndex!]!.units -= n;
      else add(f.stay, c.state, c.region, -n);
    });
    b.attackSide.forEach((c, i) => {
      const n = b.attackLosses[i]!;
      lose(c.state, n);
      f.attacks[c.attackIndex!]!.survivors -= n;
    });
    if (b.defender) out.foughtIn.set(b.defender, (out.foughtIn.get(b.defender) ?? 0) + 1);
    const losses: Record<string, number> = {};
    const attackUnits: Record<string, number> = {};
    const defenseUnits: Record<string, number> = {};
    b.attackSide.forEach((c, i) => {
      losses[c.state] = (losses[c.state] ?? 0) + b.attackLosses[i]!;
      attackUnits[c.state] = (attackUnits[c.state] ?? 0) + c.units;
    });
    b.defenseSide.forEach((c, i) => {
      losses[c.state] = (losses[c.state] ?? 0) + b.defenseLosses[i]!;
      defenseUnits[c.state] = (defenseUnits[c.state] ?? 0) + c.units;
    });
    t.emit({ kind: 'combat', audience: 'all', region: b.region, defender: b.defender, attackers: b.attackers, attack: b.attack, defense: b.defense, taken: b.taken, losses, attackUnits, defenseUnits });
  }
  // Captures: the winner takes the region; everyone there not friendly to it must retreat.
  const retreats: Array<{ state: string; from: string; units: number }> = [];
  for (const b of battles) {
    if (!b.taken || !b.winner) continue;
    const region = t.s.regions[b.region]!;
    const from = region.owner;
    region.owner = b.winner;
    if (from) out.regionsLost.set(from, (out.regionsLost.get(from) ?? 0) + 1);
    t.emit({ kind: 'region/captured', audience: 'all', region: b.region, from, to: b.winner });
    for (const [state, inner] of [...f.stay.entries()].sort(([a], [c]) => (a < c ? -1 : 1))) {
      const n = inner.get(b.region) ?? 0;
      if (n <= 0 || b.attackers.includes(state) || areFriendly(t.s.treaties, state, b.winner)) continue;
      inner.set(b.region, 0);
      retreats.push({ state, from: b.region, units: n });
    }
  }
  // Attack survivors advance into a taken region or go back where they came from.
  for (const a of f.attacks) {
    if (a.survivors <= 0) continue;
    const taken = battles.find((b) => b.region === a.to)?.taken ?? false;
    if (taken) add(f.stay, a.state, a.to, a.survivors);
    else returnTo(t, f, retreats, a.state, a.from, a.survivors);
  }
  // Committed allies go home after the crisis.
  for (const c of f.committed) if (c.units > 0) returnTo(t, f, retreats, c.state, c.origin, c.units);
  // Moves arrive unless their destination fell to someone they may not stand with.
  for (const m of f.moves) {
    if (mayStay(t, m.state, m.to)) {
      add(f.stay, m.state, m.to, m.units);
      t.emit({ kind: 'units/moved', audience: moveAudience(t, m.state), state: m.state, from: m.from, to: m.to, units: m.units });
    } else {
      t.emit({ kind: 'units/bounced', audience: moveAudience(t, m.state), state: m.state, from: m.from, to: m.to, units: m.units, reason: 'destination changed hands' });
      returnTo(t, f, retreats, m.state, m.from, m.units);
    }
  }
  // Units with nowhere to go disband: a combat loss.
  for (const r of retreats) if (!retreat(t, f, r.state, r.from, r.units)) lose(r.state, r.units);
  // Write the new positions back.
  for (const rid of t.board.regionIds) t.s.regions[rid]!.units = {};
  for (const [state, inner] of [...f.stay.entries()].sort(([a], [c]) => (a < c ? -1 : 1))) {
    for (const [rid, n] of [...inner.entries()].sort(([a], [c]) => (a < c ? -1 : 1))) if (n > 0) t.s.regions[rid]!.units[state] = n;
  }
  return out;
}

/** Under fog, a move (or a retreat) is news only to the mover; without fog, to everyone. */
function moveAudience(t: Turn, state: string): 'all' | string[] {
  return t.s.settings.fog ? [state] : 'all';
}

function returnTo(t: Turn, f: Forces, retreats: Array<{ state: string; from: string; units: number }>, state: string, region: string, n: number): void {
  if (mayStay(t, state, region)) add(f.stay, state, region, n);
  else retreats.push({ state, from: region, units: n });
}

/** Retreat to the neighbouring region the state may stand in with most of its own units (then by id), else disband. */
function retreat(t: Turn, f: Forces, state: string, from: string, units: number): boolean {
  const options = [...(t.board.adjacent.get(from) ?? [])].filter((r) => {
    const owner = t.s.regions[r]!.owner;
    return owner === state || (owner !== null && hasBasing(t.s.treaties, owner, state));
  });
  options.sort((a, b) => get(f.stay, state, b) - get(f.stay, state, a) || (a < b ? -1 : 1));
  const to = options[0];
  if (to) {
    add(f.stay, state, to, units);
    t.emit({ kind: 'units/retreated', audience: moveAudience(t, state), state, from, to, units });
    return true;
  }
  t.emit({ kind: 'units/disbanded', audience: moveAudience(t, state), state, region: from, units });
  return false;
}
