import { z } from 'zod';

const share = z.number().min(0).max(1);
const nonNeg = z.number().min(0);

/**
 * Every coefficient of the model (GAME.md §4). Scenario files may override any of them;
 * the defaults are the values the rules document explains to players.
 */
export const CoefficientsSchema = z.object({
  // --- economy ---
  /** Output one unit costs to raise. */
  unitCost: nonNeg.default(10),
  /** Output each standing unit costs per round. */
  upkeep: nonNeg.default(1),
  /** Base growth per round. */
  baseGrowth: z.number().min(-0.5).max(0.5).default(0.02),
  /** Growth per point of investment share (g += a·i). */
  investmentGrowth: nonNeg.default(0.06),
  /** Growth per active trade agreement. */
  tradeBonus: nonNeg.default(0.01),
  /** Cap on growth from trade agreements. */
  tradeCap: nonNeg.default(0.03),
  /** Sanctions: growth penalty k·(coalition output / world output). */
  sanctionsK: nonNeg.default(0.15),
  /** Growth cost to each enforcing coalition member. */
  sanctionsMemberCost: nonNeg.default(0.002),
  /** Growth lost per own region fought over this round. */
  warDamage: nonNeg.default(0.01),
  /** Defense share above which spending drags growth. */
  defenseDragThreshold: share.default(0.3),
  /** Growth lost per point of defense share above the threshold. */
  defenseDrag: nonNeg.default(0.1),
  /** Output added per held region is the region's output times this. */
  regionOutputFactor: nonNeg.default(1),
  // --- technology ---
  /** Technology gained per point of investment share. */
  techGrowth: nonNeg.default(0.05),
  /** Fraction of the gap to the best member closed each round in a technology pact. */
  techPactConvergence: share.default(0.25),
  // --- interoperability ---
  /** Interoperability of strangers. */
  interopStrangers: z.number().min(0.5).max(1).default(0.6),
  /** Gained per joint exercise. */
  interopExercise: nonNeg.default(0.05),
  /** Lost per round without a joint exercise. */
  interopDecay: nonNeg.default(0.01),
  /** Gained per round by fellow members of a forum. */
  interopForum: nonNeg.default(0.02),
  /** Combat bonus to interoperability between intelligence-sharing partners. */
  intelBonus: nonNeg.default(0.05),
  // --- combat ---
  /** Defense multiplier in a home region. */
  homeBonus: z.number().min(1).max(3).default(1.25),
  /** Losses = round(lossRate · other side's strength). */
  lossRate: share.default(0.5),
  /** Spread of the optional seeded variance: strengths × U[1−v, 1+v]. */
  variance: share.default(0.2),
  /** Defense multiplier when an intelligence partner gives early warning of the attack. */
  earlyWarningBonus: nonNeg.default(0.1),
  // --- credibility ---
  credHonor: nonNeg.default(5),
  credAbstain: nonNeg.default(15),
  credWithdrawNotice: nonNeg.default(2),
  credWithdrawImmediate: nonNeg.default(10),
  credAttackPartner: nonNeg.default(25),
  credAtGuideline: nonNeg.default(1),
  credBelowGuideline: nonNeg.default(2),
  credGovernmentFall: nonNeg.default(8),
  // --- public support ---
  /** Domestic share at which support is steady. */
  supportDomesticNeutral: share.default(0.4),
  /** Support gained per point of domestic share above neutral (×100). */
  supportDomestic: nonNeg.default(0.3),
  /** Support lost per point of defense share above the guideline (×100). */
  supportDefense: nonNeg.default(0.5),
  /** Support lost per unit lost as a share of units held (×100). */
  supportLosses: nonNeg.default(0.2),
  /** Support lost per region lost. */
  supportRegionLost: nonNeg.default(4),
  /** Support lost per point of growth taken by sanctions (×100). */
  supportSanctions: nonNeg.default(1),
  /** Support gained in a round where all home regions are held and none was attacked. */
  supportSecurity: nonNeg.default(1),
  /** Below this the government falls. */
  fallThreshold: z.number().min(0).max(100).default(25),
  /** Support a new government starts with. */
  supportAfterFall: z.number().min(0).max(100).default(45),
  /** Defense share cap on the budget after a fall. */
  fallDefenseCap: share.default(0.15),
  /** Defense share used as reference when a state is in no pact. */
  defaultGuideline: share.default(0.2),
  // --- cohesion ---
  /** Cohesion a defense pact starts with. */
  cohesionStart: z.number().min(0).max(100).default(70),
  /** Cohesion lost per point (×100) of burden unfairness. */
  cohesionUnfairness: nonNeg.default(1.5),
  cohesionAbstain: nonNeg.default(10),
  cohesionBreach: nonNeg.default(15),
  cohesionHonor: nonNeg.default(5),
  cohesionExercise: nonNeg.default(2),
  /** Below this an alliance-strain event opens expulsion votes. */
  strainThreshold: z.number().min(0).max(100).default(30),
  // --- scores ---
  scoreHome: nonNeg.default(30),
  scoreRegions: nonNeg.default(20),
  scoreProsperity: nonNeg.default(20),
  scoreCredibility: nonNeg.default(0.2),
  scoreMembership: nonNeg.default(2),
  scoreMembershipCap: z.number().int().min(0).default(5),
  scoreRegionGained: nonNeg.default(8),
  peaceDividend: nonNeg.default(2),
  // --- events ---
  /** Cards drawn from the deck each round. */
  eventsPerRound: z.number().int().min(0).max(5).default(1),
  /** Technology shift: technology gained. */
  cardTechGain: nonNeg.default(0.15),
  /** Rising competitor: share added to the core economy, and units raised at the capital. */
  cardCompetitorGrowth: nonNeg.default(0.15),
  cardCompetitorUnits: z.number().int().min(0).default(2),
  /** Cyber attack: share of the core economy lost, and interoperability lost with every other state. */
  cardCyberOutputLoss: share.default(0.03),
  cardCyberInteropLoss: nonNeg.default(0.05),
  /** Election: below this public support the government falls; otherwise support moves halfway to the centre. */
  cardElectionFallBelow: z.number().min(0).max(100).default(35),
  cardElectionCentre: z.number().min(0).max(100).default(50),
  /** Financial shock: share of every core economy lost. */
  cardFinancialShock: share.default(0.06),
  /** Space incident: technology lost. */
  cardSpaceTechLoss: nonNeg.default(0.1),
});

export type Coefficients = z.infer<typeof CoefficientsSchema>;
