import type { Phase } from '../../shared/state';
import type { Scenario } from '../../shared/scenario/schema';
import type { Coefficients } from '../../shared/scenario/coefficients';
import type { TreatyKind, TreatyTerms } from '../../shared/treaties/terms';
import { stateName } from './palette';

/** Words the page uses for phases, treaties and numbers. */

export const PHASE_LABELS: Record<Phase, string> = {
  setup: 'Waiting to start',
  briefing: 'Briefing',
  diplomacy: 'Diplomacy',
  orders: 'Orders',
  crisis: 'Crisis',
  ended: 'Match over',
};

export const PHASE_HINTS: Record<Phase, string> = {
  setup: 'The host starts the match; empty seats are filled by bots.',
  briefing: 'Read what happened last round and this round’s events.',
  diplomacy: 'Talk, propose treaties, answer proposals and votes. Press Ready when done.',
  orders: 'Set your budget and give force orders. They are saved as you make them.',
  crisis: 'Allies decide whether to honor their obligations.',
  ended: 'Final scores are in.',
};

/** mm:ss, or h:mm:ss, or "2d 3h" for long asynchronous phases. */
export function formatCountdown(ms: number | null): string {
  if (ms === null) return '–';
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s >= 86400) return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function pct(x: number, digits = 0): string {
  return `${(x * 100).toFixed(digits)}%`;
}

export function signed(x: number, digits = 1): string {
  const v = Number(x.toFixed(digits));
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}`;
}

export const TREATY_NAMES: Record<TreatyKind, string> = {
  'defense-pact': 'Defense pact',
  guarantee: 'Guarantee',
  basing: 'Basing access',
  intelligence: 'Intelligence sharing',
  trade: 'Trade agreement',
  sanctions: 'Sanctions coalition',
  'non-aggression': 'Non-aggression pact',
  technology: 'Technology pact',
  forum: 'Forum',
};

/** What a treaty kind obliges its parties to, in the model's numbers (GAME.md §5). */
export function treatyObliges(kind: TreatyKind, c: Coefficients): string {
  switch (kind) {
    case 'defense-pact':
      return `Collective defense: an attack on any member opens a crisis in which every other member must honor (commit units) or abstain (−${c.credAbstain} credibility). Members are expected to spend the guideline share of output on defense; spending below it lowers cohesion and credibility. Own channel.`;
    case 'guarantee':
      return `One-way promise: an attack on the protected state opens a crisis for the guarantor, who must honor or abstain (−${c.credAbstain} credibility). The protected state owes nothing back.`;
    case 'basing':
      return 'The guest may move and station units in the host’s regions (forward presence). Nothing else is owed.';
    case 'intelligence':
      return `Members see each other’s regions through fog and get early warning of attacks on each other (+${Math.round(c.earlyWarningBonus * 100)}% defense), and fight together a little better.`;
    case 'trade':
      return `Both grow faster: +${pct(c.tradeBonus)} growth per agreement (at most ${pct(c.tradeCap)} in all). Trade stops during a sea-lane crisis.`;
    case 'sanctions':
      return `The target’s growth falls in proportion to the coalition’s share of world output; each enforcing member pays a small growth cost. Members vote each round whether to enforce.`;
    case 'non-aggression':
      return `Neither may attack the other: an attack is a breach (−${c.credAttackPartner} credibility). Counts as friendly for support.`;
    case 'technology':
      return `Members’ technology converges upwards: each round the laggards close ${pct(c.techPactConvergence)} of the gap to the best member.`;
    case 'forum':
      return `No obligation: a coordination channel, and members’ interoperability grows by ${c.interopForum.toFixed(2)} a round.`;
  }
}

/** A one-line summary of terms, e.g. "Valdoria guarantees Lissen". */
export function termsSummary(scenario: Scenario, t: TreatyTerms): string {
  const n = (id: string) => stateName(scenario, id);
  const list = (ids: readonly string[]) => ids.map(n).join(', ');
  switch (t.kind) {
    case 'defense-pact': return `${t.name}: defense pact of ${list(t.members)}, guideline ${pct(t.guideline)} on defense`;
    case 'guarantee': return `${n(t.guarantor)} guarantees ${n(t.protected)}`;
    case 'basing': return `${n(t.host)} grants ${n(t.guest)} basing access`;
    case 'intelligence': return `Intelligence sharing: ${list(t.members)}`;
    case 'trade': return `Trade agreement: ${list(t.members)}`;
    case 'sanctions': return `Sanctions on ${n(t.target)} by ${list(t.members)}`;
    case 'non-aggression': return `Non-aggression: ${list(t.members)}`;
    case 'technology': return `Technology pact: ${list(t.members)}`;
    case 'forum': return `${t.name} (forum): ${list(t.members)}`;
  }
}

/** A short title for a treaty: its name if it has one, else its kind and parties. */
export function treatyTitle(scenario: Scenario, t: TreatyTerms): string {
  if (t.kind === 'defense-pact' || t.kind === 'forum') return t.name;
  return termsSummary(scenario, t);
}
