import { isHome } from '../board';
import type { Turn } from '../engine/turn';
import { pairKey } from '../pairKey';
import { areFriendly, intelligencePartners, shareIntelligence } from '../treaties/queries';
import type { Forces } from './forces';
import { get } from './forces';

/** A contributor to one side of a battle: whose units, where they stand, how many. */
export interface Contributor {
  state: string;
  region: string;
  units: number;
  /** Index into forces.attacks for attackers; committed/support/local for defenders. */
  role: 'attack' | 'local' | 'support' | 'ally';
  attackIndex?: number;
  committedIndex?: number;
}

/** One battle, decided before anything is applied. */
export interface Battle {
  region: string;
  defender: string | null;
  attackers: string[];
  attack: number;
  defense: number;
  taken: boolean;
  /** The attacker that takes the region: the largest contribution, ties to the first id. */
  winner: string | null;
  attackSide: Contributor[];
  defenseSide: Contributor[];
  /** Losses per contributor, same order as the sides. */
  attackLosses: number[];
  defenseLosses: number[];
}

/** Interoperability of a pair, with the intelligence-sharing bonus (GAME.md §4, §5). */
export function effectiveInterop(t: Turn, a: string, b: string): number {
  if (a === b) return 1;
  const base = t.s.interop[pairKey(a, b)] ?? t.c.interopStrangers;
  return Math.min(1, base + (shareIntelligence(t.s.treaties, a, b) ? t.c.intelBonus : 0));
}

/** Supports from a region that is itself attacked are cut (as in Diplomacy): the units must look to their own front. */
export function cutSupports(t: Turn, f: Forces): Set<number> {
  const attacked = new Set(f.attacks.map((a) => a.to));
  const cut = new Set<number>();
  f.supports.forEach((s, i) => {
    if (attacked.has(s.from) && f.attacks.some((a) => a.to === s.from && a.state !== s.state)) {
      cut.add(i);
      t.emit({ kind: 'support/cut', audience: 'all', state: s.state, from: s.from, to: s.to });
    }
  });
  return cut;
}

/** Decide every battle (GAME.md §4 combat). Nothing is changed here but the PRNG cursor. */
export function decideBattles(t: Turn, f: Forces): Battle[] {
  const cut = cutSupports(t, f);
  const targets = [...new Set(f.attacks.map((a) => a.to))].sort();
  const variance = t.s.settings.combatVariance ? t.c.variance : 0;
  const roll = (): number => (variance > 0 ? 1 - variance + 2 * variance * t.rng.next() : 1);
  const battles: Battle[] = [];
  for (const region of targets) {
    const defender = t.s.regions[region]!.owner;
    const attackSide: Contributor[] = [];
    f.attacks.forEach((a, i) => {
      if (a.to === region) attackSide.push({ state: a.state, region: a.from, units: a.units, role: 'attack', attackIndex: i });
    });
    const attackers = [...new Set(attackSide.map((c) => c.state))].sort();
    const tech = (s: string): number => t.s.nations[s]!.technology;
    let coFactor = 1;
    if (attackers.length > 1) {
      let sum = 0;
      let pairs = 0;
      for (let i = 0; i < attackers.length; i++) {
        for (let j = i + 1; j < attackers.length; j++) {
          sum += effectiveInterop(t, attackers[i]!, attackers[j]!);
          pairs++;
        }
      }
      coFactor = sum / pairs;
    }
    const contribution = new Map<string, number>();
    for (const c of attackSide) contribution.set(c.state, (contribution.get(c.state) ?? 0) + c.units * tech(c.state));
    const attack = [...contribution.values()].reduce((a, b) => a + b, 0) * coFactor * roll();

    const defenseSide: Contributor[] = [];
    const attackerSet = new Set(attackers);
    const local = t.s.regions[region]!.units;
    for (const state of Object.keys(local).sort()) {
      if (attackerSet.has(state)) continue;
      const n = get(f.stay, state, region);
      if (n <= 0) continue;
      if (defender !== null && !areFriendly(t.s.treaties, state, defender)) continue;
      defenseSide.push({ state, region, units: n, role: 'local' });
    }
    f.supports.forEach((s, i) => {
      if (s.to !== region || cut.has(i) || attackerSet.has(s.state)) return;
      const n = Math.min(s.units, get(f.stay, s.state, s.from));
      if (n > 0) defenseSide.push({ state: s.state, region: s.from, units: n, role: 'support' });
    });
    f.committed.forEach((c, i) => {
      if (c.region === region && !attackerSet.has(c.state)) defenseSide.push({ state: c.state, region: c.origin, units: c.units, role: 'ally', committedIndex: i });
    });
    let defense = 0;
    for (const c of defenseSide) {
      if (defender === null) defense += c.units * tech(c.state);
      else if (c.state === defender) defense += c.units * tech(c.state) * (isHome(t.board, defender, region) ? t.c.homeBonus : 1);
      else defense += c.units * tech(c.state) * effectiveInterop(t, defender, c.state);
    }
    // Early warning comes from a partner that is not itself among the attackers (as the warning event in phases.ts).
    if (defender !== null && !t.s.effects.earlyWarningOff && intelligencePartners(t.s.treaties, defender).some((p) => !attackerSet.has(p))) {
      defense *= 1 + t.c.earlyWarningBonus;
    }
    defense *= roll();
    const taken = attack > 0 && attack > defense;
    let winner: string | null = null;
    if (taken) {
      let best = -1;
      for (const s of attackers) {
        const v = contribution.get(s) ?? 0;
        if (v > best) {
          best = v;
          winner = s;
        }
      }
    }
    const attackUnits = attackSide.reduce((a, c) => a + c.units, 0);
    const defenseUnits = defenseSide.reduce((a, c) => a + c.units, 0);
    const attackLossTotal = Math.min(attackUnits, Math.round(t.c.lossRate * defense));
    const defenseLossTotal = Math.min(defenseUnits, Math.round(t.c.lossRate * attack));
    battles.push({
      region, defender, attackers, attack: round2(attack), defense: round2(defense), taken, winner, attackSide, defenseSide,
      attackLosses: spread(attackSide.map((c) => c.units), attackLossTotal),
      defenseLosses: spread(defenseSide.map((c) => c.units), defenseLossTotal),
    });
  }
  return battles;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Share `total` losses over stacks in proportion to their size (largest remainder, ties to the earlier stack). */
export function spread(sizes: number[], total: number): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sum === 0 || total <= 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => (s * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    if (out[i]! < sizes[i]!) {
      out[i]! += 1;
      left--;
    }
  }
  return out;
}
