import { readFileSync } from 'node:fs';
import type { TestApp } from '../support/test-app.js';
import type { Session } from './session.js';

let counter = 0;

/** Personal data every test case carries; the global teardown checks no log line of the run contains any of it. */
export const SEEDED_PII = (
  JSON.parse(readFileSync(new URL('../support/sensitive-values.json', import.meta.url), 'utf8')) as {
    pii: { name: string; dateOfBirth: string; documentNumber: string; contact: string };
  }
).pii;

export function caseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  return {
    externalRef: `BP-${process.pid}-${counter}`,
    subject: {
      pseudonym: `KH-F-1998-${counter}`,
      sex: 'female',
      birthYear: 1998,
      nationality: 'KHM',
      languages: ['km'],
      isChild: false,
      ...SEEDED_PII,
    },
    encounter: { at: hoursAgo(72), location: 'Northern crossing, lane 3', kind: 'border_entry' },
    indicators: ['deception', 'debt_bondage'],
    ...overrides,
  };
}

export interface OpenedCase {
  id: string;
  version: number;
  state: string;
  agencyId: string;
}

export async function openCase(t: TestApp, by: Session, overrides: Record<string, unknown> = {}): Promise<OpenedCase> {
  const res = await t.http().post('/api/v1/cases').set('authorization', by.auth).send(caseBody(overrides));
  if (res.status !== 201) throw new Error(`open case failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as OpenedCase;
}

/** A decision response: the record and the case on success, a problem otherwise (tests read either). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DecisionAnswer = Record<string, any>;

export async function decide(
  t: TestApp,
  by: Session,
  caseId: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: DecisionAnswer }> {
  const res = await t.http().post(`/api/v1/cases/${caseId}/decisions`).set('authorization', by.auth).send(body);
  return { status: res.status, body: res.body };
}

/** Records a decision that must succeed; returns the new version. */
export async function decided(t: TestApp, by: Session, caseId: string, body: Record<string, unknown>): Promise<number> {
  const res = await decide(t, by, caseId, body);
  if (res.status !== 201)
    throw new Error(`decision ${String(body.type)} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.case.version as number;
}
