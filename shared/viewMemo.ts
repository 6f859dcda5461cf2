import type { BoardIndex } from './board';
import { boardOf } from './board';
import type { ActiveSet, RegionIndexes } from './deterrenceCache';
import { activeSetOf } from './deterrenceCache';
import type { GameEvent } from './events';
import type { Scenario } from './scenario/schema';
import type { GameState } from './state';
import type { PlayerView, Viewer } from './view';
import type { Cut } from './viewParts';
import {
  crisesPart, cutFor, eventsPart, fogOf, indexesFor, interopPart, messagesPart, nationsPart, objectivesPart, personalTreaties,
  PUBLIC_CUT, publicObjectivesPart, regionsPart, sees, seatsPart, treatiesChanged, treatiesPart, votesPart,
} from './viewParts';
import { sameRecord, settleEach, settleList, settleRecord } from './viewSettle';

/** Viewers who see the same view share this key: a seat's team, the facilitator, the spectators. */
export function viewerKey(v: Viewer): string {
  return v.role === 'seat' ? `seat:${v.state}` : v.role;
}

/** A part as built, with the (up to three) state objects it was cut from. */
interface Cell {
  a: unknown;
  b: unknown;
  c: unknown;
  value: unknown;
}

/** Parts by number: cells are kept in arrays, not looked up by name on every view. */
const TREATIES = 0;
const REGIONS = 1;
const NATIONS = 2;
const SEATS = 3;
const VOTES = 4;
const INTEROP = 5;
const CRISES = 6;
const MESSAGES = 7;
const REPORT = 8;
const LAST_REPORT = 9;
const SCORES = 10;
const WINNERS = 11;
const PUBLIC_OBJECTIVES = 12;
const OBJECTIVES = 13;
const OWN = 14;
type Cells = Array<Cell | undefined>;

function startsWith<T>(list: readonly T[], prefix: readonly T[]): boolean {
  if (prefix.length > list.length) return false;
  for (let i = 0; i < prefix.length; i++) if (list[i] !== prefix[i]) return false;
  return true;
}

/** The same objectives, met alike (both lists are cut from the scenario's list for one seat). */
function sameMet(a: Own['objectives'], b: Own['objectives']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.met !== b[i]!.met) return false;
  return true;
}

/** The classes of viewers whose parts one viewer shares: everyone; the same fog; the same seat or audience. */
interface Classes {
  everyone: Cells;
  sameFog: Cells;
  same: Cells;
}

/** One viewer's last view, the inputs each of its parts was cut from, and what stays the same between its views. */
interface Seen {
  /** The state `view` shows; null until a first view was built (a failed build leaves it so). */
  state: GameState | null;
  view: PlayerView;
  parts: Cells;
  /** Cut from the viewer and the settings, which are the same for as long as the memo keeps this entry. */
  cut: Cut;
  classes: Classes;
}

type Own = NonNullable<PlayerView['own']>;

/** What the part makers read, gathered once per view: module-level makers need no closure built on every view. */
interface Build {
  s: GameState;
  cut: Cut;
  board: BoardIndex;
  scenario: Scenario;
  ix: RegionIndexes | null;
  /** Set once built: votes read the treaties part, and `own` the objectives part. */
  treaties: PlayerView['treaties'] | null;
  objectives: Own['objectives'] | null;
  publicTreaties: PublicTreaties;
}

/**
 * The public treaties part of the latest book asked about: every viewer party to no proposal sees the same part, so it
 * is cut once per book (and shared, like every part) instead of once per viewer.
 */
class PublicTreaties {
  private book: GameState['treaties'] | null = null;
  private part: PlayerView['treaties'] = {};

  of(s: GameState, cut: Cut): PlayerView['treaties'] {
    if (personalTreaties(s, cut)) return treatiesPart(s, cut);
    if (this.book !== s.treaties) {
      this.part = treatiesPart(s, PUBLIC_CUT);
      this.book = s.treaties;
    }
    return this.part;
  }
}

/** Rebuilds a part from the state, given the input it is keyed on first and the last build it may keep. */
type Maker<T> = (x: Build, a: unknown, prev: T | undefined, last: Cell | undefined) => T;

const sameRegion = (x: PlayerView['regions'][string], y: PlayerView['regions'][string]): boolean =>
  x.owner === y.owner && x.units === y.units && x.deterrence === y.deterrence;
const sameSeat = (x: PlayerView['seats'][string], y: PlayerView['seats'][string]): boolean => x.controller === y.controller && x.ready === y.ready;

const makeTreaties: Maker<PlayerView['treaties']> = (x, a, p, last) => {
  const before = last?.a as GameState['treaties'] | undefined;
  if (p === undefined || before === undefined) return settleRecord(p, x.publicTreaties.of(x.s, x.cut));
  // p was cut from `before`: a change treatiesChanged finds is one the new part shows, so it cannot equal p.
  return treatiesChanged(before, x.s.treaties, p, x.cut) ? x.publicTreaties.of(x.s, x.cut) : p;
};
const makeRegions: Maker<PlayerView['regions']> = (x, a, p) => settleEach(p, regionsPart(x.board, x.s, x.ix), sameRegion);
const makeNations: Maker<PlayerView['nations']> = (x, a, p) => settleEach(p, nationsPart(x.s), sameRecord);
const makeSeats: Maker<PlayerView['seats']> = (x, a, p) => settleEach(p, seatsPart(x.s), sameSeat);
const makeVotes: Maker<PlayerView['votes']> = (x, a, p) => settleRecord(p, votesPart(x.s, x.treaties!));
const makeInterop: Maker<PlayerView['interop']> = (x, a, p) => settleRecord(p, interopPart(x.s, x.cut));
const makeCrises: Maker<PlayerView['crises']> = (x, a, p) => settleList(p, crisesPart(x.s, x.cut));
const makeMessages: Maker<PlayerView['messages']> = (x, a, p) => settleList(p, messagesPart(x.s, x.cut));
const makeScores: Maker<PlayerView['scores']> = (x, a, p) => settleRecord(p, x.s.scores);
const makeWinners: Maker<PlayerView['winners']> = (x, a, p) => settleList(p, x.s.winners);
const makePublicObjectives: Maker<PlayerView['publicObjectives']> = (x) => publicObjectivesPart(x.scenario, x.cut.omniscient);

/** A report only grows within a round: when the new list starts with the old one, only what was added is cut. */
const makeEvents: Maker<GameEvent[]> = (x, a, p, last) => {
  const list = a as GameEvent[];
  const before = last?.a as GameEvent[] | undefined;
  if (p === undefined || before === undefined || !startsWith(list, before)) return settleList(p, eventsPart(list, x.cut));
  // The last part and the events added since that this viewer sees, in one pass; the last part itself if it sees none.
  let out: GameEvent[] | null = null;
  for (let i = before.length; i < list.length; i++) {
    const e = list[i]!;
    if (sees(e.audience, x.cut)) (out ??= p.slice()).push(e);
  }
  return out ?? p;
};

const makeObjectives: Maker<Own['objectives']> = (x, a, p) => {
  const next = objectivesPart(x.scenario, x.s, x.cut.me!);
  return p && sameMet(p, next) ? p : next;
};

const makeOwn: Maker<Own> = (x, a, p) => {
  const me = x.cut.me!;
  const n = x.s.nations[me]!;
  const next: Own = { state: me, orders: x.s.orders[me]!, budget: n.budget, defenseCap: n.defenseCap, objectives: x.objectives! };
  return p && sameRecord(p, next) ? p : next;
};

/**
 * Views of one match for many viewers over time. `of(state, viewer)` always deep-equals `view(scenario, state, viewer)`;
 * parts whose inputs did not change since this viewer's previous view are the very same objects, so a diff can skip
 * them by identity. Results are shared and must never be changed.
 *
 * Each part (view.ts, viewParts.ts) is rebuilt only when the state objects it reads are no longer the same; apply()
 * keeps every part of the state a command does not write, so most commands rebuild one or two parts. Viewers who see
 * a part alike (everyone for nations and seats, the same seat or audience for the rest) share one build of it, and a
 * rebuilt part keeps the entries that did not change, so a diff stops early inside it too.
 */
export class ViewMemo {
  private readonly board: BoardIndex;
  private readonly viewers = new Map<string, Seen>();
  /** The last build of each part, by the class of viewers who see it alike. */
  private readonly shared = new Map<string, Cells>();
  private settings: GameState['settings'] | null = null;
  private readonly publicTreaties = new PublicTreaties();

  constructor(private readonly scenario: Scenario) {
    this.board = boardOf(scenario);
  }

  of(state: GameState, viewer: Viewer): PlayerView {
    // Fog and the facilitator's sight come from the settings: other settings, other cuts.
    if (state.settings !== this.settings) {
      this.viewers.clear();
      this.shared.clear();
      this.settings = state.settings;
    }
    const key = viewerKey(viewer);
    let seen = this.viewers.get(key);
    if (seen?.state === state) return seen.view;
    if (seen === undefined) {
      const cut = cutFor(state, viewer);
      seen = { state: null, view: null as unknown as PlayerView, parts: [], cut, classes: this.classesOf(cut) };
      this.viewers.set(key, seen);
    } else if (seen.cut.viewer !== viewer) {
      // Another object for the same viewer: the view names the one asked with.
      seen.cut = cutFor(state, viewer);
    }
    seen.view = this.build(state, seen);
    seen.state = state;
    return seen.view;
  }

  /** Forget a viewer (its last view is no longer needed). */
  forget(viewer: Viewer): void {
    this.viewers.delete(viewerKey(viewer));
  }

  /** The last build of each part for one class of viewers who see it alike. */
  private classOf(cls: string): Cells {
    let m = this.shared.get(cls);
    if (!m) {
      m = [];
      this.shared.set(cls, m);
    }
    return m;
  }

  private classesOf(cut: Cut): Classes {
    return {
      everyone: this.classOf('*'),
      sameFog: this.classOf(`fog:${fogOf(cut) ?? '-'}`),
      same: this.classOf(cut.omniscient ? 'omniscient' : `who:${cut.me ?? ''}`),
    };
  }

  /**
   * A part: this viewer's last one if its inputs are the same objects, else the shared one of its class if that fits,
   * else a new build, which `make` settles against the class's last build.
   */
  private part<T>(x: Build, mine: Cells, common: Cells, i: number, a: unknown, b: unknown, c: unknown, make: Maker<T>): T {
    const own = mine[i];
    if (own !== undefined && own.a === a && own.b === b && own.c === c) return own.value as T;
    let cell = common[i];
    if (cell === undefined || cell.a !== a || cell.b !== b || cell.c !== c) {
      const last = cell ?? own;
      cell = { a, b, c, value: make(x, a, last?.value as T | undefined, last) };
      common[i] = cell;
    }
    mine[i] = cell;
    return cell.value as T;
  }

  private build(s: GameState, seen: Seen): PlayerView {
    const { board, scenario } = this;
    const { cut, parts: mine } = seen;
    const { everyone, sameFog, same } = seen.classes;
    const { me, omniscient, viewer } = cut;
    const ix = indexesFor(board, s, fogOf(cut));
    const active = activeSetOf(s.treaties);
    const x: Build = { s, cut, board, scenario, ix, treaties: null, objectives: null, publicTreaties: this.publicTreaties };
    const treaties = this.part(x, mine, same, TREATIES, s.treaties, null, null, makeTreaties);
    x.treaties = treaties;
    return {
      viewer, omniscient, scenarioId: s.scenarioId, round: s.round, rounds: s.rounds, phase: s.phase, paused: s.paused,
      deadline: s.deadline, remaining: s.remaining, now: s.now, settings: s.settings,
      regions: this.part(x, mine, sameFog, REGIONS, s.regions, ix, null, makeRegions),
      nations: this.part(x, mine, everyone, NATIONS, s.nations, null, null, makeNations),
      seats: this.part(x, mine, everyone, SEATS, s.seats, null, null, makeSeats),
      treaties,
      votes: this.part(x, mine, same, VOTES, s.votes, treaties, null, makeVotes),
      interop: this.part(x, mine, same, INTEROP, s.interop, null, null, makeInterop),
      crises: this.part(x, mine, same, CRISES, s.crises, null, null, makeCrises),
      // Who reads a channel depends on the active treaties only (treaty channels), and on which states exist.
      messages: this.part(x, mine, same, MESSAGES, s.messages, active, s.nations, makeMessages),
      report: this.part(x, mine, same, REPORT, s.report, null, null, makeEvents),
      lastReport: this.part(x, mine, same, LAST_REPORT, s.lastReport, null, null, makeEvents),
      scores: this.part(x, mine, everyone, SCORES, s.scores, null, null, makeScores),
      winners: this.part(x, mine, everyone, WINNERS, s.winners, null, null, makeWinners),
      own: me === null ? null : this.own(x, s, me, active, mine, same),
      publicObjectives: this.part(x, mine, same, PUBLIC_OBJECTIVES, null, null, null, makePublicObjectives),
      allOrders: omniscient ? s.orders : null,
      pendingEvents: omniscient ? s.pendingEvents : null,
    };
  }

  private own(x: Build, s: GameState, me: string, active: ActiveSet, mine: Cells, same: Cells): Own {
    // Objectives read regions, nations and the active treaties only.
    x.objectives = this.part(x, mine, same, OBJECTIVES, s.regions, s.nations, active, makeObjectives);
    return this.part(x, mine, same, OWN, s.orders[me], s.nations[me]!, x.objectives, makeOwn);
  }
}
