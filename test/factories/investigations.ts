import type { TestApp } from '../support/test-app.js';
import type { Session } from './session.js';

/** The fields of an investigation these helpers and their callers read (the rest is checked whole where it matters). */
export interface InvestigationBody {
  id: string;
  title: string;
  state: string;
  version: number;
  draft: { text: string; proposedRecommendations: Record<string, unknown>[]; at: string } | null;
  commentsCloseAt: string | null;
  finalText: string | null;
  publishedAt: string | null;
  recommendationIds: string[];
  allowedActions: string[];
  [field: string]: unknown;
}

export const TERMS_OF_REFERENCE = 'Whether people found at the northern crossing are screened before detention.';

/** Opens an own-initiative investigation of `agencyIds` that must succeed. */
export async function openInvestigation(
  t: TestApp,
  commissioner: Session,
  agencyIds: string[],
  body: Record<string, unknown> = {},
): Promise<InvestigationBody> {
  const res = await t
    .http()
    .post('/api/v1/investigations')
    .set('authorization', commissioner.auth)
    .send({
      title: 'Screening at the northern crossing',
      origin: 'own_initiative',
      scope: { agencyIds },
      termsOfReference: TERMS_OF_REFERENCE,
      ...body,
    });
  if (res.status !== 201) throw new Error(`investigation open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as InvestigationBody;
}

/** An action (`investigators`, `evidence`, `draft`, `comment`, `publish`, `close_without_findings`) that must succeed. */
export async function investigationAction(
  t: TestApp,
  by: Session,
  id: string,
  action: string,
  body: Record<string, unknown>,
): Promise<InvestigationBody> {
  const res = await t.http().post(`/api/v1/investigations/${id}/${action}`).set('authorization', by.auth).send(body);
  if (res.status !== 200) throw new Error(`investigation ${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as InvestigationBody;
}

/** Moves an investigation's draft (and so its comment period) `days` into the past, past the frozen-draft guard. */
export async function backdateDraft(t: TestApp, id: string, days: number): Promise<void> {
  const client = await t.sql.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE investigations DISABLE TRIGGER investigations_frozen');
    await client.query(
      `UPDATE investigations SET drafted_at = drafted_at - make_interval(days => $2),
                                 comments_close_at = comments_close_at - make_interval(days => $2)
        WHERE id = $1`,
      [id, days],
    );
    await client.query('ALTER TABLE investigations ENABLE ALWAYS TRIGGER investigations_frozen');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release(true);
  }
}
