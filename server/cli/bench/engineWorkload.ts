import type { ApplyResult, Budget, CommandEnvelope, ForceOrder, GameState, LoggedCommand, MatchSettings, OrderOption, Scenario, SeatCommand } from '../../../shared';
import { apply, areFriendly, createMatch, legalOrders, MatchSettingsSchema, Rng, seedRng, view } from '../../../shared';

/**
 * Busy matches for the engine benchmarks: every seat sets a budget and gives an order to every stack each round
 * (attacks on unfriendly neighbours, supports, joint exercises, moves), and allies answer the crises that follow.
 * Seeded, so every run of the benchmark times the same rounds.
 */

/** What one round cost and held, for the report. */
export interface RoundSample {
  /** Wall time of the one command that resolved the round (the last crisis answer or the closing advance), ms. */
  resolveMs: number;
  /** The same command's CPU time (this process), ms: what it cost whatever else the machine was doing. */
  resolveCpuMs: number;
  orders: number;
  crises: number;
  battles: number;
  /** The state the resolving command met, and the command: to time the same resolution again. */
  before: GameState;
  command: CommandEnvelope;
}

export class BusyMatch {
  state: GameState;
  readonly log: LoggedCommand[] = [];
  private clock = 0;
  private readonly rng: Rng;
  refused = 0;

  constructor(readonly scenario: Scenario, readonly settings: MatchSettings, readonly seed: string) {
    this.state = createMatch(scenario, settings, seed);
    this.rng = new Rng(seedRng(`orders:${seed}`));
  }

  /** CPU time of the last command sent, ms. */
  lastCpuMs = 0;
  /** The state the last command met, and the command. */
  private last: { before: GameState; command: CommandEnvelope } | null = null;

  /** Apply a command, log it when accepted, and say how long (wall time) the engine took. */
  send(env: CommandEnvelope): [ApplyResult, number] {
    this.last = { before: this.state, command: env };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = apply(this.scenario, this.state, env);
    const dt = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    this.lastCpuMs = (c1.user + c1.system) / 1000;
    if (r.ok) {
      this.state = r.state;
      this.log.push({ seq: this.log.length + 1, envelope: env });
    } else {
      this.refused++;
    }
    return [r, dt];
  }

  private seat(state: string, command: SeatCommand): [ApplyResult, number] {
    this.clock += 1_000;
    return this.send({ at: this.clock, actor: { role: 'seat', state }, command });
  }

  private advance(): [ApplyResult, number] {
    this.clock += 1_000;
    return this.send({ at: this.clock, actor: { role: 'system' }, command: { type: 'advancePhase' } });
  }

  start(): void {
    this.send({ at: this.clock, actor: { role: 'system' }, command: { type: 'start' } });
  }

  get ended(): boolean {
    return this.state.phase === 'ended';
  }

  /** Play one round from wherever the match stands to the start of the next; return what resolving it cost. */
  playRound(): RoundSample {
    while (this.state.phase === 'briefing' || this.state.phase === 'diplomacy') this.advance();
    let orders = 0;
    for (const seat of this.scenario.states.map((s) => s.id).sort()) orders += this.giveOrders(seat);
    const round = this.state.round;
    let [r, dt] = this.advance();
    let cpu = this.lastCpuMs;
    let last = this.last!;
    let crises = 0;
    if (this.state.phase === 'crisis') {
      const open = [...this.state.crises];
      crises = open.length;
      for (const c of open) {
        const honor = this.rng.next() < 0.7;
        [r, dt] = this.seat(c.ally, { type: 'crisisChoice', crisis: c.id, choice: honor ? 'honor' : 'abstain', units: honor ? Math.max(1, Math.ceil(c.eligible / 2)) : 0 });
        // Units already committed to another crisis nearby are not eligible twice: then the ally abstains.
        if (!r.ok) [r, dt] = this.seat(c.ally, { type: 'crisisChoice', crisis: c.id, choice: 'abstain', units: 0 });
        cpu = this.lastCpuMs;
        last = this.last!;
      }
      if (this.state.phase === 'crisis') {
        [r, dt] = this.advance();
        cpu = this.lastCpuMs;
        last = this.last!;
      }
    }
    if (this.state.round === round && !this.ended) throw new Error(`round ${round} did not resolve`);
    const battles = r.ok ? r.events.filter((e) => e.kind === 'combat').length : 0;
    return { resolveMs: dt, resolveCpuMs: cpu, orders, crises, battles, ...last };
  }

  /** A budget and an order for every stack of one seat. Returns how many commands were accepted. */
  private giveOrders(seat: string): number {
    let given = 0;
    const ok = ([r]: [ApplyResult, number]): void => {
      if (r.ok) given++;
    };
    ok(this.seat(seat, { type: 'setBudget', budget: this.budget(seat) }));
    const v = view(this.scenario, this.state, { role: 'seat', state: seat });
    const options = legalOrders(this.scenario, v);
    const byStack = new Map<string, OrderOption[]>();
    for (const o of options) byStack.set(o.from, [...(byStack.get(o.from) ?? []), o]);
    const revisionist = this.scenario.states.find((s) => s.id === seat)?.role === 'revisionist';
    let attacked = this.rng.next() > (revisionist ? 0.6 : 0.15);
    for (const [from, opts] of [...byStack.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const have = this.state.regions[from]?.units[seat] ?? 0;
      if (have === 0) continue;
      const of = (kind: OrderOption['kind']): OrderOption[] => opts.filter((o) => o.kind === kind);
      const hostile = of('attack').filter((o) => {
        const owner = v.regions[o.target]?.owner ?? null;
        return owner !== null && !areFriendly(v.treaties, seat, owner);
      });
      const r = this.rng.next();
      const orders: ForceOrder[] = [];
      if (!attacked && hostile.length) {
        attacked = true;
        const o = this.rng.pick(hostile)!;
        const n = Math.max(1, Math.floor(have * 0.7));
        orders.push({ kind: 'attack', from, to: o.target, units: n });
        const sup = this.rng.pick(of('support'));
        if (sup && have - n > 0) orders.push({ kind: 'support', from, to: sup.target, units: have - n });
      } else if (r < 0.4 && of('support').length) {
        orders.push({ kind: 'support', from, to: this.rng.pick(of('support'))!.target, units: have });
      } else if (r < 0.65 && of('exercise').length) {
        orders.push({ kind: 'exercise', from, partner: this.rng.pick(of('exercise'))!.target, units: have });
      } else if (of('move').length) {
        orders.push({ kind: 'move', from, to: this.rng.pick(of('move'))!.target, units: Math.max(1, Math.floor(have / 2)) });
      } else if (of('support').length) {
        orders.push({ kind: 'support', from, to: this.rng.pick(of('support'))!.target, units: have });
      }
      if (orders.length === 0) ok(this.seat(seat, { type: 'hold', from }));
      for (const order of orders) ok(this.seat(seat, { type: 'order', order }));
    }
    return given;
  }

  private budget(seat: string): Budget {
    const cap = this.state.nations[seat]!.defenseCap;
    const defense = Math.min(cap ?? 100, 15 + this.rng.int(21));
    const domestic = 30 + this.rng.int(21);
    return { defense, domestic, investment: 100 - defense - domestic };
  }
}

/** Settings of the benchmark matches: the standard timers, optionally fog and a longer match. */
export function benchSettings(opts: { fog?: boolean; rounds?: number } = {}): MatchSettings {
  return MatchSettingsSchema.parse({ fog: opts.fog ?? false, ...(opts.rounds ? { rounds: opts.rounds } : {}) });
}
