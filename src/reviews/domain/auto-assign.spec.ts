import fc from 'fast-check';
import { type AssignableReview, type CandidateReviewer, autoAssign } from './auto-assign.js';

const AGENCIES = ['agency-a', 'agency-b', 'agency-c', 'agency-d'];
const REVIEWER_IDS: string[] = ['r-01', 'r-02', 'r-03', 'r-04', 'r-05', 'r-06', 'r-07', 'r-08'];

// One agency (a frontline decision on its own case) or two (a competent authority's decision on another's case).
const reviewsArb = fc.uniqueArray(
  fc.record({ id: fc.uuid(), agencyIds: fc.uniqueArray(fc.constantFrom(...AGENCIES), { minLength: 1, maxLength: 2 }) }),
  { selector: (r) => r.id, maxLength: 60 },
);
const reviewersArb = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...REVIEWER_IDS),
    conflictAgencyIds: fc.subarray(AGENCIES),
    openLoad: fc.nat(6),
  }),
  { selector: (r) => r.id, maxLength: 8 },
);

function eligible(reviewer: CandidateReviewer, review: AssignableReview): boolean {
  return !review.agencyIds.some((agencyId) => reviewer.conflictAgencyIds.includes(agencyId));
}

function finalLoads(reviewers: CandidateReviewer[], assignments: { reviewerId: string }[]): Map<string, number> {
  const load = new Map(reviewers.map((r) => [r.id, r.openLoad]));
  for (const a of assignments) load.set(a.reviewerId, load.get(a.reviewerId)! + 1);
  return load;
}

describe('autoAssign', () => {
  it('never assigns a review to a reviewer with a conflict with its agency', () => {
    fc.assert(
      fc.property(reviewsArb, reviewersArb, (reviews, reviewers) => {
        const { assignments } = autoAssign(reviews, reviewers);
        const reviewById = new Map(reviews.map((r) => [r.id, r]));
        const reviewerById = new Map(reviewers.map((r) => [r.id, r]));
        for (const a of assignments) {
          expect(eligible(reviewerById.get(a.reviewerId)!, reviewById.get(a.reviewId)!)).toBe(true);
        }
      }),
    );
  });

  it('assigns every review that has an eligible reviewer, and lists exactly the others as unassignable', () => {
    fc.assert(
      fc.property(reviewsArb, reviewersArb, (reviews, reviewers) => {
        const { assignments, unassignable } = autoAssign(reviews, reviewers);
        const expectedUnassignable = reviews.filter((r) => !reviewers.some((c) => eligible(c, r))).map((r) => r.id);

        expect(unassignable).toEqual(expectedUnassignable);
        expect(assignments.map((a) => a.reviewId).sort()).toEqual(
          reviews
            .map((r) => r.id)
            .filter((id) => !expectedUnassignable.includes(id))
            .sort(),
        );
      }),
    );
  });

  it('balances: no review sits with a reviewer loaded more than one above another eligible reviewer', () => {
    fc.assert(
      fc.property(reviewsArb, reviewersArb, (reviews, reviewers) => {
        const { assignments } = autoAssign(reviews, reviewers);
        const load = finalLoads(reviewers, assignments);
        const reviewById = new Map(reviews.map((r) => [r.id, r]));
        for (const a of assignments) {
          const review = reviewById.get(a.reviewId)!;
          for (const b of reviewers.filter((r) => eligible(r, review))) {
            expect(load.get(b.id)!).toBeGreaterThanOrEqual(load.get(a.reviewerId)! - 1);
          }
        }
      }),
    );
  });

  it('is deterministic and does not depend on the input order', () => {
    fc.assert(
      fc.property(
        reviewsArb.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
        ),
        reviewersArb.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
        ),
        ([reviews, shuffledReviews], [reviewers, shuffledReviewers]) => {
          const first = autoAssign(reviews, reviewers);
          const sorted = (result: typeof first) =>
            [...result.assignments].sort((x, y) => (x.reviewId < y.reviewId ? -1 : 1));

          expect(autoAssign(reviews, reviewers)).toEqual(first);
          expect(sorted(autoAssign(shuffledReviews, shuffledReviewers))).toEqual(sorted(first));
        },
      ),
    );
  });

  it('gives a review to the least-loaded eligible reviewer, ties going to the smaller id', () => {
    const reviewers: CandidateReviewer[] = [
      { id: 'r-b', conflictAgencyIds: [], openLoad: 0 },
      { id: 'r-a', conflictAgencyIds: [], openLoad: 0 },
      { id: 'r-c', conflictAgencyIds: [], openLoad: 5 },
    ];
    const { assignments } = autoAssign([{ id: 'review-1', agencyIds: ['agency-a'] }], reviewers);

    expect(assignments).toEqual([{ reviewId: 'review-1', reviewerId: 'r-a' }]);
  });

  it('moves flexible reviews off a reviewer who alone can take another agency', () => {
    const reviewers: CandidateReviewer[] = [
      { id: 'r-a', conflictAgencyIds: [], openLoad: 0 },
      { id: 'r-b', conflictAgencyIds: ['agency-b'], openLoad: 0 },
    ];
    const reviews = [
      { id: 'review-1', agencyIds: ['agency-a'] },
      { id: 'review-2', agencyIds: ['agency-b'] },
      { id: 'review-3', agencyIds: ['agency-b'] },
    ];
    const { assignments } = autoAssign(reviews, reviewers);

    expect(assignments).toEqual([
      { reviewId: 'review-1', reviewerId: 'r-b' },
      { reviewId: 'review-2', reviewerId: 'r-a' },
      { reviewId: 'review-3', reviewerId: 'r-a' },
    ]);
  });

  it('never gives a review to a reviewer with a conflict with the agency that owns the case', () => {
    const reviewers: CandidateReviewer[] = [
      { id: 'r-a', conflictAgencyIds: ['agency-frontline'], openLoad: 0 },
      { id: 'r-b', conflictAgencyIds: [], openLoad: 9 },
    ];
    const { assignments } = autoAssign([{ id: 'review-1', agencyIds: ['agency-ca', 'agency-frontline'] }], reviewers);

    expect(assignments).toEqual([{ reviewId: 'review-1', reviewerId: 'r-b' }]);
  });

  it('lists reviews no reviewer may take as unassignable', () => {
    const reviewers: CandidateReviewer[] = [{ id: 'r-a', conflictAgencyIds: ['agency-a'], openLoad: 0 }];

    expect(autoAssign([{ id: 'review-1', agencyIds: ['agency-a'] }], reviewers)).toEqual({
      assignments: [],
      unassignable: ['review-1'],
    });
    expect(autoAssign([{ id: 'review-1', agencyIds: ['agency-a'] }], [])).toEqual({
      assignments: [],
      unassignable: ['review-1'],
    });
  });
});
