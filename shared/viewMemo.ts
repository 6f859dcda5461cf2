import type { BoardIndex } from './board';
import { boardOf } from './board';
import type { ActiveSet } from './deterrenceCache';
import { activeSetOf } from './deterrenceCache';
import type { GameEvent } from './events';
import type { Scenario } from './scenario/schema';
import type { GameState } from './state';
import type { PlayerView, Viewer } from './view';
import type { Cut } from './viewParts';
import {
  crisesPart, cutFor, eventsPart, fogOf, indexesFor, interopPart, messagesPart, nationsPart, objectivesPart, publicObjectivesPart,
  regionsPart, seatsPart, treatiesChanged, treatiesPart, votesPart,
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

/** One viewer's last view and the inputs each of its parts was cut from. */
interface Seen {
  state: GameState;
  view: PlayerView;
  parts: Map<string, Cell>;
}

type Own = NonNullable<PlayerView['own']>;

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
  private readonly shared = new Map<string, Map<string, Cell>>();
  private settings: GameState['settings'] | null = null;

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
    const seen = this.viewers.get(key);
    if (seen?.state === state) return seen.view;
    const parts = seen?.parts ?? new Map<string, Cell>();
    const v = this.build(state, cutFor(state, viewer), parts);
    this.viewers.set(key, { state, view: v, parts });
    return v;
  }

  /** Forget a viewer (its last view is no longer needed). */
  forget(viewer: Viewer): void {
    this.viewers.delete(viewerKey(viewer));
  }

  /** The last build of each part for one class of viewers who see it alike. */
  private classOf(cls: string): Map<string, Cell> {
    let m = this.shared.get(cls);
    if (!m) {
      m = new Map();
      this.shared.set(cls, m);
    }
    return m;
  }

  /**
   * A part: this viewer's last one if its inputs are the same objects, else the shared one of its class if that fits,
   * else a new build, which `make` settles against the class's last build.
   */
  private part<T>(
    mine: Map<string, Cell>, common: Map<string, Cell>, name: string, a: unknown, b: unknown, c: unknown,
    make: (prev: T | undefined, prevCell: Cell | undefined) => T,
  ): T {
    const own = mine.get(name);
    if (own && own.a === a && own.b === b && own.c === c) return own.value as T;
    let cell = common.get(name);
    if (!cell || cell.a !== a || cell.b !== b || cell.c !== c) {
      const last = cell ?? own;
      cell = { a, b, c, value: make(last?.value as T | undefined, last) };
      common.set(name, cell);
    }
    mine.set(name, cell);
    return cell.value as T;
  }

  private build(s: GameState, cut: Cut, mine: Map<string, Cell>): PlayerView {
    const { board: b, scenario } = this;
    const { me, omniscient, viewer } = cut;
    const fog = fogOf(cut);
    const ix = indexesFor(b, s, fog);
    const active = activeSetOf(s.treaties);
    // Classes of viewers who see a part alike: everyone; the same fog; the same seat or audience.
    const everyone = this.classOf('*');
    const sameFog = this.classOf(`fog:${fog ?? '-'}`);
    const same = this.classOf(omniscient ? 'omniscient' : `who:${me ?? ''}`);
    const treaties = this.part(mine, same, 'treaties', s.treaties, null, null, (p: PlayerView['treaties'] | undefined, last) => {
      const before = last?.a as GameState['treaties'] | undefined;
      return p && before && !treatiesChanged(before, s.treaties, p, cut) ? p : settleRecord(p, treatiesPart(s, cut));
    });
    return {
      viewer, omniscient, scenarioId: s.scenarioId, round: s.round, rounds: s.rounds, phase: s.phase, paused: s.paused,
      deadline: s.deadline, remaining: s.remaining, now: s.now, settings: s.settings,
      regions: this.part(mine, sameFog, 'regions', s.regions, ix, null, (p: PlayerView['regions'] | undefined) =>
        settleEach(p, regionsPart(b, s, ix), (x, y) => x.owner === y.owner && x.units === y.units && x.deterrence === y.deterrence)),
      nations: this.part(mine, everyone, 'nations', s.nations, null, null, (p: PlayerView['nations'] | undefined) =>
        settleEach(p, nationsPart(s), (x, y) => sameRecord(x, y))),
      seats: this.part(mine, everyone, 'seats', s.seats, null, null, (p: PlayerView['seats'] | undefined) =>
        settleEach(p, seatsPart(s), (x, y) => x.controller === y.controller && x.ready === y.ready)),
      treaties,
      votes: this.part(mine, same, 'votes', s.votes, treaties, null, (p: PlayerView['votes'] | undefined) => settleRecord(p, votesPart(s, treaties))),
      interop: this.part(mine, same, 'interop', s.interop, null, null, (p: PlayerView['interop'] | undefined) => settleRecord(p, interopPart(s, cut))),
      crises: this.part(mine, same, 'crises', s.crises, null, null, (p: PlayerView['crises'] | undefined) => settleList(p, crisesPart(s, cut))),
      // Who reads a channel depends on the active treaties only (treaty channels), and on which states exist.
      messages: this.part(mine, same, 'messages', s.messages, active, s.nations, (p: PlayerView['messages'] | undefined) =>
        settleList(p, messagesPart(s, cut))),
      report: this.events(mine, same, 'report', s.report, cut),
      lastReport: this.events(mine, same, 'lastReport', s.lastReport, cut),
      scores: this.part(mine, everyone, 'scores', s.scores, null, null, (p: PlayerView['scores'] | undefined) => settleRecord(p, s.scores)),
      winners: this.part(mine, everyone, 'winners', s.winners, null, null, (p: PlayerView['winners'] | undefined) => settleList(p, s.winners)),
      own: me === null ? null : this.own(s, me, active, mine, same),
      publicObjectives: this.part(mine, same, 'publicObjectives', null, null, null, () => publicObjectivesPart(scenario, omniscient)),
      allOrders: omniscient ? s.orders : null,
      pendingEvents: omniscient ? s.pendingEvents : null,
    };
  }

  /** A report only grows within a round: when the new list starts with the old one, only what was added is cut. */
  private events(mine: Map<string, Cell>, same: Map<string, Cell>, name: string, list: GameEvent[], cut: Cut): GameEvent[] {
    return this.part(mine, same, name, list, null, null, (p: GameEvent[] | undefined, last) => {
      const before = last?.a as GameEvent[] | undefined;
      if (p === undefined || before === undefined || !startsWith(list, before)) return settleList(p, eventsPart(list, cut));
      const added = eventsPart(list.slice(before.length), cut);
      return added.length === 0 ? p : [...p, ...added];
    });
  }

  private own(s: GameState, me: string, active: ActiveSet, mine: Map<string, Cell>, same: Map<string, Cell>): Own {
    const n = s.nations[me]!;
    // Objectives read regions, nations and the active treaties only.
    const objectives = this.part(mine, same, 'objectives', s.regions, s.nations, active, (p: Own['objectives'] | undefined) => {
      const next = objectivesPart(this.scenario, s, me);
      return p && sameMet(p, next) ? p : next;
    });
    return this.part(mine, same, 'own', s.orders[me], n, objectives, (p: Own | undefined) => {
      const next: Own = { state: me, orders: s.orders[me]!, budget: n.budget, defenseCap: n.defenseCap, objectives };
      return p && sameRecord(p, next) ? p : next;
    });
  }
}
