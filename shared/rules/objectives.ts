import type { Objective } from '../scenario/schema';
import type { GameState } from '../state';
import { activeTreaties, isParty } from '../treaties/queries';

/** Is a state's objective met in this state of the match? */
export function objectiveMet(s: Pick<GameState, 'regions' | 'nations' | 'treaties'>, state: string, o: Objective): boolean {
  const n = s.nations[state]!;
  switch (o.kind) {
    case 'hold-region': return s.regions[o.region]?.owner === state;
    case 'min-credibility': return n.credibility >= o.value;
    case 'treaty-kind': return activeTreaties(s.treaties, o.treaty).some((t) => isParty(t, state));
    case 'output-growth': return n.output >= o.factor * n.startOutput;
  }
}
