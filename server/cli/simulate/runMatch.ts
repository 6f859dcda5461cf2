import type { BoardIndex, CommandEnvelope, DeterrenceInput, GameEvent, GameState, MatchSettings, Scenario, SeatCommand, Viewer } from '../../../shared';
import { apply, boardOf, createMatch, DeterrenceReader, MatchSettingsSchema, obligationsTo, regionIndexes, Rng, seedRng, treatyParties, ViewMemo } from '../../../shared';
import type { Doctrine } from '../../../shared/bots';
import { DOCTRINES, decideBot } from '../../../shared/bots';

/** One owned region that some foreign force could strike, as it stood when a round's orders closed. */
export interface Exposure {
  /** Deterrence index (GAME.md §4), full information, as the engine records it for attacked regions. */
  index: number;
  /** The same region's index if every ally's credibility were 100: the forces alone. */
  forcesIndex: number;
  /** Mean credibility of the allies obliged to defend it; -1 when nobody is, or their forces could not count. */
  allyCredibility: number;
  attacked: boolean;
  taken: boolean;
}

export interface PactRecord {
  id: string;
  /** Each member's mean output and mean defense share (whole points) over the rounds it belonged. */
  members: Array<{ state: string; output: number; defense: number; rounds: number }>;
}

/** What one bot match yields for the statistics: small, plain data, so workers can send it back. */
export interface MatchRecord {
  seed: string;
  ended: boolean;
  rounds: number;
  /** Phases that ended only on the clock because some bot never said ready (a stall; zero in a healthy model). */
  stalls: number;
  /** Commands bots sent that the engine refused, by rejection code. */
  illegal: Record<string, number>;
  commands: number;
  roles: Record<string, 'status-quo' | 'revisionist'>;
  doctrines: Record<string, Doctrine>;
  winners: string[];
  scores: Record<string, number>;
  /** Flat [index, forcesIndex, allyCredibility, attacked, taken] per exposure, five numbers each. */
  exposures: number[];
  pacts: PactRecord[];
  crises: { honored: number; abstained: number };
}

export interface RunOptions {
  /** Overrides the scenario's round count. */
  rounds?: number;
  /** Doctrines by seat; absent seats are dealt at random. */
  doctrines?: Record<string, Doctrine>;
  settings?: Partial<MatchSettings>;
  /** Keep the final state (tests). */
  keepState?: boolean;
}

/** Doctrines dealt to seats at random and in equal numbers, independent of each state's size or role. */
export function dealDoctrines(stateIds: readonly string[], seed: string): Record<string, Doctrine> {
  const rng = new Rng(seedRng(`${seed}|deal`));
  const deck: Doctrine[] = [];
  while (deck.length < stateIds.length) deck.push(...rng.shuffle(DOCTRINES));
  const dealt = rng.shuffle(deck.slice(0, stateIds.length));
  return Object.fromEntries(stateIds.map((s, i) => [s, dealt[i]!]));
}

const MAX_STEPS = 10_000;

/**
 * One seeded bot-only match, played in process through the engine's public surface exactly as a server would:
 * each seat's bot sees only its view, its commands go through `apply`, and the clock ends a phase only when the
 * bots did not.
 */
export function runMatch(scenario: Scenario, seed: string, opts: RunOptions = {}): MatchRecord & { state?: GameState } {
  const b = boardOf(scenario);
  // No briefing phase: bots only say ready in it (a match setting any host may choose too).
  const settings = MatchSettingsSchema.parse({
    botsFill: true, phaseSeconds: { briefing: 0, diplomacy: 300, orders: 180, crisis: 60 }, ...opts.settings, ...(opts.rounds ? { rounds: opts.rounds } : {}),
  });
  let s = createMatch(scenario, settings, seed);
  const doctrines = { ...dealDoctrines(b.stateIds, seed), ...opts.doctrines };
  let at = 1;
  let commands = 0;
  const illegal: Record<string, number> = {};
  let honored = 0;
  let abstained = 0;
  const count = (events: GameEvent[]): void => {
    for (const e of events) {
      if (e.kind !== 'crisis/decided') continue;
      if (e.choice === 'honor') honored++;
      else abstained++;
    }
  };
  const send = (env: CommandEnvelope): boolean => {
    const r = apply(scenario, s, env);
    at += 1;
    if (!r.ok) return false;
    s = r.state;
    count(r.events);
    return true;
  };
  for (const id of b.stateIds) send({ at, actor: { role: 'system' }, command: { type: 'setSeat', state: id, controller: 'bot', doctrine: doctrines[id]! } });
  send({ at, actor: { role: 'system' }, command: { type: 'start' } });
  // One memo per match: a seat's next view shares what did not change with its last one, and bots key their analysis on that.
  const memo = new ViewMemo(scenario);
  const viewers = new Map<string, Viewer>(b.stateIds.map((id) => [id, { role: 'seat', state: id }]));
  const exposures: number[] = [];
  const snapshots = new Map<number, Array<{ region: string; rec: number[] }>>();
  const awaited = new AwaitedSeats();
  let stalls = 0;
  let steps = 0;
  while (s.phase !== 'ended' && steps++ < MAX_STEPS) {
    const phase = s.phase;
    const round = s.round;
    if (phase === 'orders' && !snapshots.has(round)) snapshots.set(round, snapshot(scenario, s));
    const passes = phase === 'diplomacy' ? 6 : 1;
    for (let pass = 0; pass < passes && s.phase === phase && s.round === round; pass++) {
      let sent = 0;
      for (const id of b.stateIds) {
        if (s.phase !== phase || s.round !== round) break;
        if (!mayAct(s, id, pass, awaited)) continue;
        const v = memo.of(s, viewers.get(id)!);
        const cmds: SeatCommand[] = decideBot(scenario, v, doctrines[id]!, seed);
        for (const command of cmds) {
          if (s.phase !== phase || s.round !== round) break;
          commands++;
          sent++;
          const r = apply(scenario, s, { at, actor: { role: 'seat', state: id }, command });
          at += 1;
          if (r.ok) {
            s = r.state;
            count(r.events);
          } else illegal[r.code] = (illegal[r.code] ?? 0) + 1;
        }
      }
      if (sent === 0) break;
    }
    if (s.phase === phase && s.round === round) {
      stalls++;
      send({ at, actor: { role: 'system' }, command: { type: 'advancePhase' } });
    }
  }
  for (const h of s.history) {
    const snap = snapshots.get(h.round) ?? [];
    const hit = new Map(h.attacks.filter((a) => a.defender !== null).map((a) => [a.region, a.taken]));
    for (const { region, rec } of snap) exposures.push(rec[0]!, rec[1]!, rec[2]!, hit.has(region) ? 1 : 0, hit.get(region) ? 1 : 0);
  }
  const roles = Object.fromEntries(scenario.states.map((st) => [st.id, st.role]));
  return {
    seed, ended: s.phase === 'ended', rounds: s.round, stalls, illegal, commands, roles, doctrines,
    winners: s.winners, scores: Object.fromEntries(Object.entries(s.scores).map(([k, v]) => [k, v.total])),
    exposures, pacts: pactRecords(s), crises: { honored, abstained },
    ...(opts.keepState ? { state: s } : {}),
  };
}

/**
 * Whether a seat's bot could have anything to send: a shortcut that never changes the match, since a bot returns
 * nothing in these cases (a ready seat in diplomacy only answers proposals and votes addressed to it; in a crisis only
 * the allies called on answer).
 */
function mayAct(s: GameState, id: string, pass: number, awaited: AwaitedSeats): boolean {
  if (s.phase === 'crisis') return s.crises.some((c) => c.ally === id && c.choice === null);
  if (s.phase !== 'diplomacy' || pass === 0 || !s.seats[id]!.ready) return true;
  return awaited.of(s).has(id);
}

/**
 * Seats a proposal or an open vote waits on: party to a proposal they have not accepted, or voters yet to cast a
 * ballot. Read once per treaties and votes objects (apply keeps both when a command changes neither), not per seat.
 */
class AwaitedSeats {
  private treaties: GameState['treaties'] | null = null;
  private votes: GameState['votes'] | null = null;
  private seats = new Set<string>();

  of(s: GameState): ReadonlySet<string> {
    if (s.treaties !== this.treaties || s.votes !== this.votes) {
      this.treaties = s.treaties;
      this.votes = s.votes;
      this.seats = new Set();
      for (const id in s.treaties) {
        const t = s.treaties[id]!;
        if (t.status !== 'proposed') continue;
        for (const p of treatyParties(t.terms)) if (!t.accepted.includes(p)) this.seats.add(p);
      }
      for (const id in s.votes) {
        const v = s.votes[id]!;
        if (v.status !== 'open') continue;
        for (const p of v.voters) if (v.ballots[p] === undefined) this.seats.add(p);
      }
    }
    return this.seats;
  }
}

/**
 * Every owned region some foreign force could strike (strongestAttack > 0), when orders close: its index, its
 * forces-only index, its allies' credibility. The index is the full-information one views without fog share. A region
 * whose owner nobody is obliged to defend has no allied forces to weigh, so its forces-only index is its index.
 */
function snapshot(scenario: Scenario, s: GameState): Array<{ region: string; rec: number[] }> {
  const b = boardOf(scenario);
  const indexes = regionIndexes(b, s, null).indexes;
  const actual = new DeterrenceReader(b, s);
  let forces: DeterrenceReader | null = null;
  let alone: DeterrenceReader | null = null;
  const alliesOf = new Map<string, number[]>();
  const out: Array<{ region: string; rec: number[] }> = [];
  for (const region of b.regionIds) {
    const owner = s.regions[region]!.owner;
    if (owner === null || !foreignNear(b, s, region, owner) || actual.strongestAttack(region) === 0) continue;
    const index = indexes[region]!;
    let allies = alliesOf.get(owner);
    if (!allies) alliesOf.set(owner, (allies = obligationsTo(s.treaties, owner).map((o) => s.nations[o.ally]!.credibility)));
    if (allies.length === 0) {
      out.push({ region, rec: [index, index, -1] });
      continue;
    }
    forces ??= new DeterrenceReader(b, { regions: s.regions, nations: fullCredibility(s.nations), treaties: s.treaties, interop: s.interop });
    alone ??= new DeterrenceReader(b, { regions: s.regions, nations: s.nations, treaties: {}, interop: s.interop });
    const full = forces.of(region)!;
    const allyForces = full.expectedDefense - alone.expectedDefense(region) > 1e-9;
    const cred = allyForces ? allies.reduce((a, x) => a + x, 0) / allies.length : -1;
    out.push({ region, rec: [index, full.index, cred] });
  }
  return out;
}

/** Whether any state but the owner has units next to a region: without them no attack could come. */
function foreignNear(b: BoardIndex, s: GameState, region: string, owner: string): boolean {
  for (const r of b.adjacent.get(region) ?? []) {
    const units = s.regions[r]?.units ?? {};
    for (const st in units) if (st !== owner && units[st]! > 0) return true;
  }
  return false;
}

/** Every nation's technology as it is, with credibility 100: allies' forces counted in full (all deterrence reads of a nation). */
function fullCredibility(nations: GameState['nations']): DeterrenceInput['nations'] {
  const out: DeterrenceInput['nations'] = {};
  for (const k in nations) out[k] = { technology: nations[k]!.technology, credibility: 100 };
  return out;
}

function pactRecords(s: GameState): PactRecord[] {
  const acc = new Map<string, Map<string, { output: number; defense: number; rounds: number }>>();
  for (const h of s.history) {
    for (const [id, p] of Object.entries(h.pacts)) {
      const m = acc.get(id) ?? new Map();
      for (const st of p.members) {
        const n = h.nations[st];
        if (!n) continue;
        const a = m.get(st) ?? { output: 0, defense: 0, rounds: 0 };
        a.output += n.output;
        a.defense += n.budget.defense;
        a.rounds += 1;
        m.set(st, a);
      }
      acc.set(id, m);
    }
  }
  return [...acc.entries()].sort(([a], [z]) => (a < z ? -1 : 1)).map(([id, m]) => ({
    id,
    members: [...m.entries()].sort(([a], [z]) => (a < z ? -1 : 1)).map(([state, a]) => ({ state, output: a.output / a.rounds, defense: a.defense / a.rounds, rounds: a.rounds })),
  }));
}
