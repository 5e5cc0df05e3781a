import { dateIn, issueRecommendation, recommendationAction } from '../factories/recommendations.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { parseCsv } from '../support/csv.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SLOW = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();
const REASON = 'The budget for this does not exist this year.';

/**
 * The agency report's recommendation figures (SPEC §12), over a history
 * built through the API and then dated by hand (as the superuser: issue
 * times moved back so each response took a known number of days, due dates
 * and target dates moved into the past). The period is [now − 100 days,
 * now + 1 hour).
 *
 * | own agency | path                                         | days to respond | now                               |
 * |------------|----------------------------------------------|-----------------|-----------------------------------|
 * | r0         | issued 110 days ago (before the period)      | –               | issued, overdue (not counted)     |
 * | r1         | issued                                       | –               | issued                            |
 * | r2         | issued, due an hour ago                      | –               | issued, overdue                   |
 * | r3         | accepted, target in 30 days                  | 2               | accepted                          |
 * | r4         | partially accepted, target yesterday         | 4               | partially accepted, overdue       |
 * | r5         | rejected                                     | 10              | rejected                          |
 * | r6         | accepted, implementation claimed, target yesterday | 1.5       | implementation claimed (not late) |
 * | r7         | accepted, claimed, verified                  | 6               | implemented                       |
 * | r8         | withdrawn while issued                       | –               | withdrawn                         |
 * | r9         | issued, repeats r0                           | –               | issued                            |
 *
 * The competent authority: a1 accepted (3 days), a2 rejected (8 days) repeating a1, a3 withdrawn while issued.
 * The other agency: one issued recommendation.
 */
describe('agency report: recommendation figures (SPEC §12)', () => {
  let t: TestApp;
  let w: World;
  const now0 = Date.now();
  const from = iso(now0 - 100 * DAY);
  const to = iso(now0 + HOUR);
  const ids: Record<string, string> = {};

  const report = (by: Session, query = `from=${from}&to=${to}`) =>
    t.http().get(`/api/v1/reports/agencies?${query}`).set('authorization', by.auth);
  const rowOf = (body: { agencies: { agency: { id: string } }[] }, agencyId: string) =>
    body.agencies.find((a) => a.agency.id === agencyId) as unknown as Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const own = w.agencies.own.id;
    const authority = w.agencies.authority.id;
    const issue = async (name: string, agencyId: string, body: Record<string, unknown> = {}) => {
      ids[name] = (await issueRecommendation(t, w.commissioner, agencyId, body)).id;
    };
    const act = (
      by: Session,
      name: string,
      action: 'respond' | 'progress' | 'verify' | 'withdraw',
      body: Record<string, unknown>,
    ) => recommendationAction(t, by, ids[name], action, body);
    const accept = (by: Session, name: string, targetDate = dateIn(30)) =>
      act(by, name, 'respond', { expectedVersion: 1, response: 'accepted', targetDate });
    const claim = (by: Session, name: string) =>
      act(by, name, 'progress', { expectedVersion: 2, status: 'implemented', note: 'Done.', evidence: 'Circular 3.' });

    for (const name of ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']) await issue(name, own);
    await issue('r9', own, { repeatOf: ids.r0 });
    await accept(w.supervisor, 'r3');
    await act(w.supervisor, 'r4', 'respond', {
      expectedVersion: 1,
      response: 'partially_accepted',
      targetDate: dateIn(0),
      reason: REASON,
    });
    await act(w.supervisor, 'r5', 'respond', { expectedVersion: 1, response: 'rejected', reason: REASON });
    await accept(w.supervisor, 'r6', dateIn(0));
    await claim(w.supervisor, 'r6');
    await accept(w.supervisor, 'r7');
    await claim(w.supervisor, 'r7');
    await act(w.commissioner, 'r7', 'verify', { expectedVersion: 3, outcome: 'verified', note: 'Seen on site.' });
    await act(w.commissioner, 'r8', 'withdraw', { expectedVersion: 1, reason: 'Overtaken by the new law.' });

    await issue('a1', authority);
    await issue('a2', authority, { repeatOf: ids.a1 });
    await issue('a3', authority);
    await accept(w.decisionMaker, 'a1');
    await act(w.decisionMaker, 'a2', 'respond', { expectedVersion: 1, response: 'rejected', reason: REASON });
    await act(w.commissioner, 'a3', 'withdraw', { expectedVersion: 1, reason: 'Overtaken by the new law.' });

    await issue('o1', w.agencies.other.id);

    // Time passes, as the superuser writes it: each response took a known number of days after the issue ...
    const daysToRespond: Record<string, number> = { r3: 2, r4: 4, r5: 10, r6: 1.5, r7: 6, a1: 3, a2: 8 };
    for (const [name, days] of Object.entries(daysToRespond)) {
      const { rowCount } = await t.sql.query(
        `UPDATE recommendations r SET issued_at = h.at - make_interval(secs => $2::float8 * 86400)
           FROM recommendation_history h
          WHERE r.id = $1 AND h.recommendation_id = r.id AND h.action = 'respond'`,
        [ids[name], days],
      );
      if (rowCount !== 1) throw new Error(`no response line for ${name}`);
    }
    // ... r0 was issued before the period and is long overdue, r2's answer fell due an hour ago, and the target dates
    // of r4 (partially accepted) and r6 (implementation claimed since) went by yesterday.
    await t.sql.query(`UPDATE recommendations SET issued_at = $2, response_due_at = $3 WHERE id = $1`, [
      ids.r0,
      iso(now0 - 110 * DAY),
      iso(now0 - 82 * DAY),
    ]);
    await t.sql.query(`UPDATE recommendations SET response_due_at = $2 WHERE id = $1`, [ids.r2, iso(now0 - HOUR)]);
    await t.sql.query(
      `UPDATE recommendations SET target_date = (now() AT TIME ZONE 'UTC')::date - 1 WHERE id = ANY($1::uuid[])`,
      [[ids.r4, ids.r6]],
    );
  }, SLOW);
  afterAll(async () => t?.close(), SLOW);

  const OWN = {
    issuedInPeriod: 9,
    byState: {
      issued: 3,
      accepted: 1,
      partially_accepted: 1,
      rejected: 1,
      implementation_claimed: 1,
      implemented: 1,
      withdrawn: 1,
    },
    open: 6,
    overdue: 2,
    daysToRespond: { medianDays: 4, n: 5 },
    repeats: 1,
  };
  const AUTHORITY = {
    issuedInPeriod: 3,
    byState: {
      issued: 0,
      accepted: 1,
      partially_accepted: 0,
      rejected: 1,
      implementation_claimed: 0,
      implemented: 0,
      withdrawn: 1,
    },
    open: 1,
    overdue: 0,
    daysToRespond: { medianDays: 5.5, n: 2 },
    repeats: 1,
  };
  const NONE = {
    issuedInPeriod: 0,
    byState: {
      issued: 0,
      accepted: 0,
      partially_accepted: 0,
      rejected: 0,
      implementation_claimed: 0,
      implemented: 0,
      withdrawn: 0,
    },
    open: 0,
    overdue: 0,
    daysToRespond: { medianDays: null, n: 0 },
    repeats: 0,
  };

  it('counts each agency’s recommendations of the period by state now, open, overdue, response time and repeats', async () => {
    const res = await report(w.commissioner);
    expect(res.status).toBe(200);
    expect(rowOf(res.body, w.agencies.own.id).recommendations).toEqual(OWN);
    expect(rowOf(res.body, w.agencies.authority.id).recommendations).toEqual(AUTHORITY);
    expect(rowOf(res.body, w.agencies.other.id).recommendations).toEqual({
      ...NONE,
      issuedInPeriod: 1,
      byState: { ...NONE.byState, issued: 1 },
      open: 1,
    });
    expect(rowOf(res.body, w.agencies.office.id).recommendations).toEqual(NONE);
  });

  it('counts as overdue what the register’s overdue=true lists, among the recommendations of the period', async () => {
    const listed = await t
      .http()
      .get('/api/v1/recommendations')
      .query({ agencyId: w.agencies.own.id, overdue: 'true' })
      .set('authorization', w.commissioner.auth);
    // r0 is overdue too, but was issued before the period.
    expect(listed.body.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.r0, ids.r2, ids.r4].sort());
  });

  it('counts nothing for a period before every recommendation', async () => {
    const res = await report(w.commissioner, `from=${iso(now0 - 400 * DAY)}&to=${iso(now0 - 300 * DAY)}`);
    for (const agency of Object.values(w.agencies)) {
      expect(rowOf(res.body, agency.id).recommendations).toEqual(NONE);
    }
  });

  it('shows an agency its own row only, with the same figures', async () => {
    for (const [who, agencyId, figures] of [
      [w.supervisor, w.agencies.own.id, OWN],
      [w.officer, w.agencies.own.id, OWN],
      [w.apiKey, w.agencies.own.id, OWN],
      [w.decisionMaker, w.agencies.authority.id, AUTHORITY],
    ] as const) {
      const res = await report(who);
      expect(res.status).toBe(200);
      expect(res.body.agencies.map((a: { agency: { id: string } }) => a.agency.id)).toEqual([agencyId]);
      expect(res.body.agencies[0].recommendations).toEqual(figures);
    }
    const other = await report(w.otherSupervisor);
    expect(other.body.agencies.map((a: { agency: { id: string } }) => a.agency.id)).toEqual([w.agencies.other.id]);
  });

  it('writes the same figures as CSV columns', async () => {
    const res = await report(w.commissioner).set('accept', 'text/csv');
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(res.text);
    const byId = new Map(
      rows.map((r) => [r[header.indexOf('agency_id')], Object.fromEntries(header.map((h, i) => [h, r[i]]))]),
    );
    expect(byId.get(w.agencies.own.id)).toMatchObject({
      recommendations_issued_in_period: '9',
      recommendations_issued: '3',
      recommendations_accepted: '1',
      recommendations_partially_accepted: '1',
      recommendations_rejected: '1',
      recommendations_implementation_claimed: '1',
      recommendations_implemented: '1',
      recommendations_withdrawn: '1',
      recommendations_open: '6',
      recommendations_overdue: '2',
      median_days_to_respond: '4',
      n_responded: '5',
      recommendations_repeats: '1',
    });
    expect(byId.get(w.agencies.authority.id)).toMatchObject({ median_days_to_respond: '5.5', n_responded: '2' });
    expect(byId.get(w.agencies.office.id)).toMatchObject({ median_days_to_respond: '', n_responded: '0' });
  });

  it('keeps at most one response line per recommendation, in the database', async () => {
    await expect(
      t.sql.query(
        `INSERT INTO recommendation_history (id, recommendation_id, version, at, action, actor_id, actor_role,
                                             from_state, to_state, details)
         VALUES (gen_random_uuid(), $1, 9, now(), 'respond', $2, 'agency_supervisor', 'issued', 'accepted', '{}')`,
        [ids.r3, w.supervisor.id],
      ),
    ).rejects.toThrow(/recommendation_history_response_key/);
  });
});
