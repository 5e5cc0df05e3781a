import type { TestApp } from '../support/test-app.js';
import { openCase, type OpenedCase } from './cases.js';
import type { Session } from './session.js';

const HOUR = 3_600_000;

/** A case opened with its subject detained `hours` ago and still unscreened (49 h: past SCREENING_MAX_HOURS). */
export function openOverdueDetention(t: TestApp, officer: Session, hours = 49): Promise<OpenedCase> {
  const at = new Date(Date.now() - hours * HOUR).toISOString();
  return openCase(t, officer, { detention: { at, facility: 'Holding centre N', legalBasis: 'Aliens Act s. 62' } });
}

export interface ScanAnswer {
  scannedDetentions: number;
  raised: { id: string; rule: string; caseId: string | null; agencyId: string }[];
  resolved: { id: string; rule: string; reason: string }[];
  escalated: number;
}

/** POST /api/v1/jobs/overdue-scan, which must succeed. */
export async function scanNow(t: TestApp, by: Session): Promise<ScanAnswer> {
  const res = await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', by.auth);
  if (res.status !== 200) throw new Error(`overdue scan failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ScanAnswer;
}
