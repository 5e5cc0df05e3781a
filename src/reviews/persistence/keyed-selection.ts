import { SAMPLED_DECISION_TYPES } from '../domain/sampling.js';

/**
 * The keyed selection of src/reviews/domain/sampling.ts, written as SQL so a
 * run scores millions of records where they are, in parallel, instead of
 * shipping each one to Node. Every expression here mirrors a pure function
 * there, and an e2e test (test/e2e/sampling-sql.e2e-spec.ts) draws random
 * populations both ways with the same seed and requires identical results.
 * `d` is `decision_records d`; `$seed` is the parameter holding the seed.
 */

/** selectionScore: the first 7 bytes of HMAC-SHA256(seed, lower-case id), top 53 bits, over 2^53. */
export function scoreSql(seedParam: string): string {
  return `((('x' || encode(substring(hmac(convert_to(d.id::text, 'UTF8'), ${seedParam}::bytea, 'sha256') from 1 for 7),
          'hex'))::bit(56)::bigint >> 3)::float8 / 9007199254740992.0)`;
}

/** stratumOf: the outcome splits a stratum only for types that have one. */
export const OUTCOME_KEY_SQL = `CASE WHEN d.type IN ('reasonable_grounds', 'conclusive_grounds', 'reconsider', 'close')
                                     THEN d.outcome END`;

/** isNegativeDecision. */
export const NEGATIVE_SQL = `(d.type IN ('decline_referral', 'detain')
   OR (d.type IN ('reasonable_grounds', 'conclusive_grounds') AND d.outcome = 'negative')
   OR (d.type = 'reconsider' AND d.outcome = 'upheld')
   OR (d.type = 'close' AND d.outcome = 'removed'))`;

export function rateSql(rateParam: string, negativeRateParam: string): string {
  return `(CASE WHEN ${NEGATIVE_SQL} THEN ${negativeRateParam}::float8 ELSE ${rateParam}::float8 END)`;
}

/**
 * The population of a run: sampled types in the period, recorded before the run's cutoff, and not under review
 * from a run drawn before it, nor from a complaint's referral made before it (never reviewed twice). Cutoffs and
 * referrals are taken under the draw lock, so they order runs and referrals; at draw time every review comes from
 * before it, and a later verification reproduces the same set — records a later run drew or a later referral
 * reviewed, or that were entered late, do not change it.
 */
export function populationWhereSql(
  fromParam: string,
  toParam: string,
  typesParam: string,
  cutoffParam: string,
): string {
  return `d.occurred_at >= ${fromParam} AND d.occurred_at < ${toParam} AND d.type = ANY(${typesParam})
          AND d.recorded_at < ${cutoffParam}
          AND NOT EXISTS (SELECT 1 FROM reviews r LEFT JOIN sampling_runs pr ON pr.id = r.run_id
                           WHERE r.decision_record_id = d.id
                             AND coalesce(pr.population_cutoff, r.created_at) < ${cutoffParam})`;
}

/** Whose agency keys a stratum: the deciding agency, or (runs drawn before decisions were credited) the case's. */
export type StrataAgency = 'case' | 'deciding';

export function strataAgencySql(strataAgency: StrataAgency): string {
  return strataAgency === 'deciding' ? 'd.deciding_agency_id' : 'd.agency_id';
}

export const SAMPLED_TYPES: string[] = [...SAMPLED_DECISION_TYPES];

/**
 * SHA-256 of the lower-case id, computed once per row (a LATERAL `h`). A function scan, not `(SELECT … AS h)`:
 * the planner flattens a plain subquery into the outer query and pastes the hash expression into every
 * reference to `idh.h`, hashing each id once per word (eight times for the word sums, 32 for their bytes), and
 * an `OFFSET 0` fence against that also loses the parallel scan. At 4.4 M records: 14.0 s flattened, 6.2 s fenced
 * (serial), 4.1 s as a function scan (parallel).
 */
export function idHashLateral(idExpr: string): string {
  return `CROSS JOIN LATERAL unnest(ARRAY[sha256(convert_to(${idExpr}::text, 'UTF8'))]) AS idh(h)`;
}

/**
 * The eight unsigned 32-bit words of `idh.h` (big-endian), each summed as w0..w7 (see digestFromWordSums).
 * Assembled from `get_byte`: no text on the way (hex through `bit(32)` took 2.6× as long).
 */
export function wordSumsSql(): string {
  const byte = (i: number) => `get_byte(idh.h, ${i})`;
  return [0, 1, 2, 3, 4, 5, 6, 7]
    .map((w) => {
      const b = w * 4;
      return `sum((${byte(b)}::bigint << 24) | (${byte(b + 1)} << 16) | (${byte(b + 2)} << 8) | ${byte(b + 3)}) AS w${w}`;
    })
    .join(', ');
}
