import { readFileSync } from 'node:fs';
import type { TestApp } from '../support/test-app.js';
import type { Session } from './session.js';

/** A complainant's personal data; the global teardown checks no log line of the run contains any of it. */
export const COMPLAINANT_PII = (
  JSON.parse(readFileSync(new URL('../support/sensitive-values.json', import.meta.url), 'utf8')) as {
    complainantPii: { name: string; contact: string };
  }
).complainantPii;

export const COMPLAINT_SUMMARY = 'Held four days at the northern crossing without an interpreter or screening.';

/** The fields of a complaint these helpers and their callers read. */
export interface ComplaintBody {
  id: string;
  state: string;
  version: number;
  investigationId: string | null;
  reviewIds: string[];
  [field: string]: unknown;
}

export function complaintBody(agencyIds: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    channel: 'phone',
    anonymous: false,
    complainant: { ...COMPLAINANT_PII, relationship: 'representative' },
    summary: COMPLAINT_SUMMARY,
    agencyIds,
    ...overrides,
  };
}

/** Records a complaint (named, unless `overrides` say otherwise) that must succeed. */
export async function recordComplaint(
  t: TestApp,
  by: Session,
  agencyIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<ComplaintBody> {
  const res = await t
    .http()
    .post('/api/v1/complaints')
    .set('authorization', by.auth)
    .send(complaintBody(agencyIds, overrides));
  if (res.status !== 201) throw new Error(`complaint record failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ComplaintBody;
}

/** A triage that must succeed. */
export async function triageComplaint(
  t: TestApp,
  by: Session,
  id: string,
  body: Record<string, unknown>,
): Promise<ComplaintBody> {
  const res = await t.http().post(`/api/v1/complaints/${id}/triage`).set('authorization', by.auth).send(body);
  if (res.status !== 200) throw new Error(`complaint triage failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ComplaintBody;
}
