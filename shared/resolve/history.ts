import { DeterrenceReader } from '../deterrence';
import type { Turn } from '../engine/turn';
import type { RoundStats } from '../state';
import { activeTreaties, guidelines, obligationsTo } from '../treaties/queries';
import { treatyParties } from '../treaties/parties';
import type { Forces } from './forces';
import { unitsByState } from './tally';

/** Deterrence of each attacked region as it stood when orders closed (full information), for the debrief and §10. */
export function attackedRegions(t: Turn, f: Forces): RoundStats['attacks'] {
  const targets = [...new Set(f.attacks.map((a) => a.to))].sort();
  // Nothing changes while the targets are read: one reader shares what regions of one owner have in common.
  const reader = new DeterrenceReader(t.board, t.s);
  return targets.map((region) => {
    const defender = t.s.regions[region]!.owner;
    const allies = defender ? obligationsTo(t.s.treaties, defender).map((o) => t.s.nations[o.ally]!.credibility) : [];
    return {
      region, defender,
      attackers: [...new Set(f.attacks.filter((a) => a.to === region).map((a) => a.state))].sort(),
      deterrence: reader.indexOf(region) ?? 0,
      meanAllyCredibility: allies.length ? Math.round((allies.reduce((a, b) => a + b, 0) / allies.length) * 100) / 100 : null,
      taken: false,
    };
  });
}

export function recordHistory(t: Turn, attacks: RoundStats['attacks'], war: boolean): void {
  const units = unitsByState(t);
  const regions = new Map<string, number>();
  for (const rid of t.board.regionIds) {
    const owner = t.s.regions[rid]!.owner;
    if (owner !== null) regions.set(owner, (regions.get(owner) ?? 0) + 1);
  }
  const guideline = guidelines(t.s.treaties);
  const nations: RoundStats['nations'] = {};
  for (const id of t.stateIds) {
    const n = t.s.nations[id]!;
    nations[id] = {
      output: n.output, credibility: n.credibility, publicSupport: n.publicSupport, technology: n.technology,
      budget: n.budget, units: units.get(id) ?? 0, regions: regions.get(id) ?? 0, score: t.s.scores[id]?.total ?? 0,
      guideline: guideline.get(id) ?? null,
    };
  }
  const pacts: RoundStats['pacts'] = {};
  for (const tr of activeTreaties(t.s.treaties, 'defense-pact')) {
    if (tr.terms.kind === 'defense-pact') pacts[tr.id] = { cohesion: t.s.treaties[tr.id]!.cohesion ?? 0, guideline: tr.terms.guideline, members: [...tr.terms.members] };
  }
  const treaties = activeTreaties(t.s.treaties).map((tr) => ({ id: tr.id, kind: tr.terms.kind, parties: treatyParties(tr.terms) }));
  t.s.history.push({ round: t.s.round, nations, pacts, treaties, attacks, war });
}
