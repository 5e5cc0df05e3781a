import type { TestApp } from '../support/test-app.js';
import type { Session } from './session.js';

export type AgencyKind = 'frontline' | 'competent_authority' | 'commissioner_office';

export interface Agency {
  id: string;
  code: string;
  kind: AgencyKind;
  name: string;
  alertEmail: string | null;
}

let counter = 0;

export async function createAgency(
  t: TestApp,
  admin: Session,
  kind: AgencyKind,
  overrides: Partial<{ name: string; code: string; alertEmail: string }> = {},
): Promise<Agency> {
  counter += 1;
  const code = overrides.code ?? `${kind.slice(0, 2).toUpperCase()}-${process.pid}-${counter}`;
  const res = await t
    .http()
    .post('/api/v1/agencies')
    .set('authorization', admin.auth)
    .send({
      name: overrides.name ?? `${kind} agency ${counter}`,
      code,
      kind,
      alertEmail: overrides.alertEmail ?? `alerts-${code.toLowerCase()}@agency.test`,
    });
  if (res.status !== 201) throw new Error(`agency create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Agency;
}
