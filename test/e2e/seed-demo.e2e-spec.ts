import { DETENTION_RULES } from '../../src/alerts/domain/alert-rules.js';
import { CASE_STATES } from '../../src/cases/domain/identification.js';
import { DEMO_USERS } from '../../seed/demo-cast.js';
import { seedDemo, type SeedDemoReport } from '../../seed/seed-demo.js';
import { RECOMMENDATION_STATES } from '../../src/recommendations/domain/recommendation-workflow.js';
import { REVIEW_STATUSES } from '../../src/reviews/domain/review-workflow.js';
import { VISIT_STATES } from '../../src/visits/domain/visit-workflow.js';
import { login } from '../factories/session.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

/** Row counts of every table of the database, to prove a second run writes nothing. */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const { rows: tables } = await t.sql.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
    counts[name] = rows[0].n;
  }
  return counts;
}

describe('demo seed (npm run seed:demo)', () => {
  let t: TestApp;
  let first: SeedDemoReport;
  let output = '';

  beforeAll(async () => {
    t = await startTestApp();
    // The test app bootstrapped its own admin: the seed signs in as that one, as with BOOTSTRAP_ADMIN_* set.
    first = await seedDemo(t.app, { admin: ADMIN, write: (text) => void (output += text) });
  }, 120_000);
  afterAll(async () => t.close());

  it('puts cases in every identification state', async () => {
    const { rows } = await t.sql.query<{ state: string }>(`SELECT DISTINCT state FROM cases`);
    expect(rows.map((r) => r.state).sort()).toEqual([...CASE_STATES].sort());
    expect(first.counts.casesByAgency).toEqual({ 'DEMO-BP': expect.any(Number), 'DEMO-LI': expect.any(Number) });
  });

  it('raises each detention alert rule and delivers every alert e-mail', async () => {
    const { rows } = await t.sql.query<{ rule: string }>(
      `SELECT DISTINCT rule FROM alerts WHERE subject_type = 'detention_episode'`,
    );
    expect(rows.map((r) => r.rule).sort()).toEqual([...DETENTION_RULES].sort());
    const { rows: mail } = await t.sql.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM alert_notifications GROUP BY status`,
    );
    expect(mail).toEqual([{ status: 'sent', n: expect.any(Number) }]);
  });

  it('leaves reviews in every status, and links a reconsideration request to an accepted disagreement', async () => {
    const { rows } = await t.sql.query<{ status: string }>(`SELECT DISTINCT status FROM reviews`);
    expect(rows.map((r) => r.status).sort()).toEqual([...REVIEW_STATUSES].sort());
    expect(first.reconsideration).not.toBeNull();
    const { rows: linked } = await t.sql.query<{ state: string; finding: string; response: string }>(
      `SELECT c.state, r.finding, r.response FROM decision_records d
         JOIN reviews r ON r.id = d.review_id JOIN cases c ON c.id = d.case_id
        WHERE d.type = 'request_reconsideration' AND d.review_id = $1`,
      [first.reconsideration!.reviewId],
    );
    expect(linked).toEqual([{ state: 'reconsideration', finding: 'disagree', response: 'accept' }]);
  });

  it('registers places of both frontline agencies, two of them closed, and detains everyone at one', async () => {
    expect(first.counts.places).toEqual({
      total: 12,
      active: 10,
      byAgency: { 'DEMO-BP': 8, 'DEMO-LI': 4 },
      detainedAtPlaces: first.counts.detainedNow,
    });
    const { rows } = await t.sql.query<{ unplaced: number; foreign: number; closed: number }>(
      `SELECT count(*) FILTER (WHERE e.place_id IS NULL)::int AS unplaced,
              count(*) FILTER (WHERE p.agency_id <> e.agency_id)::int AS foreign,
              count(*) FILTER (WHERE NOT p.active)::int AS closed
         FROM detention_episodes e LEFT JOIN places p ON p.id = e.place_id`,
    );
    expect(rows).toEqual([{ unplaced: 0, foreign: 0, closed: 0 }]);
  });

  it('leaves visits in every state, findings naming people on the roll, and a plan agencies never see', async () => {
    const { rows } = await t.sql.query<{ state: string; findings: number; naming: number; planned: boolean }>(
      `SELECT v.state, count(f.id)::int AS findings,
              count(f.id) FILTER (WHERE cardinality(f.case_ids) > 0)::int AS naming, v.plan_id IS NOT NULL AS planned
         FROM visits v LEFT JOIN visit_findings f ON f.visit_id = v.id GROUP BY v.id`,
    );
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(VISIT_STATES));
    for (const r of rows.filter((x) => x.state === 'reported')) {
      expect(r.findings).toBeGreaterThanOrEqual(1);
      expect(r.naming).toBeGreaterThanOrEqual(1);
    }
    expect(
      rows
        .filter((r) => r.planned)
        .map((r) => r.state)
        .sort(),
    ).toEqual(['cancelled', 'planned', 'planned', 'planned']);
    expect(first.counts.visitPlans).toBe(1);
    const supervisor = DEMO_USERS.find((u) => u.key === 'bpSupervisor')!;
    const token = await login(t, supervisor.email, supervisor.password);
    const seen = await t.http().get('/api/v1/visits?limit=100').set('authorization', `Bearer ${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.length).toBeGreaterThanOrEqual(1);
    for (const v of seen.body.items) expect(v.startedAt).toEqual(expect.any(String));
  });

  it('leaves recommendations in every state, from reviews, own initiative and an investigation, a repeat, some overdue', async () => {
    const { rows } = await t.sql.query<{ state: string; source_kind: string; valid_source: boolean; repeat: boolean }>(
      `SELECT r.state, r.source_kind,
              r.source_kind = 'own_initiative' OR EXISTS (
                SELECT 1 FROM reviews v WHERE v.id = r.source_id AND v.deciding_agency_id = r.agency_id
                   AND v.finding IN ('concern', 'disagree')) OR EXISTS (
                SELECT 1 FROM investigations i WHERE i.id = r.source_id AND i.state = 'published'
                   AND r.agency_id = ANY(i.agency_ids)) AS valid_source,
              EXISTS (SELECT 1 FROM recommendations e WHERE e.id = r.repeat_of AND e.agency_id = r.agency_id) AS repeat
         FROM recommendations r`,
    );
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(RECOMMENDATION_STATES));
    expect(new Set(rows.map((r) => r.source_kind))).toEqual(new Set(['review', 'own_initiative', 'investigation']));
    expect(rows.every((r) => r.valid_source)).toBe(true);
    expect(rows.filter((r) => r.repeat)).toHaveLength(1);
    expect(first.counts.recommendationsOverdue).toEqual({ response: 2, target: 1 });
    const commissioner = DEMO_USERS.find((u) => u.role === 'commissioner')!;
    const token = await login(t, commissioner.email, commissioner.password);
    const overdue = await t.http().get('/api/v1/recommendations?overdue=true').set('authorization', `Bearer ${token}`);
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((r: { state: string }) => r.state).sort()).toEqual(['accepted', 'issued', 'issued']);
  });

  it('leaves complaints triaged each way, one untriaged and overdue, and an investigation in every state', async () => {
    const { rows: complaints } = await t.sql.query(
      `SELECT c.state, c.triage_outcome AS outcome, c.anonymous, c.investigation_id IS NOT NULL AS investigated,
              (SELECT count(*)::int FROM complaint_reviews cr JOIN reviews r ON r.id = cr.review_id
                WHERE cr.complaint_id = c.id AND r.run_id IS NULL) AS reviews
         FROM complaints c ORDER BY c.received_at`,
    );
    expect(complaints).toEqual([
      { state: 'received', outcome: null, anonymous: false, investigated: false, reviews: 0 },
      { state: 'triaged', outcome: 'no_action', anonymous: true, investigated: false, reviews: 0 },
      { state: 'triaged', outcome: 'refer_to_review', anonymous: false, investigated: false, reviews: 2 },
      { state: 'triaged', outcome: 'investigate', anonymous: false, investigated: true, reviews: 0 },
    ]);
    expect(first.counts.alerts.complaint_triage_overdue).toMatchObject({ total: 1, open: 1 });
    const { rows: investigations } = await t.sql.query(
      `SELECT i.state, i.origin, cardinality(i.investigators) > 0 AS investigators,
              (SELECT count(*)::int FROM investigation_evidence e WHERE e.investigation_id = i.id) AS evidence,
              (SELECT count(*)::int FROM investigation_comments m WHERE m.investigation_id = i.id) AS comments,
              (SELECT count(*)::int FROM recommendations r
                WHERE r.source_kind = 'investigation' AND r.source_id = i.id) AS recommendations
         FROM investigations i ORDER BY i.opened_at`,
    );
    expect(investigations).toEqual([
      { state: 'open', origin: 'complaint', investigators: true, evidence: 2, comments: 0, recommendations: 0 },
      {
        state: 'factual_accuracy',
        origin: 'review_pattern',
        investigators: true,
        evidence: 0,
        comments: 1,
        recommendations: 0,
      },
      { state: 'published', origin: 'visit', investigators: false, evidence: 0, comments: 0, recommendations: 1 },
      { state: 'closed', origin: 'own_initiative', investigators: false, evidence: 0, comments: 0, recommendations: 0 },
    ]);
    // The agency in scope reads the draft it may comment on and the published report, never a complaint.
    const supervisor = DEMO_USERS.find((u) => u.key === 'bpSupervisor')!;
    const token = await login(t, supervisor.email, supervisor.password);
    const seen = await t.http().get('/api/v1/investigations').set('authorization', `Bearer ${token}`);
    expect(seen.body.items.map((i: { state: string }) => i.state).sort()).toEqual(['factual_accuracy', 'published']);
    const complaintsSeen = await t.http().get('/api/v1/complaints').set('authorization', `Bearer ${token}`);
    expect(complaintsSeen.body).toEqual({ items: [], nextCursor: null });
  });

  it('prints the credentials, the API key and the counts', async () => {
    for (const u of DEMO_USERS) expect(output).toContain(`${u.email}`);
    expect(output).toContain(first.apiKey!);
    expect(output).toMatch(/Alerts: \d+/);
    expect(output).toMatch(/Reviews: \d+/);
    expect(output).toMatch(/Visits: \d+/);
    expect(output).toMatch(/Recommendations: \d+/);
    expect(output).toContain('Complaints: 4 (1 anonymous); received 1 · triaged 3');
    expect(output).toContain('Investigations: 4 (open 1 · factual_accuracy 1 · published 1 · closed 1)');
    await expect(login(t, DEMO_USERS[1].email, DEMO_USERS[1].password)).resolves.toEqual(expect.any(String));
  });

  it('writes nothing when run again, and says what is there', async () => {
    const before = await rowCounts(t);
    let again = '';
    const second = await seedDemo(t.app, { admin: ADMIN, write: (text) => void (again += text) });
    expect(second.created).toBe(false);
    expect(await rowCounts(t)).toEqual(before);
    expect(again).toContain('already in this database');
    expect(again).toContain('commissioner@demo.oversight.test');
    expect(second.counts.casesByState).toEqual(first.counts.casesByState);
  });

  it('gives every agency an alert address, and the anonymised export rows to publish at k = 11', async () => {
    expect(first.counts.agencies.map((a) => a.alertEmail)).toEqual([
      expect.stringMatching(/@/),
      expect.stringMatching(/@/),
      expect.stringMatching(/@/),
      expect.stringMatching(/@/),
    ]);
    expect(t.config.exports.k).toBe(11);
    const commissioner = DEMO_USERS.find((u) => u.role === 'commissioner')!;
    const token = await login(t, commissioner.email, commissioner.password);
    const res = await t.http().get('/api/v1/exports/anonymised').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['x-k-anonymity']).toBe('11');
    expect(Number(res.headers['x-published-rows'])).toBeGreaterThanOrEqual(22);
    const rows = res.text.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(Number(row.split(',').at(-1))).toBeGreaterThanOrEqual(11);
  });

  it('leaves an audit log that verifies', async () => {
    const commissioner = DEMO_USERS.find((u) => u.role === 'commissioner')!;
    const token = await login(t, commissioner.email, commissioner.password);
    const res = await t.http().get('/api/v1/audit/verify').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    // The seed sealed a checkpoint: a new installation shows a signed one without waiting for the schedule.
    expect(res.body).toMatchObject({ ok: true, checkpoints: expect.any(Number) });
    expect(res.body.checkpoints).toBeGreaterThanOrEqual(1);
  });
});
