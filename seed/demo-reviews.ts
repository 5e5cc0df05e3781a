import type { CaseState } from '../src/cases/domain/identification.js';
import { NEGATIVE_STATES } from '../src/cases/domain/identification.js';
import type { Caller, DemoApi } from './demo-api.js';

export interface ReviewItem {
  id: string;
  caseId: string;
  agencyId: string;
  decisionType: string;
  decisionOutcome: string | null;
  status: string;
}

/** What the review step needs to know about a seeded case. */
export interface SeededCase {
  id: string;
  agency: 'bp' | 'li';
  externalRef: string;
  state: CaseState;
  version: number;
}

export interface ReviewCast {
  commissioner: Caller;
  reviewer: Caller & { id: string };
  conflictedReviewer: Caller & { id: string };
  bpSupervisor: Caller;
  /** Who answers a finding, by deciding agency: DEMO-BP's supervisor, the competent authority's decision maker. */
  responders: ReadonlyMap<string, Caller>;
}

type Fate = 'withdrawn_pending' | 'withdrawn_assigned' | 'pending' | 'assigned' | 'concur' | 'awaiting' | 'responded';

/** After the two withdrawals, reviews take these fates in turn: every status, most of them several times. */
const CYCLE: Fate[] = ['pending', 'assigned', 'concur', 'awaiting', 'responded', 'concur', 'assigned', 'responded'];

const RATIONALE = {
  concur: 'The decision is consistent with the recorded indicators and the reasons given address each of them.',
  concern:
    'The decision may stand, but its reasons do not address every recorded indicator; the record should be completed.',
  disagree:
    'The recorded indicators (deception, document retention, debt) meet the threshold; the reasons given do not support the negative decision.',
  disagreeDetention:
    'Detaining a person with recorded trafficking indicators is not justified by the legal basis stated.',
};
const RESPONSE = {
  accept: 'We accept the finding; the case will be reconsidered and the officers briefed.',
  reject:
    'We do not accept the finding: the interview record, not summarised in the decision, addressed these indicators.',
};
const WITHDRAWAL = [
  'The same decision is already part of the thematic inspection of border screening.',
  'Withdrawn in favour of the thematic review of detention decisions at this facility.',
];

/**
 * Moves the run's reviews into every status, through the API as the people
 * who would do it: the commissioner assigns and withdraws, the assigned
 * reviewer concludes (the conflicted reviewer never gets DEMO-BP's), the
 * deciding agency responds (DEMO-BP's supervisor, or the authority's decision
 * maker for its RG and CG decisions). One disagreement with a negative DEMO-BP decision is
 * accepted and answered with a reconsideration request linked to it.
 */
export async function driveReviews(
  api: DemoApi,
  cast: ReviewCast,
  reviews: ReviewItem[],
  cases: Map<string, SeededCase>,
): Promise<{ reconsideration: { externalRef: string; reviewId: string; caseId: string } | null }> {
  const ordered = [...reviews].sort((a, b) => sortKey(a, cases).localeCompare(sortKey(b, cases)));
  const target = ordered.find((r) => canBeReconsidered(r, cases.get(r.caseId)));
  const others = ordered.filter((r) => r !== target);

  let reconsideration: { externalRef: string; reviewId: string; caseId: string } | null = null;
  if (target) {
    const kase = cases.get(target.caseId)!;
    await assign(api, cast, target, cast.reviewer);
    await command(api, cast.reviewer, target, 'conclude', { finding: 'disagree', rationale: RATIONALE.disagree });
    const responder = cast.responders.get(target.agencyId) ?? cast.bpSupervisor;
    await command(api, responder, target, 'respond', { response: 'accept', responseText: RESPONSE.accept });
    const answer = await api.post<{ case: { state: CaseState; version: number } }>(
      `/cases/${kase.id}/decisions`,
      cast.bpSupervisor,
      {
        type: 'request_reconsideration',
        expectedVersion: kase.version,
        reason:
          'The independent review found the negative decision unsupported; the agency accepted the finding and asks for reconsideration.',
        reviewId: target.id,
      },
    );
    kase.state = answer.case.state;
    kase.version = answer.case.version;
    reconsideration = { externalRef: kase.externalRef, reviewId: target.id, caseId: kase.id };
  }

  let liTurn = 0;
  let responded = 0;
  for (const [i, review] of others.entries()) {
    const isBp = cases.get(review.caseId)?.agency === 'bp';
    let fate: Fate = i === 0 ? 'withdrawn_pending' : i === 1 ? 'withdrawn_assigned' : CYCLE[(i - 2) % CYCLE.length];
    // Only DEMO-BP and the authority have someone to answer a finding.
    const responder = cast.responders.get(review.agencyId);
    if (fate === 'responded' && !responder) fate = 'awaiting';
    if (fate === 'pending') continue;
    if (fate === 'withdrawn_pending') {
      await command(api, cast.commissioner, review, 'withdraw', { reason: WITHDRAWAL[0] });
      continue;
    }
    // Never a reviewer with a conflict: DEMO-BP's reviews go to the reviewer without one.
    const reviewer = isBp || liTurn++ % 2 === 0 ? cast.reviewer : cast.conflictedReviewer;
    await assign(api, cast, review, reviewer);
    if (fate === 'assigned') continue;
    if (fate === 'withdrawn_assigned') {
      await command(api, cast.commissioner, review, 'withdraw', { reason: WITHDRAWAL[1] });
      continue;
    }
    if (fate === 'concur') {
      await command(api, reviewer, review, 'conclude', { finding: 'concur', rationale: RATIONALE.concur });
      continue;
    }
    const finding = (fate === 'awaiting' ? i : responded) % 2 === 0 ? 'concern' : 'disagree';
    const rationale =
      finding === 'concern'
        ? RATIONALE.concern
        : review.decisionType === 'detain'
          ? RATIONALE.disagreeDetention
          : RATIONALE.disagree;
    await command(api, reviewer, review, 'conclude', { finding, rationale });
    if (fate === 'responded' && responder) {
      const response = responded++ % 2 === 0 ? 'reject' : 'accept';
      await command(api, responder, review, 'respond', { response, responseText: RESPONSE[response] });
    }
  }
  return { reconsideration };
}

/** A DEMO-BP review of the negative decision that still defines its case's state. */
function canBeReconsidered(review: ReviewItem, kase: SeededCase | undefined): boolean {
  if (!kase || kase.agency !== 'bp') return false;
  const stillNegative = (NEGATIVE_STATES as readonly string[]).includes(kase.state);
  const negativeDecision =
    (review.decisionType === 'reasonable_grounds' &&
      review.decisionOutcome === 'negative' &&
      kase.state === 'rg_negative') ||
    (review.decisionType === 'conclusive_grounds' &&
      review.decisionOutcome === 'negative' &&
      kase.state === 'cg_negative') ||
    (review.decisionType === 'decline_referral' && kase.state === 'not_referred');
  return stillNegative && negativeDecision;
}

/** Reviews in a stable order (agency, decision, case reference), so the same sample gets the same fates. */
function sortKey(r: ReviewItem, cases: Map<string, SeededCase>): string {
  const kase = cases.get(r.caseId);
  const priority = r.decisionType === 'reasonable_grounds' ? '0' : r.decisionType === 'conclusive_grounds' ? '1' : '2';
  return [kase?.agency ?? 'z', priority, r.decisionType, r.decisionOutcome ?? '', kase?.externalRef ?? r.id].join('|');
}

async function assign(api: DemoApi, cast: ReviewCast, review: ReviewItem, reviewer: { id: string }): Promise<void> {
  await command(api, cast.commissioner, review, 'assign', { reviewerId: reviewer.id });
}

async function command(
  api: DemoApi,
  as: Caller,
  review: ReviewItem,
  name: 'assign' | 'conclude' | 'respond' | 'withdraw',
  body: Record<string, string>,
): Promise<void> {
  await api.post(`/reviews/${review.id}/${name}`, as, body, 200);
}
