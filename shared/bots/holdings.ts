import type { PlayerView } from '../view';
import type { BoardFacts } from './boardFacts';
import { RecentCache } from './keyedCache';

type Regions = PlayerView['regions'];

/** Where one state's units stand, as a view shows them. */
export interface Forces {
  /** Regions where it has units, in id order. */
  stacks: readonly string[];
  total: number;
  /** Theaters where it has units. */
  theaters: ReadonlySet<string>;
}

const NONE: readonly string[] = [];
const NO_FORCES: Forces = { stacks: NONE, total: 0, theaters: new Set() };

/**
 * Who holds what in one view's regions, read once per regions object: regions change only when a round resolves, and
 * without fog every seat reads the same object, so what is read here serves every seat and every pass until then.
 */
export class Holdings {
  private readonly ownedBy = new Map<string, string[]>();
  private readonly forces = new Map<string, Forces>();
  private forcesRead = false;
  private readonly held = new Map<string, ReadonlySet<string>>();
  private readonly tables = new Map<string, Map<string, unknown>>();

  constructor(
    private readonly board: BoardFacts,
    private readonly regions: Regions,
  ) {
    for (const r of board.b.regionIds) {
      const owner = regions[r]?.owner ?? null;
      if (owner === null) continue;
      const list = this.ownedBy.get(owner);
      if (list) list.push(r);
      else this.ownedBy.set(owner, [r]);
    }
  }

  /** Regions a state holds, in id order. Shared: never change it. */
  regionsOf(state: string): readonly string[] {
    return this.ownedBy.get(state) ?? NONE;
  }

  /** Theaters where a state holds regions. */
  theatersHeldBy(state: string): ReadonlySet<string> {
    let t = this.held.get(state);
    if (!t) this.held.set(state, (t = new Set(this.regionsOf(state).map((r) => this.board.b.theaterOf.get(r) ?? ''))));
    return t;
  }

  /** Where a state's units stand. Shared: never change it. */
  forcesOf(state: string): Forces {
    if (!this.forcesRead) this.readForces();
    return this.forces.get(state) ?? NO_FORCES;
  }

  /** Every state's forces in one pass over the regions in id order (stacks come out in id order, as asked). */
  private readForces(): void {
    const { theaterOf, regionIds } = this.board.b;
    const building = new Map<string, { stacks: string[]; total: number; theaters: Set<string> }>();
    for (const r of regionIds) {
      const units = this.regions[r]?.units;
      if (!units) continue;
      for (const state in units) {
        const n = units[state]!;
        let f = building.get(state);
        if (!f) building.set(state, (f = { stacks: [], total: 0, theaters: new Set() }));
        f.total += n;
        if (n > 0) {
          f.stacks.push(r);
          f.theaters.add(theaterOf.get(r) ?? '');
        }
      }
    }
    for (const [state, f] of building) this.forces.set(state, f);
    this.forcesRead = true;
  }

  /** A table of figures read from these regions alone, by name: shared, so its entries must never be changed. */
  table<V>(name: string): Map<string, V> {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = new Map()));
    return t as Map<string, V>;
  }
}

const cache = new RecentCache<Regions, Holdings>(16);

export function holdingsOf(board: BoardFacts, regions: Regions): Holdings {
  return cache.get(regions, (r) => new Holdings(board, r));
}
