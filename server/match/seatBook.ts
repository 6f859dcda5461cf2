import { hashSecret, newSeatToken } from '../auth/seatTokens';
import type { MatchStore, SeatRecord } from '../store/MatchStore';

export interface SeatHolder {
  state: string;
  name: string;
  tokenHash: string;
}

export class SeatTakenError extends Error {
  constructor(readonly state: string) {
    super(`The seat "${state}" was just taken.`);
  }
}

/**
 * Who holds which seat of one match. A seat is held for the whole match by one seat token; a team
 * shares that token. Only the token's hash is kept, here and in the store.
 */
export class SeatBook {
  private holders = new Map<string, SeatHolder>();
  private stateByHash = new Map<string, string>();
  /** Seats being claimed right now (the store write is in flight). */
  private claiming = new Set<string>();

  constructor(private readonly matchId: string, private readonly store: MatchStore, records: readonly SeatRecord[] = []) {
    for (const r of records) this.remember({ state: r.state, name: r.name, tokenHash: r.tokenHash });
  }

  holder(state: string): SeatHolder | undefined {
    return this.holders.get(state);
  }

  /** The state a seat token belongs to, if any. */
  stateForToken(token: string): string | undefined {
    return this.stateByHash.get(hashSecret(token));
  }

  isFree(state: string): boolean {
    return !this.holders.has(state) && !this.claiming.has(state);
  }

  /** Take a free seat: the new token is returned once and only its hash is stored (durably, before returning). */
  async claim(state: string, name: string): Promise<string> {
    if (!this.isFree(state)) throw new SeatTakenError(state);
    this.claiming.add(state);
    try {
      const token = newSeatToken();
      const holder = { state, name, tokenHash: hashSecret(token) };
      await this.store.putSeat({ matchId: this.matchId, ...holder });
      this.remember(holder);
      return token;
    } finally {
      this.claiming.delete(state);
    }
  }

  private remember(h: SeatHolder): void {
    const old = this.holders.get(h.state);
    if (old) this.stateByHash.delete(old.tokenHash);
    this.holders.set(h.state, h);
    this.stateByHash.set(h.tokenHash, h.state);
  }
}
