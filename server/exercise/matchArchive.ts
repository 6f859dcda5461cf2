import { apply, createMatch } from '../../shared/index';
import type { GameState, LoggedCommand, Scenario } from '../../shared/index';
import type { Moment } from '../../shared/debrief/moments';
import { momentsOf } from '../../shared/debrief/moments';
import type { MatchService } from '../match/MatchService';
import type { ScenarioCatalog } from '../match/scenarios';
import type { MatchRecord, MatchStore } from '../store/MatchStore';

/** A match folded from its durable log, with what the debrief and the exports need. */
export interface Archived {
  record: MatchRecord;
  scenario: Scenario;
  /** The whole log, in order. */
  commands: LoggedCommand[];
  /** The fold of `commands`. */
  state: GameState;
  /** Key moments of the whole match so far (public events only). */
  moments: Moment[];
}

interface Cached extends Archived {
  kinds: Map<string, string>;
}

/** Matches kept folded in memory (the most recently asked for). */
const CACHE_SIZE = 32;

export class ArchiveError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/**
 * Reads matches back from the store for exports and the debrief: the command log is the truth, so a
 * match is folded from it (running or long finished alike). Folds are cached and brought forward
 * with only the commands committed since, so a facilitator's live debrief costs little.
 */
export class MatchArchive {
  private cache = new Map<string, Cached>();
  private pending = new Map<string, Promise<Archived>>();

  constructor(private readonly deps: { store: MatchStore; matches: MatchService; scenarios: ScenarioCatalog }) {}

  /** The match's record: the running copy if this process runs it, else the stored one. */
  async record(matchId: string): Promise<MatchRecord | null> {
    return this.deps.matches.get(matchId)?.live.record ?? (await this.deps.store.match(matchId));
  }

  /** Fold a match up to its last committed command. One fold at a time per match. */
  load(matchId: string): Promise<Archived> {
    const running = this.pending.get(matchId);
    if (running) return running;
    const p = this.bringForward(matchId).finally(() => this.pending.delete(matchId));
    this.pending.set(matchId, p);
    return p;
  }

  private async bringForward(matchId: string): Promise<Archived> {
    let c = this.cache.get(matchId);
    if (!c) {
      const record = await this.record(matchId);
      if (!record) throw new ArchiveError('match/unknown', `There is no match "${matchId}".`);
      const scenario = this.deps.matches.get(matchId)?.live.scenario ?? this.deps.scenarios.get(record.scenarioId);
      if (!scenario) throw new ArchiveError('match/unknown-scenario', `The scenario "${record.scenarioId}" of this match is not on this server.`);
      c = { record, scenario, commands: [], state: createMatch(scenario, record.settings, record.seed), moments: [], kinds: new Map() };
    }
    const after = c.commands.length;
    const fresh = await this.deps.store.commandsAfter(matchId, after);
    let state = c.state;
    for (const r of fresh) {
      const expected = c.commands.length + 1;
      if (r.seq !== expected) throw new ArchiveError('match/log-gap', `The log of "${matchId}" breaks at ${r.seq} (expected ${expected}).`);
      const next = apply(c.scenario, state, r.envelope);
      if (!next.ok) throw new ArchiveError('match/log-refused', `Command ${r.seq} of "${matchId}" is refused on replay (${next.code}).`);
      state = next.state;
      c.commands.push({ seq: r.seq, envelope: r.envelope });
      c.moments.push(...momentsOf(next.events, c.kinds));
    }
    c.state = state;
    // A stored record is a snapshot of the row; the status may have moved on.
    if (!this.deps.matches.get(matchId) && fresh.length > 0) c.record = (await this.deps.store.match(matchId)) ?? c.record;
    this.cache.delete(matchId);
    this.cache.set(matchId, c);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return { record: c.record, scenario: c.scenario, commands: [...c.commands], state: c.state, moments: [...c.moments] };
  }
}
