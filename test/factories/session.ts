import type { Role } from '../../src/authz/domain/roles.js';
import type { TestApp } from '../support/test-app.js';
import { ADMIN } from '../support/test-app.js';

export interface Session {
  id: string;
  email: string;
  role: Role;
  agencyId: string | null;
  token: string;
  /** `Authorization` header value. */
  auth: string;
  /** The password it signed in with (an API key has none). */
  password?: string;
}

export async function login(t: TestApp, email: string, password: string): Promise<string> {
  const res = await t.http().post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export async function adminSession(t: TestApp): Promise<Session> {
  const token = await login(t, ADMIN.email, ADMIN.password);
  const me = await t.http().get('/api/v1/me').set('authorization', `Bearer ${token}`);
  return {
    id: me.body.id,
    email: ADMIN.email,
    role: 'admin',
    agencyId: null,
    token,
    auth: `Bearer ${token}`,
    password: ADMIN.password,
  };
}
