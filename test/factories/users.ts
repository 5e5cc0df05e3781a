import { PasswordLinks } from '../../src/auth/password-links.js';
import { canReadPii } from '../../src/authz/domain/pii-roles.js';
import type { TestApp } from '../support/test-app.js';
import { login, type Session } from './session.js';

export type Role =
  'admin' | 'commissioner' | 'reviewer' | 'analyst' | 'agency_officer' | 'agency_supervisor' | 'decision_maker';

let counter = 0;

/**
 * A user created by the admin through the API, signed in. Roles that can read
 * personal data get no password from the admin (SPEC §8): the factory takes a
 * set-password token from the app in-process (as if it had followed the
 * e-mailed link) and sets the password through `POST /auth/set-password`.
 */
export async function createUser(
  t: TestApp,
  admin: Session,
  role: Role,
  agencyId: string | null,
  options: { conflictAgencyIds?: string[]; email?: string; password?: string } = {},
): Promise<Session & { password: string }> {
  counter += 1;
  const email = options.email ?? `${role}-${process.pid}-${counter}@oversight.test`;
  const password = options.password ?? `password-${role}-${counter}-x`;
  const ownLink = canReadPii(role);
  const res = await t
    .http()
    .post('/api/v1/users')
    .set('authorization', admin.auth)
    .send({
      email,
      ...(ownLink ? {} : { password }),
      role,
      ...(agencyId ? { agencyId } : {}),
      ...(options.conflictAgencyIds ? { conflictAgencyIds: options.conflictAgencyIds } : {}),
    });
  if (res.status !== 201) throw new Error(`user create failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (ownLink) await setPasswordInProcess(t, res.body.id as string, password);
  const token = await login(t, email, password);
  return { id: res.body.id, email, role, agencyId, token, auth: `Bearer ${token}`, password };
}

/** Sets a user's password the way its owner would with the e-mailed link, taking the token in-process. */
export async function setPasswordInProcess(t: TestApp, userId: string, password: string): Promise<void> {
  const link = await t.app.get(PasswordLinks).issueInProcess(userId);
  const res = await t.http().post('/api/v1/auth/set-password').send({ token: link.token, password });
  if (res.status !== 204) throw new Error(`set-password failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** An API key of `agencyId`, issued by `supervisor` (that agency's own supervisor: SPEC §2). */
export async function issueApiKey(
  t: TestApp,
  supervisor: Session,
  agencyId: string,
): Promise<Session & { keyId: string }> {
  const res = await t
    .http()
    .post(`/api/v1/agencies/${agencyId}/api-keys`)
    .set('authorization', supervisor.auth)
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
