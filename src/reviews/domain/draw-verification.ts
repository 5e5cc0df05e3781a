/**
 * Judging a sampling run's stored draw against the draw recomputed from its
 * seed (GET /sampling-runs/{id}/verification). The recomputation itself is
 * the run's own SQL (persistence/sampling-draw.repository.ts) over the
 * population as it stood at draw time; this module compares and decides.
 */

export interface StratumCounts {
  agencyId: string;
  type: string;
  outcome: string | null;
  population: number;
  sampled: number;
}

export interface StratumDifference {
  agencyId: string;
  decisionType: string;
  outcome: string | null;
  /** What the run stored for the stratum; null when it stored none. */
  stored: { population: number; sampled: number } | null;
  /** What the seed and population give; null when the stratum is not in the recomputed population. */
  recomputed: { population: number; sampled: number } | null;
}

export const SAMPLE_DIFFERENCE_KINDS = ['missing', 'unexpected', 'altered'] as const;
/**
 * - `missing`: the seed selects the record, no review of the run reviews it;
 * - `unexpected`: a review of the run reviews a record the seed does not select;
 * - `altered`: selected and reviewed, but the review's copy of it (case, agencies, type, outcome, score) differs.
 */
export type SampleDifferenceKind = (typeof SAMPLE_DIFFERENCE_KINDS)[number];

function stratumKey(s: { agencyId: string; type: string; outcome: string | null }): string {
  return JSON.stringify([s.agencyId, s.type, s.outcome]);
}

/** Strata whose population or sample size differ, or that only one side has; ordered by agency, type, outcome. */
export function strataDifferences(
  stored: readonly StratumCounts[],
  recomputed: readonly StratumCounts[],
): StratumDifference[] {
  const storedByKey = new Map(stored.map((s) => [stratumKey(s), s]));
  const recomputedByKey = new Map(recomputed.map((s) => [stratumKey(s), s]));
  const keys = [...new Set([...storedByKey.keys(), ...recomputedByKey.keys()])].sort();
  const differences: StratumDifference[] = [];
  for (const key of keys) {
    const s = storedByKey.get(key);
    const r = recomputedByKey.get(key);
    if (s && r && s.population === r.population && s.sampled === r.sampled) continue;
    const any = (s ?? r)!;
    differences.push({
      agencyId: any.agencyId,
      decisionType: any.type,
      outcome: any.outcome,
      stored: s ? { population: s.population, sampled: s.sampled } : null,
      recomputed: r ? { population: r.population, sampled: r.sampled } : null,
    });
  }
  return differences;
}

/** The draw is verified only when everything agrees: both digests, every stratum and every review. */
export function isVerified(check: {
  populationDigestMatches: boolean;
  sampleDigestMatches: boolean;
  strataDifferences: number;
  sampleDifferences: number;
}): boolean {
  return (
    check.populationDigestMatches &&
    check.sampleDigestMatches &&
    check.strataDifferences === 0 &&
    check.sampleDifferences === 0
  );
}
