import type { TestApp } from '../support/test-app.js';
import { login, type Session } from './session.js';

export type Role =
  'admin' | 'commissioner' | 'reviewer' | 'analyst' | 'agency_officer' | 'agency_supervisor' | 'decision_maker';

let counter = 0;

export async function createUser(
  t: TestApp,
  admin: Session,
  role: Role,
  agencyId: string | null,
  options: { conflictAgencyIds?: string[]; email?: string } = {},
): Promise<Session> {
  counter += 1;
  const email = options.email ?? `${role}-${process.pid}-${counter}@oversight.test`;
  const password = `password-${role}-${counter}-x`;
  const res = await t
    .http()
    .post('/api/v1/users')
    .set('authorization', admin.auth)
    .send({
      email,
      password,
      role,
      ...(agencyId ? { agencyId } : {}),
      ...(options.conflictAgencyIds ? { conflictAgencyIds: options.conflictAgencyIds } : {}),
    });
  if (res.status !== 201) throw new Error(`user create failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = await login(t, email, password);
  return { id: res.body.id, email, role, agencyId, token, auth: `Bearer ${token}` };
}

export async function issueApiKey(t: TestApp, admin: Session, agencyId: string): Promise<Session & { keyId: string }> {
  const res = await t
    .http()
    .post(`/api/v1/agencies/${agencyId}/api-keys`)
    .set('authorization', admin.auth)
    .send({ name: 'agency system' });
  if (res.status !== 201) throw new Error(`api key issue failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.id,
    keyId: res.body.id,
    email: '',
    role: 'agency_officer',
    agencyId,
    token: res.body.key,
    auth: `Bearer ${res.body.key}`,
  };
}
