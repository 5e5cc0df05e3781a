import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { triageDueAt } from '../../src/alerts/domain/complaint-clocks.js';
import { openCase, type OpenedCase } from '../factories/cases.js';
import {
  COMPLAINANT_PII,
  COMPLAINT_SUMMARY,
  complaintBody,
  recordComplaint,
  triageComplaint,
  type ComplaintBody,
} from '../factories/complaints.js';
import { createPlace } from '../factories/places.js';
import { CONCERN, declinedCase, drawSample, reviewCommand } from '../factories/reviews.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { withSuperuser } from '../support/audit-tamper.js';
import { errorFields, expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { everythingVisibleTo } from '../support/visible-routes.js';

const SLOW = 60_000;

describe('complaints (SPEC §13)', () => {
  let t: TestApp;
  let w: World;
  /** Every caller acting for an agency, and the admin: none may learn that a complaint exists. */
  let outsiders: [string, Session][];

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    outsiders = Object.entries({
      admin: w.admin,
      officer: w.officer,
      supervisor: w.supervisor,
      apiKey: w.apiKey,
      decisionMaker: w.decisionMaker,
      otherOfficer: w.otherOfficer,
      otherSupervisor: w.otherSupervisor,
    });
  }, SLOW);
  afterAll(async () => t.close(), SLOW);

  const post = (by: Session, path: string, body: object): Promise<Response> =>
    t.http().post(`/api/v1/complaints${path}`).set('authorization', by.auth).send(body);
  const get = (by: Session, path = '', query: Record<string, string | number> = {}): Promise<Response> =>
    t.http().get(`/api/v1/complaints${path}`).query(query).set('authorization', by.auth);
  const counts = async () => {
    const { rows } = await t.sql.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM complaints) AS complaints,
              (SELECT count(*)::int FROM complaints WHERE state = 'triaged') AS triaged,
              (SELECT count(*)::int FROM complaint_reviews) AS links,
              (SELECT count(*)::int FROM reviews) AS reviews,
              (SELECT count(*)::int FROM investigations) AS investigations,
              (SELECT count(*)::int FROM audit_events) AS events`,
    );
    return rows[0];
  };
  const triageBody = (version: number, outcome: string, extra: Record<string, unknown> = {}) => ({
    expectedVersion: version,
    outcome,
    reason: 'Several accounts of the same night shift.',
    ...extra,
  });

  describe('recording', () => {
    it('records a named complaint without showing its complainant, the personal data sealed', async () => {
      const before = Date.now();
      const res = await post(w.reviewer, '', complaintBody([w.agencies.own.id]));
      expect(res.status).toBe(201);
      const c = res.body as ComplaintBody;
      expect(c).toEqual({
        id: c.id,
        state: 'received',
        version: 1,
        receivedAt: expect.any(String),
        triageDueAt: triageDueAt(new Date(c.receivedAt as string), 10).toISOString(),
        channel: 'phone',
        anonymous: false,
        summary: COMPLAINT_SUMMARY,
        agencyIds: [w.agencies.own.id],
        caseIds: [],
        triage: null,
        investigationId: null,
        reviewIds: [],
        allowedActions: [],
      });
      const { rows } = await t.sql.query(
        `SELECT complainant_relationship, complainant_key_id, length(complainant_ciphertext) > 28 AS sealed,
                recorded_by, recorded_at >= $2 AS now FROM complaints WHERE id = $1`,
        [c.id, new Date(before - 1000)],
      );
      expect(rows).toEqual([
        {
          complainant_relationship: 'representative',
          complainant_key_id: 'test1',
          sealed: true,
          recorded_by: w.reviewer.id,
          now: true,
        },
      ]);
      // The commissioner may triage it; the reviewer who recorded it may not.
      expect((await get(w.commissioner, `/${c.id}`)).body.allowedActions).toEqual(['triage']);
    });

    it('returns the complainant only with include=pii, to the commissioner and reviewers, each read audited', async () => {
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id]);
      const reads = async (who: Session) => {
        const { rows } = await t.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_events
            WHERE chain_id = $1 AND action = 'complaint.pii_read' AND subject_id = $2`,
          [`pii-reads:${who.id}`, c.id],
        );
        return rows[0].n;
      };
      expect((await get(w.commissioner, `/${c.id}`)).body).not.toHaveProperty('complainant');
      expect(await reads(w.commissioner)).toBe(0);
      for (const who of [w.commissioner, w.reviewer]) {
        const res = await get(who, `/${c.id}`, { include: 'pii' });
        expect(res.body.complainant).toEqual({ ...COMPLAINANT_PII, relationship: 'representative' });
        expect(await reads(who)).toBe(1);
      }
      const { rows } = await t.sql.query<{ payload: unknown }>(
        `SELECT payload FROM audit_events WHERE chain_id = $1 AND action = 'complaint.pii_read'`,
        [`pii-reads:${w.reviewer.id}`],
      );
      expect(rows).toEqual([{ payload: { fields: ['name', 'contact'] } }]);
      // The analyst reads the complaint, never its complainant, and no read of personal data is recorded.
      const analyst = await get(w.analyst, `/${c.id}`, { include: 'pii' });
      expect(analyst.status).toBe(200);
      expect(analyst.body).not.toHaveProperty('complainant');
      expect(await reads(w.analyst)).toBe(0);
    });

    it('records an anonymous complaint with no complainant at all', async () => {
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id], {
        anonymous: true,
        complainant: undefined,
        channel: 'web',
      });
      const res = await get(w.commissioner, `/${c.id}`, { include: 'pii' });
      expect(res.body).toMatchObject({ anonymous: true, channel: 'web' });
      expect(res.body).not.toHaveProperty('complainant');
      const { rows } = await t.sql.query(
        `SELECT complainant_relationship, complainant_ciphertext, complainant_key_id FROM complaints WHERE id = $1`,
        [c.id],
      );
      expect(rows).toEqual([
        { complainant_relationship: null, complainant_ciphertext: null, complainant_key_id: null },
      ]);
      const { rows: events } = await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'complaint.pii_read' AND subject_id = $1`,
        [c.id],
      );
      expect(events).toEqual([{ n: 0 }]);
    });

    it.each<[string, () => Record<string, unknown>, number, string]>([
      ['an anonymous complaint with a complainant', () => ({ anonymous: true }), 422, 'complainant'],
      ['a named complaint without a complainant', () => ({ complainant: undefined }), 422, 'complainant'],
      ['a complaint received in the future', () => ({ receivedAt: '2999-01-01T00:00:00Z' }), 422, 'receivedAt'],
      ['the office as the agency complained about', () => ({ agencyIds: [w.agencies.office.id] }), 422, 'agencyIds'],
      ['an unknown agency', () => ({ agencyIds: [randomUUID()] }), 422, 'agencyIds'],
      ['a case that does not exist', () => ({ caseIds: [randomUUID()] }), 422, 'caseIds'],
      ['no agency', () => ({ agencyIds: [] }), 400, 'agencyIds'],
      ['an unknown channel', () => ({ channel: 'pigeon' }), 400, 'channel'],
      [
        'an unknown relationship',
        () => ({ complainant: { ...COMPLAINANT_PII, relationship: 'cousin' } }),
        400,
        'complainant.relationship',
      ],
      ['a complainant that is no object', () => ({ complainant: 'Dara' }), 400, 'complainant'],
      ['a receivedAt without offset', () => ({ receivedAt: '2026-01-01T10:00:00' }), 400, 'receivedAt'],
      ['a blank summary', () => ({ summary: '  ' }), 400, 'summary'],
      ['an unknown field', () => ({ phone: '123' }), 400, 'phone'],
    ])('refuses %s, naming the field, writing nothing', async (_name, overrides, status, field) => {
      const before = await counts();
      const res = await post(w.commissioner, '', complaintBody([w.agencies.own.id], overrides()));
      expect(errorFields(expectProblem(res, status))).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('lets only the office record complaints', async () => {
      for (const who of [w.analyst, ...outsiders.map(([, s]) => s)]) {
        expectProblem(await post(who, '', complaintBody([w.agencies.own.id])), 403);
      }
    });

    it('keeps the complainant’s name and contact out of every table in clear', async () => {
      await recordComplaint(t, w.commissioner, [w.agencies.own.id], {
        complainant: { name: COMPLAINANT_PII.name, contact: COMPLAINANT_PII.contact, relationship: 'victim' },
      });
      const { rows: tables } = await t.sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(['complaints', 'audit_events']));
      for (const { table_name: table } of tables) {
        const { rows } = await t.sql.query<{ dump: string | null }>(
          `SELECT string_agg(x::text, ' ') AS dump FROM ${table} x`,
        );
        for (const value of Object.values(COMPLAINANT_PII)) {
          expect([table, rows[0].dump?.includes(value) ?? false]).toEqual([table, false]);
        }
      }
    });
  });

  describe('agencies never learn a complaint exists', () => {
    it(
      'leaves every list, count and report an agency can read exactly as it was, through recording and every triage',
      async () => {
        const officerCase = await declinedCase(t, w.officer);
        // The admin is no agency: it may count audit events (verification), which anything the office does adds to.
        const agencies = outsiders.filter(([name]) => name !== 'admin');
        const before = new Map<string, unknown>();
        for (const [name, who] of agencies) before.set(name, await everythingVisibleTo(t, who));
        expect(Object.keys(before.get('supervisor') as object)).toEqual(
          expect.arrayContaining([
            '/api/v1/complaints',
            '/api/v1/reports/agencies',
            '/api/v1/reviews',
            '/api/v1/alerts',
          ]),
        );

        const named = await recordComplaint(t, w.commissioner, [w.agencies.own.id], { caseIds: [officerCase.id] });
        const anonymous = await recordComplaint(t, w.reviewer, [w.agencies.own.id, w.agencies.authority.id], {
          anonymous: true,
          complainant: undefined,
        });
        const third = await recordComplaint(t, w.commissioner, [w.agencies.other.id]);
        await triageComplaint(t, w.commissioner, named.id, triageBody(1, 'refer_to_review'));
        await triageComplaint(
          t,
          w.commissioner,
          anonymous.id,
          triageBody(1, 'investigate', {
            title: 'Night shifts',
            termsOfReference: 'Whether anyone is screened at night.',
          }),
        );
        await triageComplaint(t, w.commissioner, third.id, triageBody(1, 'no_action'));

        for (const [name, who] of agencies) {
          expect([name, await everythingVisibleTo(t, who)]).toEqual([name, before.get(name)]);
        }
        for (const [name, who] of outsiders) {
          for (const c of [named, anonymous, third]) {
            for (const res of [await get(who, `/${c.id}`), await get(who, `/${c.id}`, { include: 'pii' })]) {
              expect([name, res.status]).toEqual([name, 404]);
            }
            const triage = await post(who, `/${c.id}/triage`, triageBody(2, 'no_action'));
            expect([name, triage.status]).toEqual([name, 404]);
          }
          expect((await get(who, '', { limit: 200, state: 'triaged' })).body).toEqual({ items: [], nextCursor: null });
        }
      },
      SLOW,
    );
  });

  describe('triage', () => {
    it('investigate opens an investigation of the complaint’s agencies in the same transaction', async () => {
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id, w.agencies.authority.id]);
      for (const [missing, body] of [
        ['title', triageBody(1, 'investigate', { termsOfReference: 'ToR' })],
        ['termsOfReference', triageBody(1, 'investigate', { title: 'T' })],
      ] as const) {
        const before = await counts();
        expect(errorFields(expectProblem(await post(w.commissioner, `/${c.id}/triage`, body), 422))).toEqual([missing]);
        expect(await counts()).toEqual(before);
      }
      const triaged = await triageComplaint(
        t,
        w.commissioner,
        c.id,
        triageBody(1, 'investigate', {
          title: 'Night shifts',
          termsOfReference: 'Whether anyone is screened at night.',
        }),
      );
      expect(triaged).toMatchObject({
        state: 'triaged',
        version: 2,
        triage: { outcome: 'investigate', reason: 'Several accounts of the same night shift.', at: expect.any(String) },
        investigationId: expect.any(String),
        reviewIds: [],
        allowedActions: [],
      });
      const inv = await t
        .http()
        .get(`/api/v1/investigations/${triaged.investigationId}`)
        .set('authorization', w.commissioner.auth);
      expect(inv.body).toMatchObject({
        title: 'Night shifts',
        origin: 'complaint',
        complaintId: c.id,
        scope: { agencyIds: [w.agencies.own.id, w.agencies.authority.id], placeIds: [] },
        termsOfReference: 'Whether anyone is screened at night.',
        state: 'open',
      });
      const events = await t
        .http()
        .get('/api/v1/audit/events')
        .query({ chainId: `complaint:${c.id}` })
        .set('authorization', w.commissioner.auth);
      expect((events.body.items as { action: string; payload: object }[]).map((e) => [e.action, e.payload])).toEqual(
        expect.arrayContaining([
          ['complaint.recorded', expect.objectContaining({ complainantFields: ['name', 'contact'] })],
          [
            'complaint.triaged',
            expect.objectContaining({ outcome: 'investigate', investigationId: triaged.investigationId }),
          ],
        ]),
      );
    });

    describe('refer_to_review', () => {
      let sampled: OpenedCase;
      let fresh: OpenedCase;
      let undecided: OpenedCase;
      let sampledReviewId: string;

      beforeAll(async () => {
        const from = new Date(Date.now() - 1_000);
        sampled = await declinedCase(t, w.officer);
        const run = await drawSample(t, w.commissioner, { from, to: new Date(Date.now() + 1) });
        sampledReviewId = run.reviews.find((r) => r.caseId === sampled.id)!.id;
        await new Promise((resolve) => setTimeout(resolve, 5));
        fresh = await declinedCase(t, w.officer);
        undecided = await openCase(t, w.officer);
      }, SLOW);

      it('refuses a case without a decision reviews cover, naming it, writing nothing', async () => {
        const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id], {
          caseIds: [fresh.id, undecided.id],
        });
        const before = await counts();
        const problem = expectProblem(
          await post(w.commissioner, `/${c.id}/triage`, triageBody(1, 'refer_to_review')),
          422,
        );
        expect(problem.errors).toEqual([{ field: 'caseIds', message: expect.stringContaining(undecided.id) }]);
        expect(problem.detail).toContain(undecided.id);
        expect(await counts()).toEqual(before);
      });

      it('refuses a complaint that names no case', async () => {
        const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id]);
        expect(
          errorFields(
            expectProblem(await post(w.commissioner, `/${c.id}/triage`, triageBody(1, 'refer_to_review')), 422),
          ),
        ).toEqual(['outcome']);
      });

      it('reviews each named case’s latest decision outside any run, linking a record already under review', async () => {
        const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id], { caseIds: [fresh.id, sampled.id] });
        const triaged = await triageComplaint(t, w.commissioner, c.id, triageBody(1, 'refer_to_review'));
        expect(triaged.reviewIds).toHaveLength(2);
        expect(triaged.reviewIds).toContain(sampledReviewId);
        const made = triaged.reviewIds.find((id) => id !== sampledReviewId)!;
        const review = await t.http().get(`/api/v1/reviews/${made}`).set('authorization', w.commissioner.auth);
        expect(review.body).toMatchObject({
          runId: null,
          caseId: fresh.id,
          decisionType: 'decline_referral',
          status: 'pending',
        });
        const { rows } = await t.sql.query(`SELECT run_id, complaint_id, selection_score FROM reviews WHERE id = $1`, [
          made,
        ]);
        expect(rows).toEqual([{ run_id: null, complaint_id: c.id, selection_score: null }]);
        const again = await recordComplaint(t, w.commissioner, [w.agencies.own.id], { caseIds: [fresh.id] });
        // A second complaint about the same case links the same review: a record is never reviewed twice.
        expect(
          (await triageComplaint(t, w.commissioner, again.id, triageBody(1, 'refer_to_review'))).reviewIds,
        ).toEqual([made]);

        // A later sampling run does not draw the record a complaint put under review, and still verifies.
        const run = await drawSample(t, w.commissioner, {
          from: new Date(Date.now() - 600_000),
          to: new Date(Date.now() + 1_000),
        });
        expect(run.reviews.map((r) => r.caseId)).not.toContain(fresh.id);
        const verification = await t
          .http()
          .get(`/api/v1/sampling-runs/${run.runId}/verification`)
          .set('authorization', w.commissioner.auth);
        expect(verification.body).toMatchObject({ verified: true });

        // The review follows the usual workflow; the agency sees it once concluded, never how it came about.
        await reviewCommand(t, w.commissioner, made, 'assign', { reviewerId: w.reviewer.id });
        await reviewCommand(t, w.reviewer, made, 'conclude', CONCERN);
        const seen = await t.http().get(`/api/v1/reviews/${made}`).set('authorization', w.supervisor.auth);
        expect(seen.status).toBe(200);
        expect(seen.body).not.toHaveProperty('runId');
        expect(seen.body).toMatchObject({ status: 'awaiting_response', finding: 'concern' });

        // Only sampled reviews count in rates (§5): a visit plan's risk ignores this concern.
        const place = await createPlace(t, w.commissioner, w.agencies.own.id);
        const plan = await t
          .http()
          .post('/api/v1/visit-plans')
          .set('authorization', w.commissioner.auth)
          .send({ from: '2030-01-07', to: '2030-01-11', count: 1 });
        const considered = (plan.body.places as { placeId: string; inputs: { agencyConcernShare: number } }[]).find(
          (p) => p.placeId === place.id,
        );
        expect(considered?.inputs.agencyConcernShare).toBe(0);
        // … and neither do the agency report's review figures nor the consistency report's disagreement rate.
        const report = await t
          .http()
          .get('/api/v1/reports/agencies')
          .set('authorization', w.commissioner.auth)
          .expect(200);
        const own = (report.body.agencies as { agency: { id: string }; reviews: { concluded: number } }[]).find(
          (a) => a.agency.id === w.agencies.own.id,
        );
        expect(own?.reviews.concluded).toBe(0);
        const rate = await t
          .http()
          .get('/api/v1/reports/consistency?metric=review_disagreement_rate')
          .set('authorization', w.commissioner.auth)
          .expect(200);
        expect(rate.body.agencies).toContainEqual(
          expect.objectContaining({ agencyId: w.agencies.own.id, numerator: 0, denominator: 0 }),
        );
      });
    });

    it('triages once: a second triage is 409, and a stale version too, writing nothing', async () => {
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id]);
      const before = await counts();
      expect(
        expectProblem(await post(w.commissioner, `/${c.id}/triage`, triageBody(0 + 2, 'no_action')), 409),
      ).toMatchObject({ currentVersion: 1, state: 'received' });
      expect(await counts()).toEqual(before);
      const triaged = await triageComplaint(t, w.commissioner, c.id, triageBody(1, 'no_action'));
      expect(triaged).toMatchObject({ state: 'triaged', triage: { outcome: 'no_action' }, investigationId: null });
      const after = await counts();
      expect(
        expectProblem(await post(w.commissioner, `/${c.id}/triage`, triageBody(2, 'no_action')), 409),
      ).toMatchObject({
        type: '/problems/complaint-already-triaged',
      });
      expect(await counts()).toEqual(after);
    });

    it.each<[string, object, number, string]>([
      ['no_action with a title', { title: 'T' }, 422, 'title'],
      ['an unknown outcome', { outcome: 'ignore' }, 400, 'outcome'],
      ['no reason', { reason: undefined }, 400, 'reason'],
      ['no expectedVersion', { expectedVersion: undefined }, 400, 'expectedVersion'],
    ])('refuses a triage with %s, naming the field, writing nothing', async (_name, overrides, status, field) => {
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id]);
      const before = await counts();
      const res = await post(w.commissioner, `/${c.id}/triage`, { ...triageBody(1, 'no_action'), ...overrides });
      expect(errorFields(expectProblem(res, status))).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('lets only the commissioner triage: reviewers and analysts read but may not (403)', async () => {
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id]);
      for (const who of [w.reviewer, w.conflictedReviewer, w.analyst]) {
        expectProblem(await post(who, `/${c.id}/triage`, triageBody(1, 'no_action')), 403);
      }
      expectProblem(await post(w.commissioner, `/${randomUUID()}/triage`, triageBody(1, 'no_action')), 404);
    });
  });

  describe('lists', () => {
    it('pages the office’s complaints by id, filtered by state and agency', async () => {
      const other = await recordComplaint(t, w.commissioner, [w.agencies.other.id]);
      const page = await get(w.analyst, '', { agencyId: w.agencies.other.id, state: 'received', limit: 200 });
      expect(page.status).toBe(200);
      const items = page.body.items as ComplaintBody[];
      expect(items.map((i) => i.id)).toContain(other.id);
      expect(
        items.every((i) => (i.agencyIds as string[]).includes(w.agencies.other.id) && i.state === 'received'),
      ).toBe(true);
      expect(items.some((i) => 'complainant' in i)).toBe(false);
      const first = await get(w.commissioner, '', { limit: 1 });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await get(w.commissioner, '', { limit: 1, cursor: first.body.nextCursor as string });
      expect(second.body.items[0].id > first.body.items[0].id).toBe(true);
      expectProblem(await get(w.commissioner, '', { state: 'open' }), 400);
    });
  });

  describe('in the database', () => {
    it('fixes what a complaint says when recorded, and its triage once made, even to a superuser', async () => {
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id]);
      await expect(t.sql.query(`UPDATE complaints SET summary = 'rewritten' WHERE id = $1`, [c.id])).rejects.toThrow(
        /fixed when it was recorded/,
      );
      await triageComplaint(t, w.commissioner, c.id, triageBody(1, 'no_action'));
      for (const statement of [
        `UPDATE complaints SET triage_reason = 'rewritten' WHERE id = '${c.id}'`,
        `DELETE FROM complaints WHERE id = '${c.id}'`,
      ]) {
        await expect(
          withSuperuser(t.sql, async (client) => {
            await client.query('SET session_replication_role = replica');
            return client.query(statement);
          }),
        ).rejects.toThrow(/triaged once|never removed/);
      }
    });

    it('takes a review outside a run only from a complaint referred to review', async () => {
      const declined = await declinedCase(t, w.officer);
      const c = await recordComplaint(t, w.commissioner, [w.agencies.own.id], { caseIds: [declined.id] });
      const { rows } = await t.sql.query<{ id: string; agency_id: string; deciding_agency_id: string }>(
        `SELECT id, agency_id, deciding_agency_id FROM decision_records WHERE case_id = $1`,
        [declined.id],
      );
      await expect(
        t.sql.query(
          `INSERT INTO reviews (id, run_id, complaint_id, decision_record_id, case_id, deciding_agency_id, case_agency_id,
                                decision_type, status, created_at, updated_at)
           VALUES (gen_random_uuid(), NULL, $1, $2, $3, $4, $5, 'decline_referral', 'pending', now(), now())`,
          [c.id, rows[0].id, declined.id, rows[0].deciding_agency_id, rows[0].agency_id],
        ),
      ).rejects.toThrow(/only from a complaint referred to review/);
    });
  });
});
