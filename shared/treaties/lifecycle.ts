import type { Turn } from '../engine/turn';
import { MULTILATERAL_KINDS, treatyParties, withMembers } from './parties';

/** End a treaty for everyone. */
export function endTreaty(t: Turn, id: string, reason: string): void {
  const tr = t.s.treaties[id];
  if (!tr || tr.status === 'ended') return;
  if (tr.terms.kind === 'basing') repatriateGuest(t, tr.terms.host, tr.terms.guest);
  tr.status = 'ended';
  tr.endedRound = t.s.round;
  tr.endReason = reason;
  for (const v of Object.values(t.s.votes)) if (v.treatyId === id && v.status === 'open') v.status = 'failed';
  t.emit({ kind: 'treaty/ended', audience: 'all', treaty: id, reason });
}

/** One party leaves. Bilateral treaties end; multilateral ones go on while enough members remain. */
export function leaveTreaty(t: Turn, id: string, state: string, breach: boolean): void {
  const tr = t.s.treaties[id];
  if (!tr || tr.status !== 'active') return;
  t.emit({ kind: 'treaty/left', audience: 'all', treaty: id, state, breach });
  delete tr.notices[state];
  if (!MULTILATERAL_KINDS.includes(tr.terms.kind)) {
    endTreaty(t, id, breach ? `${state} left at once` : `${state} left`);
    return;
  }
  const rest = treatyParties(tr.terms).filter((m) => m !== state);
  const min = tr.terms.kind === 'sanctions' ? 1 : 2;
  // Too few would remain: the treaty ends with its last membership on record, so its terms stay valid terms.
  if (rest.length < min) {
    endTreaty(t, id, 'too few members');
    return;
  }
  tr.terms = withMembers(tr.terms, rest);
  delete tr.enforcing[state];
  for (const v of Object.values(t.s.votes)) {
    if (v.treatyId === id && v.status === 'open' && (v.subject === state || v.proposer === state)) v.status = 'failed';
    else if (v.treatyId === id) v.voters = v.voters.filter((x) => x !== state);
  }
}

/** When basing access ends, the guest's units in the host's regions go home to the guest's capital (or disband). */
function repatriateGuest(t: Turn, host: string, guest: string): void {
  // Under fog, movements of units are news only to their owner (as moves and retreats at resolution).
  const audience = t.s.settings.fog ? [guest] : ('all' as const);
  const cap = t.board.capital.get(guest);
  const home = cap && t.s.regions[cap]?.owner === guest ? cap : t.board.regionIds.find((r) => t.s.regions[r]!.owner === guest);
  for (const rid of t.board.regionIds) {
    const r = t.s.regions[rid]!;
    const n = r.units[guest] ?? 0;
    if (r.owner !== host || n === 0) continue;
    delete r.units[guest];
    if (home) {
      const h = t.s.regions[home]!;
      h.units[guest] = (h.units[guest] ?? 0) + n;
      t.emit({ kind: 'units/retreated', audience, state: guest, from: rid, to: home, units: n });
    } else {
      t.emit({ kind: 'units/disbanded', audience, state: guest, region: rid, units: n });
    }
  }
}
