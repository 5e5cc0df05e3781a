import { SamplingRunner } from '../../src/reviews/sampling-runner.js';
import type { TestApp } from '../support/test-app.js';
import { decided, openCase, type OpenedCase } from './cases.js';
import type { Session } from './session.js';

/** The fields of a review these helpers read (GET /api/v1/reviews items). */
export interface ReviewSummary {
  id: string;
  runId: string;
  caseId: string;
  agencyId: string;
  status: string;
  version: number;
}

/** A finding that needs the agency's answer: the review goes to `awaiting_response`. */
export const CONCERN = {
  finding: 'concern',
  rationale: 'The screening interview does not weigh the debt bondage indicator.',
} as const;

/** A case of the officer's agency that frontline declined to refer: one negative `decline_referral` record. */
export async function declinedCase(t: TestApp, officer: Session): Promise<OpenedCase> {
  const opened = await openCase(t, officer);
  const version = await decided(t, officer, opened.id, {
    type: 'decline_referral',
    expectedVersion: opened.version,
    reason: 'No indicators of exploitation found after interview',
    indicatorsConsidered: ['deception', 'debt_bondage'],
  });
  return { ...opened, version, state: 'not_referred' };
}

/**
 * A sampling run over a period, drawn at once in this process (no worker
 * needed): every decision of the period is sampled unless rates say
 * otherwise. Returns the run and its reviews as the commissioner sees them.
 */
export async function drawSample(
  t: TestApp,
  commissioner: Session,
  period: { from: Date; to: Date },
  rates: { rate: number; negativeRate: number; minPerStratum: number } = { rate: 1, negativeRate: 1, minPerStratum: 1 },
): Promise<{ runId: string; reviews: ReviewSummary[] }> {
  const res = await t
    .http()
    .post('/api/v1/sampling-runs')
    .set('authorization', commissioner.auth)
    .send({ from: period.from.toISOString(), to: period.to.toISOString(), ...rates });
  if (res.status !== 201) throw new Error(`sampling run create failed: ${res.status} ${JSON.stringify(res.body)}`);
  const runId = res.body.id as string;
  const outcome = await t.app.get(SamplingRunner).execute(runId);
  if (outcome !== 'completed') throw new Error(`sampling run ${runId} ended ${outcome}`);
  const reviews: ReviewSummary[] = [];
  let cursor: string | null = null;
  do {
    const page = await t
      .http()
      .get('/api/v1/reviews')
      .query({ runId, limit: 200, ...(cursor ? { cursor } : {}) })
      .set('authorization', commissioner.auth);
    if (page.status !== 200) throw new Error(`review list failed: ${page.status} ${JSON.stringify(page.body)}`);
    reviews.push(...(page.body.items as ReviewSummary[]));
    cursor = page.body.nextCursor as string | null;
  } while (cursor);
  return { runId, reviews };
}

/** A review command that must succeed (assign, conclude, respond, withdraw, close); returns the review. */
export async function reviewCommand(
  t: TestApp,
  by: Session,
  reviewId: string,
  command: 'assign' | 'conclude' | 'respond' | 'withdraw' | 'close',
  body: Record<string, unknown>,
): Promise<ReviewSummary> {
  const res = await t.http().post(`/api/v1/reviews/${reviewId}/${command}`).set('authorization', by.auth).send(body);
  if (res.status !== 200) throw new Error(`review ${command} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ReviewSummary;
}
