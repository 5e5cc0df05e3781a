import { caseBody, decided, openCase } from '../factories/cases.js';
import { createPlace, placeBody } from '../factories/places.js';
import { createWorld, type World } from '../factories/world.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

describe('places of detention (SPEC §11)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const countPlaces = async () => (await t.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM places')).rows[0].n;

  it('lets the office and the own supervisor add places, and lists each caller only what they may read', async () => {
    const byOffice = await createPlace(t, w.commissioner, w.agencies.other.id, { capacity: 20 });
    const bySupervisor = await createPlace(t, w.supervisor, w.agencies.own.id);
    expect(bySupervisor).toEqual(
      expect.objectContaining({ agencyId: w.agencies.own.id, active: true, capacity: null }),
    );
    expect(byOffice.capacity).toBe(20);

    const seen = async (who: typeof w.officer) =>
      (
        (await t.http().get('/api/v1/places?limit=200').set('authorization', who.auth)).body.items as { id: string }[]
      ).map((p) => p.id);
    expect(await seen(w.officer)).toContain(bySupervisor.id);
    expect(await seen(w.officer)).not.toContain(byOffice.id);
    expect(await seen(w.analyst)).toEqual(expect.arrayContaining([byOffice.id, bySupervisor.id]));
    expect(await seen(w.decisionMaker)).toEqual([]);

    const hidden = await t.http().get(`/api/v1/places/${byOffice.id}`).set('authorization', w.apiKey.auth);
    expectProblem(hidden, 404);
    const own = await t.http().get(`/api/v1/places/${bySupervisor.id}`).set('authorization', w.apiKey.auth);
    expect(own.status).toBe(200);
  });

  it('refuses places for another agency to a supervisor and any place to an officer, writing nothing', async () => {
    const before = await countPlaces();
    const other = await t
      .http()
      .post('/api/v1/places')
      .set('authorization', w.supervisor.auth)
      .send(placeBody(w.agencies.other.id));
    expectProblem(other, 403);
    const officer = await t
      .http()
      .post('/api/v1/places')
      .set('authorization', w.officer.auth)
      .send(placeBody(w.agencies.own.id));
    expectProblem(officer, 403);
    const inactive = await t
      .http()
      .post('/api/v1/places')
      .set('authorization', w.supervisor.auth)
      .send(placeBody(w.agencies.own.id, { active: false }));
    expectProblem(inactive, 403);
    const unknownAgency = await t
      .http()
      .post('/api/v1/places')
      .set('authorization', w.commissioner.auth)
      .send(placeBody('00000000-0000-4000-8000-000000000000'));
    expect(errorFields(expectProblem(unknownAgency, 422))).toEqual(['agencyId']);
    const badKind = await t
      .http()
      .post('/api/v1/places')
      .set('authorization', w.commissioner.auth)
      .send(placeBody(w.agencies.own.id, { kind: 'prison', extra: 1 }));
    expect(errorFields(expectProblem(badKind, 400)).sort()).toEqual(['extra', 'kind']);
    expect(await countPlaces()).toBe(before);
  });

  it('lets a supervisor rename their place but not change active or agencyId; the office may', async () => {
    const place = await createPlace(t, w.supervisor, w.agencies.own.id);
    const renamed = await t
      .http()
      .patch(`/api/v1/places/${place.id}`)
      .set('authorization', w.supervisor.auth)
      .send({ name: 'Renamed room', active: true, agencyId: w.agencies.own.id });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Renamed room');
    for (const change of [{ active: false }, { agencyId: w.agencies.other.id }]) {
      const refused = await t
        .http()
        .patch(`/api/v1/places/${place.id}`)
        .set('authorization', w.supervisor.auth)
        .send(change);
      expectProblem(refused, 403);
    }
    const otherSupervisor = await t
      .http()
      .patch(`/api/v1/places/${place.id}`)
      .set('authorization', w.otherSupervisor.auth)
      .send({ name: 'Taken over' });
    expectProblem(otherSupervisor, 404);
    const moved = await t
      .http()
      .patch(`/api/v1/places/${place.id}`)
      .set('authorization', w.admin.auth)
      .send({ agencyId: w.agencies.other.id, capacity: 8 });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual(
      expect.objectContaining({ agencyId: w.agencies.other.id, capacity: 8, name: 'Renamed room' }),
    );
    const events = await t.sql.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE chain_id = $1 ORDER BY seq`,
      [`place:${place.id}`],
    );
    expect(events.rows.map((e) => e.action)).toEqual(['place.created', 'place.updated', 'place.updated']);
  });

  it('refuses null for a field a place cannot be without (400 naming it), while capacity may be cleared', async () => {
    const place = await createPlace(t, w.commissioner, w.agencies.own.id, { capacity: 4 });
    for (const field of ['name', 'kind', 'region', 'active', 'agencyId']) {
      const refused = await t
        .http()
        .patch(`/api/v1/places/${place.id}`)
        .set('authorization', w.commissioner.auth)
        .send({ [field]: null });
      expect(errorFields(expectProblem(refused, 400))).toContain(field);
    }
    const cleared = await t
      .http()
      .patch(`/api/v1/places/${place.id}`)
      .set('authorization', w.commissioner.auth)
      .send({ capacity: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual(expect.objectContaining({ name: place.name, capacity: null, active: true }));
  });

  it('keeps the place on detention episodes, takes its name as facility, and refuses to deactivate it while in use', async () => {
    const place = await createPlace(t, w.commissioner, w.agencies.own.id, { name: 'Harbour holding room' });
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set('authorization', w.officer.auth)
      .send(caseBody({ detention: { at: hoursAgo(2), placeId: place.id, legalBasis: 'Aliens Act s. 62' } }));
    expect(opened.status).toBe(201);
    expect(opened.body.detentionEpisodes).toEqual([
      expect.objectContaining({ placeId: place.id, facility: 'Harbour holding room', releasedAt: null }),
    ]);

    const busy = await t
      .http()
      .patch(`/api/v1/places/${place.id}`)
      .set('authorization', w.commissioner.auth)
      .send({ active: false });
    expect(expectProblem(busy, 409).detained).toBe(1);

    await decided(t, w.officer, opened.body.id as string, {
      type: 'release',
      expectedVersion: opened.body.version,
      at: hoursAgo(1),
      reason: 'Identity confirmed',
    });
    const off = await t
      .http()
      .patch(`/api/v1/places/${place.id}`)
      .set('authorization', w.commissioner.auth)
      .send({ active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);

    const kase = await openCase(t, w.officer);
    const inactive = await t
      .http()
      .post(`/api/v1/cases/${kase.id}/decisions`)
      .set('authorization', w.officer.auth)
      .send({ type: 'detain', expectedVersion: kase.version, at: hoursAgo(1), placeId: place.id, legalBasis: 'x' });
    expect(errorFields(expectProblem(inactive, 422))).toEqual(['placeId']);
  });

  it('refuses a place of another agency or an unknown one with 422 naming placeId, and keeps free-text detentions', async () => {
    const elsewhere = await createPlace(t, w.commissioner, w.agencies.other.id);
    for (const placeId of [elsewhere.id, '00000000-0000-4000-8000-000000000000']) {
      const kase = await openCase(t, w.officer);
      const res = await t
        .http()
        .post(`/api/v1/cases/${kase.id}/decisions`)
        .set('authorization', w.officer.auth)
        .send({ type: 'detain', expectedVersion: kase.version, at: hoursAgo(1), placeId, legalBasis: 'Aliens Act' });
      expect(errorFields(expectProblem(res, 422))).toEqual(['placeId']);
      const episodes = await t.sql.query('SELECT 1 FROM detention_episodes WHERE case_id = $1', [kase.id]);
      expect(episodes.rowCount).toBe(0);
    }
    const kase = await openCase(t, w.officer);
    await decided(t, w.officer, kase.id, {
      type: 'detain',
      expectedVersion: kase.version,
      at: hoursAgo(1),
      facility: 'Old-style facility',
      legalBasis: 'Aliens Act',
    });
    const read = await t.http().get(`/api/v1/cases/${kase.id}`).set('authorization', w.officer.auth);
    expect(read.body.detentionEpisodes).toEqual([
      expect.objectContaining({ facility: 'Old-style facility', placeId: null }),
    ]);
    const neither = await openCase(t, w.officer);
    const missing = await t
      .http()
      .post(`/api/v1/cases/${neither.id}/decisions`)
      .set('authorization', w.officer.auth)
      .send({ type: 'detain', expectedVersion: neither.version, at: hoursAgo(1), legalBasis: 'Aliens Act' });
    expect(errorFields(expectProblem(missing, 422))).toEqual(['facility']);
  });
});
