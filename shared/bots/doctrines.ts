/**
 * The four doctrines of GAME.md §8 as data. Every doctrine runs the same reasoning (what the state stands
 * to gain from defense, what an attack would win); a doctrine only tilts it, row by row.
 */
export const DOCTRINES = ['guardian', 'free-rider', 'opportunist', 'hedger'] as const;
export type Doctrine = (typeof DOCTRINES)[number];

export function isDoctrine(x: string): x is Doctrine {
  return (DOCTRINES as readonly string[]).includes(x);
}

export interface DoctrineTraits {
  /** Defense share relative to the pact guideline: 'meet' keeps at least the guideline, 'under' stays below it, 'free' ignores it. */
  guideline: 'meet' | 'under' | 'free';
  /** Whole points a free rider stays below the guideline. */
  underBy: number;
  /** Attack only when own attack strength ≥ this × the target's expected defense (the deterrence index read from the attacker's side). */
  attackMargin: number;
  /** Most attacks ordered in one round. */
  maxAttacks: number;
  /** Crisis answer: honor with what the defense needs, with a token force, or abstain. */
  crisis: 'honor' | 'token' | 'abstain';
  /** Joins defense pacts and guarantees (as a member or protected state). */
  joinsPacts: boolean;
  /** Gives guarantees to threatened small neighbours. */
  guarantees: boolean;
  /** Joins forums, trade and non-aggression treaties. */
  joinsForums: boolean;
  /** Enforces sanctions it belongs to. */
  enforcesSanctions: boolean;
  /** Holds joint exercises with treaty partners. */
  exercises: boolean;
}

export const TRAITS: Record<Doctrine, DoctrineTraits> = {
  guardian: {
    guideline: 'meet', underBy: 0, attackMargin: 1.6, maxAttacks: 1, crisis: 'honor',
    joinsPacts: true, guarantees: true, joinsForums: true, enforcesSanctions: true, exercises: true,
  },
  'free-rider': {
    guideline: 'under', underBy: 4, attackMargin: 1.6, maxAttacks: 1, crisis: 'token',
    joinsPacts: true, guarantees: false, joinsForums: true, enforcesSanctions: false, exercises: true,
  },
  opportunist: {
    guideline: 'free', underBy: 0, attackMargin: 1.15, maxAttacks: 2, crisis: 'abstain',
    joinsPacts: false, guarantees: false, joinsForums: true, enforcesSanctions: false, exercises: false,
  },
  hedger: {
    guideline: 'free', underBy: 0, attackMargin: 1.6, maxAttacks: 1, crisis: 'token',
    joinsPacts: false, guarantees: false, joinsForums: true, enforcesSanctions: false, exercises: true,
  },
};
