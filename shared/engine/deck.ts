import type { RngState } from '../rng';
import { Rng } from '../rng';
import type { EventKind, Scenario } from '../scenario/schema';
import { EVENT_KINDS } from '../scenario/schema';
import type { DrawnEvent } from '../state';
import { pairKey } from '../pairKey';
import { fallGovernment } from './government';
import type { Turn } from './turn';

/** A shuffled deck from the scenario's composition. */
export function buildDeck(scenario: Scenario, rng: RngState): [EventKind[], RngState] {
  const cards: EventKind[] = [];
  for (const kind of EVENT_KINDS) for (let i = 0; i < (scenario.eventDeck[kind] ?? 0); i++) cards.push(kind);
  const r = new Rng(rng);
  return [r.shuffle(cards), r.state];
}

const name = (t: Turn, id: string | null): string =>
  (id && (t.board.scenario.states.find((s) => s.id === id)?.name ?? t.board.region.get(id)?.name)) || 'the world';

/** Choose what a card strikes; the choice is seeded and revealed at the briefing. */
export function aimCard(t: Turn, card: EventKind, forced?: string): DrawnEvent {
  const states = t.stateIds;
  const revisionists = t.board.scenario.states.filter((s) => s.role === 'revisionist').map((s) => s.id).sort();
  let target: string | null = null;
  switch (card) {
    case 'rising-competitor':
      target = forced ?? t.rng.pick(revisionists.length ? revisionists : states) ?? null;
      break;
    case 'financial-shock':
      target = null;
      break;
    case 'sea-lane-crisis': {
      const straits = t.board.regionIds.filter((r) => t.board.region.get(r)?.kind === 'strait');
      const seas = straits.length ? straits : t.board.regionIds.filter((r) => t.board.region.get(r)?.kind === 'sea');
      target = forced ?? t.rng.pick(seas) ?? null;
      break;
    }
    default:
      target = forced ?? t.rng.pick(states) ?? null;
  }
  return { kind: card, target, text: cardText(t, card, target) };
}

function cardText(t: Turn, card: EventKind, target: string | null): string {
  const who = name(t, target);
  switch (card) {
    case 'technology-shift': return `Technology shift: a breakthrough lifts ${who}'s technology.`;
    case 'rising-competitor': return `Rising competitor: ${who}'s economy surges and it raises new forces.`;
    case 'cyber-attack': return `Cyber attack: ${who}'s networks are hit; output and interoperability suffer.`;
    case 'election': return `Election in ${who}: public support resets toward the middle; a weak government may fall.`;
    case 'financial-shock': return 'Financial shock: every economy shrinks this year.';
    case 'sea-lane-crisis': return `Sea-lane crisis at ${who}: trade agreements pay nothing this year.`;
    case 'space-incident': return `Space incident: ${who} loses satellites; technology drops and early warning fails this year.`;
  }
}

/** Draw the next round's cards, rebuilding the deck from the scenario when it runs out. */
export function drawCards(t: Turn): DrawnEvent[] {
  const out: DrawnEvent[] = [];
  for (let i = 0; i < t.c.eventsPerRound; i++) {
    if (t.s.deck.length === 0) {
      const [deck] = buildDeck(t.board.scenario, [t.rng.int(2 ** 32), t.rng.int(2 ** 32), t.rng.int(2 ** 32), t.rng.int(2 ** 32)]);
      t.s.deck = deck;
    }
    const card = t.s.deck.shift();
    if (card) out.push(aimCard(t, card));
  }
  return out;
}

/** A card's effect on the world (GAME.md §1: every kind has a real effect). */
export function playCard(t: Turn, card: DrawnEvent): void {
  t.emit({ kind: 'card/revealed', audience: 'all', card: card.kind, target: card.target, text: card.text });
  const n = card.target ? t.s.nations[card.target] : undefined;
  switch (card.kind) {
    case 'technology-shift':
      if (n) n.technology = Math.min(5, round3(n.technology + t.c.cardTechGain));
      break;
    case 'rising-competitor':
      if (n && card.target) {
        n.core = Math.round(n.core * (1 + t.c.cardCompetitorGrowth));
        const cap = t.board.capital.get(card.target);
        const raised = t.c.cardCompetitorUnits;
        if (cap && raised > 0 && t.s.regions[cap]?.owner === card.target) {
          const r = t.s.regions[cap]!;
          r.units[card.target] = (r.units[card.target] ?? 0) + raised;
          // Under fog new units are news only to their owner, as at resolution (economy.ts).
          t.emit({ kind: 'units/recruited', audience: t.s.settings.fog ? [card.target] : 'all', state: card.target, region: cap, units: raised });
        }
        refreshOutput(t, card.target);
      }
      break;
    case 'cyber-attack':
      if (n && card.target) {
        n.core = Math.round(n.core * (1 - t.c.cardCyberOutputLoss));
        for (const other of t.stateIds) {
          if (other === card.target) continue;
          const k = pairKey(card.target, other);
          t.s.interop[k] = Math.max(0.5, round3((t.s.interop[k] ?? t.c.interopStrangers) - t.c.cardCyberInteropLoss));
        }
        refreshOutput(t, card.target);
      }
      break;
    case 'election':
      if (n && card.target) {
        const before = n.publicSupport;
        if (before < t.c.cardElectionFallBelow) fallGovernment(t, card.target);
        else n.publicSupport = Math.round((before + t.c.cardElectionCentre) / 2);
      }
      break;
    case 'financial-shock':
      for (const id of t.stateIds) {
        const x = t.s.nations[id]!;
        x.core = Math.round(x.core * (1 - t.c.cardFinancialShock));
        refreshOutput(t, id);
      }
      break;
    case 'sea-lane-crisis':
      t.s.effects.tradeSuspended = true;
      break;
    case 'space-incident':
      if (n) n.technology = Math.max(0.5, round3(n.technology - t.c.cardSpaceTechLoss));
      t.s.effects.earlyWarningOff = true;
      break;
    case 'custom':
      break;
  }
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Output is the core economy plus the regions held. */
export function refreshOutput(t: Turn, state: string): void {
  const n = t.s.nations[state]!;
  let regions = 0;
  for (const rid of t.board.regionIds) if (t.s.regions[rid]!.owner === state) regions += t.board.region.get(rid)!.output;
  n.output = n.core + Math.round(regions * t.c.regionOutputFactor);
}
