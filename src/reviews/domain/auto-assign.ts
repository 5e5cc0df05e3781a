export interface AssignableReview {
  id: string;
  /** The agency whose decision is reviewed and the agency that owns the case (often the same). */
  agencyIds: readonly string[];
}

export interface CandidateReviewer {
  id: string;
  conflictAgencyIds: readonly string[];
  /** Reviews currently assigned to this reviewer and not concluded. */
  openLoad: number;
}

export interface AutoAssignment {
  reviewId: string;
  reviewerId: string;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Spreads reviews over reviewers, never giving one to a reviewer with a
 * conflict of interest with the reviewed agency, nor with the agency whose case it is (SPEC §5).
 *
 * The result is balanced in this sense: no review sits with a reviewer whose
 * final load exceeds, by more than one, the final load of another reviewer
 * who could have taken it. A single greedy pass cannot promise that (a
 * reviewer who alone may take agency B's reviews gets them after an agency A
 * review already went to them), so the greedy pass is followed by moves that
 * restore it. Reviews are handled most-constrained first and then by id, so
 * the result depends on neither the input order of reviews nor of reviewers.
 * Assignments are returned in the input order of the reviews.
 */
export function autoAssign(
  reviews: AssignableReview[],
  reviewers: CandidateReviewer[],
): { assignments: AutoAssignment[]; unassignable: string[] } {
  const byId = new Map<string, CandidateReviewer>();
  for (const reviewer of [...reviewers].sort((a, b) => compareIds(a.id, b.id))) {
    if (!byId.has(reviewer.id)) byId.set(reviewer.id, reviewer);
  }
  const sortedReviewers = [...byId.values()];
  const load = new Map(sortedReviewers.map((r) => [r.id, r.openLoad]));

  // Eligibility depends only on the agencies, so it is worked out once per combination.
  const eligibleByAgencies = new Map<string, string[]>();
  const eligibleFor = (agencyIds: readonly string[]): string[] => {
    const key = [...new Set(agencyIds)].sort().join(',');
    let eligible = eligibleByAgencies.get(key);
    if (!eligible) {
      eligible = sortedReviewers
        .filter((r) => !agencyIds.some((agencyId) => r.conflictAgencyIds.includes(agencyId)))
        .map((r) => r.id);
      eligibleByAgencies.set(key, eligible);
    }
    return eligible;
  };
  const leastLoaded = (eligible: string[]): string => {
    let best = eligible[0];
    for (const id of eligible) if (load.get(id)! < load.get(best)!) best = id;
    return best; // ties keep the smaller id: `eligible` is sorted
  };

  const unassignable: string[] = [];
  const work: { review: AssignableReview; eligible: string[]; reviewerId: string }[] = [];
  for (const review of reviews) {
    const eligible = eligibleFor(review.agencyIds);
    if (eligible.length === 0) unassignable.push(review.id);
    else work.push({ review, eligible, reviewerId: '' });
  }
  work.sort((a, b) => a.eligible.length - b.eligible.length || compareIds(a.review.id, b.review.id));

  for (const item of work) {
    item.reviewerId = leastLoaded(item.eligible);
    load.set(item.reviewerId, load.get(item.reviewerId)! + 1);
  }

  // Each move lowers the sum of squared loads by at least 2, so this terminates.
  for (let moved = true; moved;) {
    moved = false;
    for (const item of work) {
      const current = load.get(item.reviewerId)!;
      const better = leastLoaded(item.eligible);
      if (load.get(better)! < current - 1) {
        load.set(item.reviewerId, current - 1);
        load.set(better, load.get(better)! + 1);
        item.reviewerId = better;
        moved = true;
      }
    }
  }

  const chosen = new Map(work.map((item) => [item.review, item.reviewerId]));
  const assignments: AutoAssignment[] = [];
  for (const review of reviews) {
    const reviewerId = chosen.get(review);
    if (reviewerId !== undefined) assignments.push({ reviewId: review.id, reviewerId });
  }
  return { assignments, unassignable };
}
