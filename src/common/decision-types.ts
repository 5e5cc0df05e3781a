/**
 * The names of the decisions a case can receive (SPEC §3.2) and who takes
 * them by kind of agency: the vocabulary both the state machine
 * (cases/domain/identification.ts: from which state) and the CASL rules
 * (authz/domain/abilities.ts: by whom) are written in. It sits below both so
 * that neither imports the other for it.
 */

export const DECISION_TYPES = [
  'refer',
  'decline_referral',
  'reasonable_grounds',
  'conclusive_grounds',
  'request_reconsideration',
  'reconsider',
  'close',
  'detain',
  'release',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** Decisions taken by the frontline agency that holds the case. */
export const FRONTLINE_DECISIONS = [
  'refer',
  'decline_referral',
  'detain',
  'release',
  'close',
] as const satisfies readonly DecisionType[];

/** Decisions taken by the competent authority on a referred case. */
export const AUTHORITY_DECISIONS = [
  'reasonable_grounds',
  'conclusive_grounds',
  'reconsider',
] as const satisfies readonly DecisionType[];
