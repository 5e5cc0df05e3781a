import type { TestApp } from '../support/test-app.js';
import type { Session } from './session.js';

/** The fields of a recommendation these helpers and their callers read. */
export interface RecommendationBody {
  id: string;
  agencyId: string;
  source: { kind: string; id: string | null };
  theme: string;
  priority: string;
  text: string;
  repeatOf: string | null;
  state: string;
  version: number;
  issuedAt: string;
  responseDueAt: string;
  targetDate: string | null;
  history?: Record<string, unknown>[];
  allowedActions: string[];
}

export const RECOMMENDATION_TEXT = 'Screen every detained foreign national for trafficking indicators before removal.';

/** A UTC calendar date `days` from today. */
export function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Issues an own-initiative recommendation (unless `body` says otherwise) that must succeed. */
export async function issueRecommendation(
  t: TestApp,
  commissioner: Session,
  agencyId: string,
  body: Record<string, unknown> = {},
): Promise<RecommendationBody> {
  const res = await t
    .http()
    .post('/api/v1/recommendations')
    .set('authorization', commissioner.auth)
    .send({
      agencyId,
      source: { kind: 'own_initiative' },
      theme: 'identification',
      priority: 'normal',
      text: RECOMMENDATION_TEXT,
      ...body,
    });
  if (res.status !== 201) throw new Error(`recommendation issue failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as RecommendationBody;
}

/** An action (respond, progress, verify, withdraw) that must succeed; returns the recommendation after it. */
export async function recommendationAction(
  t: TestApp,
  by: Session,
  id: string,
  action: 'respond' | 'progress' | 'verify' | 'withdraw',
  body: Record<string, unknown>,
): Promise<RecommendationBody> {
  const res = await t.http().post(`/api/v1/recommendations/${id}/${action}`).set('authorization', by.auth).send(body);
  if (res.status !== 200) throw new Error(`recommendation ${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as RecommendationBody;
}
