import type { ExerciseAction, TeamRole } from '../../shared/debrief/classroom';

/** One student of an exercise. */
export interface Participant {
  id: string;
  name: string;
  /** SHA-256 of the student's own token; the token itself is never stored. */
  tokenHash: string;
  state: string | null;
  role: TeamRole | null;
  /** ms since the epoch. */
  arrivedAt: number;
  removed: boolean;
}

export type RosterCheck = { ok: true } | { ok: false; code: string; message: string };

/**
 * Who is in an exercise and where they sit: the fold of the exercise's action log. Checks are
 * separate from applying, so an action is checked, stored durably, then applied.
 */
export class Roster {
  private byId = new Map<string, Participant>();
  private byHash = new Map<string, string>();

  constructor(private readonly stateIds: readonly string[]) {}

  get size(): number {
    return this.byId.size;
  }

  /** Everyone still in the exercise, in order of arrival. */
  list(): Participant[] {
    return [...this.byId.values()].filter((p) => !p.removed).sort((a, b) => a.arrivedAt - b.arrivedAt || (a.id < b.id ? -1 : 1));
  }

  get(id: string): Participant | undefined {
    const p = this.byId.get(id);
    return p && !p.removed ? p : undefined;
  }

  byTokenHash(hash: string): Participant | undefined {
    const id = this.byHash.get(hash);
    return id === undefined ? undefined : this.get(id);
  }

  /** The team at a state, in order of arrival. */
  team(state: string): Participant[] {
    return this.list().filter((p) => p.state === state);
  }

  /** Whether an action may be applied now; arrivals are always fine. */
  check(a: ExerciseAction): RosterCheck {
    if (a.type === 'arrive' || a.type === 'keyReissued') return { ok: true };
    const p = this.get(a.participant);
    if (!p) return { ok: false, code: 'exercise/unknown-participant', message: `There is no student "${a.participant}" in this exercise.` };
    if (a.type === 'assign' && !this.stateIds.includes(a.state)) {
      return { ok: false, code: 'exercise/unknown-state', message: `There is no state "${a.state}" in this scenario.` };
    }
    return { ok: true };
  }

  apply(a: ExerciseAction, at: number): void {
    switch (a.type) {
      case 'arrive':
        this.byId.set(a.participant, { id: a.participant, name: a.name, tokenHash: a.tokenHash, state: null, role: null, arrivedAt: at, removed: false });
        this.byHash.set(a.tokenHash, a.participant);
        return;
      case 'assign': {
        const p = this.byId.get(a.participant);
        if (p) {
          p.state = a.state;
          p.role = a.role;
        }
        return;
      }
      case 'unassign': {
        const p = this.byId.get(a.participant);
        if (p) {
          p.state = null;
          p.role = null;
        }
        return;
      }
      case 'remove': {
        const p = this.byId.get(a.participant);
        if (p) {
          p.removed = true;
          p.state = null;
          this.byHash.delete(p.tokenHash);
        }
        return;
      }
      case 'keyReissued':
        return;
    }
  }
}
