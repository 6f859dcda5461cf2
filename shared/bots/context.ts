import type { BoardIndex } from '../board';
import { boardOf, isHome } from '../board';
import type { DeterrenceBreakdown, DeterrenceInput } from '../deterrence';
import { DeterrenceReader } from '../deterrence';
import { Rng, seedRng } from '../rng';
import type { Coefficients } from '../scenario/coefficients';
import type { Scenario } from '../scenario/schema';
import { pairKey } from '../state';
import type { TreatyBook } from '../treaties/queries';
import type { TreatyLike } from '../treaties/queries';
import { activeTreaties, FRIENDLY_KINDS, guidelineOf, obligationsAmong } from '../treaties/queries';
import { treatyParties } from '../treaties/terms';
import type { PlayerView } from '../view';
import type { Doctrine, DoctrineTraits } from './doctrines';
import { TRAITS } from './doctrines';

/** A foreign state that could strike a region: its attack strength from the neighbouring regions. */
export interface Threat {
  state: string;
  strength: number;
}

/**
 * Everything a bot reads, cut from its seat's view and the static scenario only.
 * Units hidden by fog count as nothing, exactly as the view's own deterrence index counts them.
 */
export class BotContext {
  readonly b: BoardIndex;
  readonly c: Coefficients;
  readonly me: string;
  readonly traits: DoctrineTraits;
  readonly rng: Rng;
  readonly role: 'status-quo' | 'revisionist';
  /** Active treaties only: proposals never protect anyone. */
  readonly active: TreatyBook;
  readonly det: DeterrenceInput;
  readonly output: number;
  /** Output at the start of the match, the yardstick of prosperity. */
  readonly startOutput: number;
  readonly tech: number;
  readonly credibility: number;
  readonly roundsLeft: number;
  /** Regions this state holds now, sorted. */
  readonly mine: string[];
  /** States this one is obliged to defend (pact partners, states it guarantees). */
  readonly protects: string[];
  /** Highest guideline of its pacts, whole points; null outside pacts. */
  readonly guideline: number | null;
  /** Active treaties in id order, read once. */
  readonly activeList: TreatyLike[];
  private readonly hostile = new Map<string, number>();
  /** Friendly pairs (FRIENDLY_KINDS), key "a|b" both ways. */
  private readonly friends = new Set<string>();
  private readonly threatCache = new Map<string, Threat[]>();
  private reader: DeterrenceReader | null = null;
  private readonly deterrenceCache = new Map<string, DeterrenceBreakdown | null>();

  constructor(
    readonly scenario: Scenario,
    readonly v: PlayerView,
    readonly doctrine: Doctrine,
    seed: string,
  ) {
    if (!v.own) throw new Error('a bot needs a seat view');
    this.b = boardOf(scenario);
    this.c = scenario.coefficients;
    this.me = v.own.state;
    this.traits = TRAITS[doctrine];
    this.rng = new Rng(seedRng(`${seed}|${this.me}|${v.round}|${v.phase}`));
    const meta = scenario.states.find((s) => s.id === this.me);
    this.role = meta?.role ?? 'status-quo';
    this.active = Object.fromEntries(Object.entries(v.treaties).filter(([, t]) => t.status === 'active'));
    this.det = { regions: v.regions, nations: v.nations, treaties: this.active, interop: v.interop };
    const n = v.nations[this.me]!;
    this.output = n.output;
    this.startOutput = Math.max(1, meta?.output ?? n.output);
    this.tech = n.technology;
    this.credibility = n.credibility;
    this.roundsLeft = Math.max(1, v.rounds - v.round + 1);
    this.mine = this.b.regionIds.filter((r) => v.regions[r]?.owner === this.me);
    this.activeList = activeTreaties(this.active);
    for (const t of this.activeList) {
      if (!FRIENDLY_KINDS.includes(t.terms.kind)) continue;
      const parties = treatyParties(t.terms);
      for (const a of parties) for (const b of parties) if (a !== b) this.friends.add(`${a}|${b}`);
    }
    this.protects = this.b.stateIds.filter((s) => s !== this.me && obligationsAmong(this.activeList, s).some((o) => o.ally === this.me));
    this.guideline = guidelineOf(this.active, this.me);
    this.readHostility();
  }

  /** The deterrence breakdown of a region as this seat's view shows it (GAME.md §4), read once per decision. */
  deterrence(region: string): DeterrenceBreakdown | null {
    if (!this.deterrenceCache.has(region)) {
      this.reader ??= new DeterrenceReader(this.b, this.det);
      this.deterrenceCache.set(region, this.reader.of(region));
    }
    return this.deterrenceCache.get(region) ?? null;
  }

  units(state: string, region: string): number {
    return this.v.regions[region]?.units?.[state] ?? 0;
  }

  ownerOf(region: string): string | null {
    return this.v.regions[region]?.owner ?? null;
  }

  /** The engine's areFriendly, read from the treaties once. */
  friendly(a: string, b: string): boolean {
    return a === b || this.friends.has(`${a}|${b}`);
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
    return this.scenario.states.find((s) => s.id === state)?.role ?? 'status-quo';
  }

  /**
   * How likely a state is to strike, as this bot judges it from public facts: revisionists by their declared role,
   * anyone by having attacked in the last two reports; other states only rarely.
   */
  hostility(state: string): number {
    return this.hostile.get(state) ?? (this.roleOf(state) === 'revisionist' ? 1 : 0.3);
  }

  private readHostility(): void {
    for (const e of [...this.v.lastReport, ...this.v.report]) {
      if (e.kind === 'combat' && e.defender !== null) for (const a of e.attackers) this.hostile.set(a, 1);
    }
  }

  /** Foreign states that could attack a region from its neighbours, strongest first (GAME.md §4 deterrence denominator). */
  threatsTo(region: string): Threat[] {
    const hit = this.threatCache.get(region);
    if (hit) return hit;
    const owner = this.ownerOf(region);
    const by = new Map<string, number>();
    if (owner !== null) {
      for (const r of this.b.adjacent.get(region) ?? []) {
        for (const [s, n] of Object.entries(this.v.regions[r]?.units ?? {})) {
          if (n <= 0 || s === owner || this.friendly(s, owner)) continue;
          by.set(s, (by.get(s) ?? 0) + n * this.techOf(s));
        }
      }
    }
    const out = [...by.entries()].map(([state, strength]) => ({ state, strength })).sort((a, z) => z.strength - a.strength || (a.state < z.state ? -1 : 1));
    this.threatCache.set(region, out);
    return out;
  }

  /** Total units of this state on the board (as far as it can see its own: always). */
  get totalUnits(): number {
    let n = 0;
    for (const r of this.b.regionIds) n += this.units(this.me, r);
    return n;
  }

  hasPress(): boolean {
    return this.v.settings.press !== 'none';
  }
}
