import type { components, operations } from '../api/schema';

export type DecisionBody = components['schemas']['RecordDecisionDto'];
export type DecisionType = DecisionBody['type'];
type CloseOutcome = NonNullable<NonNullable<operations['listCases']['parameters']['query']>['closedOutcome']>;

/** The close outcomes the API documents (its case filter lists them), in the order SPEC §3.2 gives them. */
const CLOSE_OUTCOMES: CloseOutcome[] = [
  'support_provided',
  'assisted_return',
  'removed',
  'released',
  'lost_contact',
  'transferred',
];

/**
 * What each decision type carries besides its type, version and time (SPEC §3.2; the API refuses any other field
 * with 400 and a missing one with 422). Which types this user may record is never decided here: the case's
 * `allowedDecisions` says it.
 */
export const DECISION_FORMS: Record<
  DecisionType,
  {
    outcomes?: readonly string[];
    reason: 'required' | 'optional';
    reasonMin?: number;
    indicators?: true;
    riskAssessment?: true;
    at?: true;
    detention?: true;
    review?: true;
  }
> = {
  refer: { reason: 'required' },
  decline_referral: { reason: 'required', reasonMin: 20, indicators: true },
  reasonable_grounds: { outcomes: ['positive', 'negative'], reason: 'required' },
  conclusive_grounds: { outcomes: ['positive', 'negative'], reason: 'required' },
  request_reconsideration: { reason: 'required', review: true },
  reconsider: { outcomes: ['upheld', 'overturned'], reason: 'required' },
  close: { outcomes: CLOSE_OUTCOMES, reason: 'optional', riskAssessment: true },
  detain: { reason: 'optional', at: true, detention: true },
  release: { reason: 'required', at: true },
};
