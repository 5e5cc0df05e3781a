import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld, type World } from '../factories/world.js';

describe('platform', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('tells a signed-in officer who they are', async () => {
    const res = await t.http().get('/api/v1/me').set('authorization', w.officer.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: w.officer.id, role: 'agency_officer', agency: { id: w.agencies.own.id } });
  });
});
