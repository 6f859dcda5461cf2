import type { BoardIndex } from '../board';
import { isHome } from '../board';
import type { DeterrenceInput } from '../deterrence';
import { DeterrenceReader } from '../deterrence';
import { Rng, seedRng } from '../rng';
import type { Coefficients } from '../scenario/coefficients';
import type { Scenario } from '../scenario/schema';
import { pairKey } from '../state';
import type { PlayerView } from '../view';
import type { BoardFacts } from './boardFacts';
import { boardFactsOf } from './boardFacts';
import type { Doctrine, DoctrineTraits } from './doctrines';
import { TRAITS } from './doctrines';
import type { Forces, Holdings } from './holdings';
import { holdingsOf } from './holdings';
import { KeyedCache, RecentCache } from './keyedCache';
import type { ActiveFacts, Treaty, TreatyFacts } from './treatyFacts';
import { treatyFactsOf } from './treatyFacts';

/** A foreign state that could strike a region: its attack strength from the neighbouring regions. */
export interface Threat {
  state: string;
  strength: number;
}

/**
 * Analysis that does not depend on who asks, only on the regions, the active treaties and the technologies it reads
 * (and, for what reads hostility, on which states attacked lately): without fog every seat reads the same regions, so
 * one seat's analysis serves them all until a region changes.
 */
export interface Situation {
  /** Foreign forces next to each region (threatsTo). */
  threats: Map<string, Threat[]>;
  /** Figures that also read hostility, by the set of states that attacked lately (Hostility.key). */
  byHostility: Map<string, Map<string, unknown>>;
  /** Expected defense as a stranger to the owner reads it (strangersDefense), by region, and the reader behind it. */
  strangers: Map<string, number>;
  strangersReader: DeterrenceReader | null;
}

/** No interoperability pair: what a seat's view shows of the pairs it is no part of. */
const NO_INTEROP: Readonly<Record<string, number>> = Object.freeze({});
const situations = new KeyedCache<Situation>(16);

/** Which states attacked in the last two reports a seat sees. */
interface Hostility {
  attackers: ReadonlySet<string>;
  /** The attackers, sorted and joined: equal sets, equal keys. */
  key: string;
}

/**
 * A value some module works out at most once per decision, made by `make` when first asked for (BotContext.memo).
 * A slot kept on the context rather than a WeakMap keyed by it: contexts live for one decision, and a WeakMap entry
 * for each costs more than the figure it keeps.
 */
export class DecisionSlot<T> {
  constructor(readonly make: (ctx: BotContext) => T) {}
}

/**
 * Hostility read from the last report, once per report object: it stays the same all round, while the current
 * report grows with every treaty event (its combat, if any, comes only when the round resolves).
 */
const fromLastReport = new RecentCache<PlayerView['lastReport'], Hostility>(16);

function hostilityOf(lastReport: PlayerView['lastReport'], report: PlayerView['report']): Hostility {
  const last = fromLastReport.get(lastReport, readLastReport);
  for (const e of report) {
    if (e.kind !== 'combat' || e.defender === null) continue;
    // An attacker the last report did not name: read both afresh.
    if (e.attackers.some((a) => !last.attackers.has(a))) return readHostility([lastReport, report]);
  }
  return last;
}

function readLastReport(lastReport: PlayerView['lastReport']): Hostility {
  return readHostility([lastReport]);
}

function readHostility(reports: ReadonlyArray<PlayerView['report']>): Hostility {
  const attackers = new Set<string>();
  for (const list of reports) {
    for (const e of list) if (e.kind === 'combat' && e.defender !== null) for (const a of e.attackers) attackers.add(a);
  }
  return { attackers, key: [...attackers].sort().join('|') };
}

/** Adds strength to a state's entry in a list being built (a new entry at the end when it has none). */
export function addStrength(list: Threat[], state: string, strength: number): void {
  for (const t of list) {
    if (t.state === state) {
      t.strength += strength;
      return;
    }
  }
  list.push({ state, strength });
}

/**
 * Everything a bot reads, cut from its seat's view and the static scenario only.
 * Units hidden by fog count as nothing, exactly as the view's own deterrence index counts them.
 *
 * What does not depend on the seat is keyed on the view's parts it reads (views are never changed): a memoised view
 * hands back the same regions, so every seat and every pass until the round resolves finds that analysis made. The
 * rest is read lazily, when a decision asks, and only for that decision.
 */
export class BotContext {
  readonly b: BoardIndex;
  readonly board: BoardFacts;
  readonly c: Coefficients;
  readonly me: string;
  readonly traits: DoctrineTraits;
  readonly role: 'status-quo' | 'revisionist';
  /** The treaties this seat sees. */
  readonly treaties: TreatyFacts;
  /** Active treaties only: proposals never protect anyone. */
  readonly active: ActiveFacts;
  readonly det: DeterrenceInput;
  readonly output: number;
  /** Output at the start of the match, the yardstick of prosperity. */
  readonly startOutput: number;
  readonly tech: number;
  readonly credibility: number;
  readonly roundsLeft: number;
  /** Regions this state holds now, sorted. Shared: never change it. */
  readonly mine: readonly string[];
  /** States this one is obliged to defend (pact partners, states it guarantees). */
  readonly protects: readonly string[];
  /** Highest guideline of its pacts, whole points; null outside pacts. */
  readonly guideline: number | null;
  /** Active treaties in id order, read once. */
  readonly activeList: readonly Treaty[];
  /** Who holds what and whose units stand where, shared by every seat that reads the same regions. */
  readonly holdings: Holdings;
  private hostile: Hostility | null = null;
  private situationCache: Situation | null = null;
  /** sharedTable's tables, by name, as this decision found them. */
  private sharedTables: Map<string, Map<string, unknown>> | null = null;
  private reader: DeterrenceReader | null = null;
  /** Deterrence is read for this seat's own pairs of interoperability, so it is read afresh for each decision. */
  private defenseCache: Map<string, number> | null = null;
  private rngCursor: Rng | null = null;
  private memos: Map<DecisionSlot<unknown>, unknown> | null = null;

  constructor(
    readonly scenario: Scenario,
    readonly v: PlayerView,
    readonly doctrine: Doctrine,
    private readonly seed: string,
  ) {
    if (!v.own) throw new Error('a bot needs a seat view');
    this.board = boardFactsOf(scenario);
    this.b = this.board.b;
    this.c = scenario.coefficients;
    this.me = v.own.state;
    this.traits = TRAITS[doctrine];
    this.role = this.board.role.get(this.me) ?? 'status-quo';
    this.treaties = treatyFactsOf(v.treaties);
    this.active = this.treaties.active;
    this.activeList = this.active.list;
    // Deterrence and the force-order rules read active treaties only.
    this.det = { regions: v.regions, nations: v.nations, treaties: v.treaties, interop: v.interop };
    const n = v.nations[this.me]!;
    this.output = n.output;
    this.startOutput = Math.max(1, this.board.startOutput.get(this.me) ?? n.output);
    this.tech = n.technology;
    this.credibility = n.credibility;
    this.roundsLeft = Math.max(1, v.rounds - v.round + 1);
    this.holdings = holdingsOf(this.board, v.regions);
    this.mine = this.holdings.regionsOf(this.me);
    this.protects = this.active.protects(this.me, this.b.stateIds);
    this.guideline = this.active.guideline(this.me);
  }

  /** The value of a decision slot, made when first asked for. */
  memo<T>(slot: DecisionSlot<T>): T {
    this.memos ??= new Map();
    let v = this.memos.get(slot) as T | undefined;
    if (v === undefined) this.memos.set(slot, (v = slot.make(this)));
    return v;
  }

  /** Seeded by seat, round and phase; made when first drawn from, which draws the same numbers. */
  get rng(): Rng {
    this.rngCursor ??= new Rng(seedRng(`${this.seed}|${this.me}|${this.v.round}|${this.v.phase}`));
    return this.rngCursor;
  }

  /** Regions a state holds now, in id order. Shared: never change it. */
  regionsOf(state: string): readonly string[] {
    return this.holdings.regionsOf(state);
  }

  /** Where a state's units stand. Shared: never change it. */
  forcesOf(state: string): Forces {
    return this.holdings.forcesOf(state);
  }

  /** A table of figures read from the regions alone (the same for every seat that reads them), by name. Shared: never change its entries. */
  regionTable<V>(name: string): Map<string, V> {
    return this.holdings.table<V>(name);
  }

  /** Expected defense of a region as this seat's view shows it (GAME.md §4; 0 where nobody holds it), read once per decision. */
  expectedDefense(region: string): number {
    this.defenseCache ??= new Map();
    let d = this.defenseCache.get(region);
    if (d === undefined) {
      this.reader ??= new DeterrenceReader(this.b, this.det);
      this.defenseCache.set(region, (d = this.reader.expectedDefense(region)));
    }
    return d;
  }

  /**
   * expectedDefense of a region whose owner shares no active treaty with this state. The reading then takes in no
   * interoperability pair this seat is part of (obliged allies and friendly guests are the owner's treaty partners),
   * and a seat's view shows no other pair, so every seat reads it alike: once per situation, with no pairs. Any other
   * region is read as this seat sees it.
   */
  strangersDefense(region: string): number {
    const owner = this.ownerOf(region);
    if (owner === null || owner === this.me || this.active.partners(this.me).has(owner)) return this.expectedDefense(region);
    const situation = this.situation;
    let d = situation.strangers.get(region);
    if (d === undefined) {
      // A reader takes only the active treaties from the book (activeOf), which every seat's view shows alike.
      situation.strangersReader ??= new DeterrenceReader(this.b, { regions: this.v.regions, nations: this.v.nations, treaties: this.v.treaties, interop: NO_INTEROP });
      situation.strangers.set(region, (d = situation.strangersReader.expectedDefense(region)));
    }
    return d;
  }

  units(state: string, region: string): number {
    return this.v.regions[region]?.units?.[state] ?? 0;
  }

  ownerOf(region: string): string | null {
    return this.v.regions[region]?.owner ?? null;
  }

  /** The engine's areFriendly, read from the treaties once. */
  friendly(a: string, b: string): boolean {
    return this.active.friendly(a, b);
  }

  techOf(state: string): number {
    return this.v.nations[state]?.technology ?? 1;
  }

  interop(a: string, b: string): number {
    return a === b ? 1 : (this.v.interop[pairKey(a, b)] ?? this.c.interopStrangers);
  }

  isHomeOf(state: string, region: string): boolean {
    return isHome(this.b, state, region);
  }

  roleOf(state: string): 'status-quo' | 'revisionist' {
    return this.board.role.get(state) ?? 'status-quo';
  }

  /**
   * How likely a state is to strike, as this bot judges it from public facts: revisionists by their declared role,
   * anyone by having attacked in the last two reports; other states only rarely.
   */
  hostility(state: string): number {
    return this.attacked.attackers.has(state) ? 1 : this.roleOf(state) === 'revisionist' ? 1 : 0.3;
  }

  private get attacked(): Hostility {
    this.hostile ??= hostilityOf(this.v.lastReport, this.v.report);
    return this.hostile;
  }

  private get situation(): Situation {
    this.situationCache ??= situations.get([this.v.regions, this.active, this.v.nations], () => ({ threats: new Map(), byHostility: new Map(), strangers: new Map(), strangersReader: null }));
    return this.situationCache;
  }

  /**
   * A table of figures that every seat reading the same regions, active treaties, technologies and hostility would
   * work out alike, by name: shared between them, so its entries must never be changed.
   */
  sharedTable<V>(name: string): Map<string, V> {
    // Found once per decision and name: the shared key is a string built for the asking.
    this.sharedTables ??= new Map();
    let table = this.sharedTables.get(name);
    if (!table) {
      const byName = this.situation.byHostility;
      const key = `${name}#${this.attacked.key}`;
      table = byName.get(key);
      if (!table) byName.set(key, (table = new Map()));
      this.sharedTables.set(name, table);
    }
    return table as Map<string, V>;
  }

  /** Foreign states that could attack a region from its neighbours, strongest first (GAME.md §4 deterrence denominator). Shared: never change it. */
  threatsTo(region: string): Threat[] {
    const threats = this.situation.threats;
    const hit = threats.get(region);
    if (hit) return hit;
    const owner = this.ownerOf(region);
    // A few states at most: found by a scan of the list, with no map to build.
    const out: Threat[] = [];
    if (owner !== null) {
      // The board's own adjacency order: strengths are float sums, and their order of adding must not change.
      for (const r of this.b.adjacent.get(region) ?? []) {
        const units = this.v.regions[r]?.units;
        if (!units) continue;
        for (const s in units) {
          const n = units[s]!;
          if (n <= 0 || s === owner || this.friendly(s, owner)) continue;
          addStrength(out, s, n * this.techOf(s));
        }
      }
    }
    // Strongest first, then by id: a total order, so the order found in does not matter.
    out.sort((a, z) => z.strength - a.strength || (a.state < z.state ? -1 : 1));
    threats.set(region, out);
    return out;
  }

  /** Total units of this state on the board (as far as it can see its own: always). */
  get totalUnits(): number {
    return this.holdings.forcesOf(this.me).total;
  }

  hasPress(): boolean {
    return this.v.settings.press !== 'none';
  }
}
