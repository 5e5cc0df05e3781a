import { workingTimeBetween } from '../../src/alerts/domain/working-days.js';
import { OPEN_DETENTIONS_SQL } from '../../src/alerts/persistence/overdue-scan.repository.js';
import { SamplingRunner } from '../../src/reviews/sampling-runner.js';
import { createAgency } from '../factories/agencies.js';
import { decided, openCase, SEEDED_PII, type OpenedCase } from '../factories/cases.js';
import { CONCERN, declinedCase, reviewCommand } from '../factories/reviews.js';
import { createWorld, type World } from '../factories/world.js';
import type { Session } from '../factories/session.js';
import { decodeHeader, parseMail, unescapeHtml } from '../support/mime.js';
import { expectProblem } from '../support/problems.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import { useTestDatabase } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sleep, waitUntil } from '../support/wait.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

interface Raised {
  id: string;
  rule: string;
  caseId: string;
  agencyId: string;
}
interface Scan {
  scannedDetentions: number;
  raised: Raised[];
  resolved: { id: string; rule: string; reason: string }[];
  escalated: number;
  durationMs: number;
}
interface Alert {
  id: string;
  rule: string;
  severity: string;
  status: string;
  basis: string;
  thresholds: Record<string, number>;
  since: string;
  subjectType: string;
  subjectId: string;
  caseId: string;
  agencyId: string;
  raisedAt: string;
  acknowledgedBy: string | null;
  resolvedReason: string | null;
  notifications: { kind: string; status: string; attempts: number; recipients: string[] }[];
}

describe('overdue-detention alert rules', () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      workers: true,
      env: {
        SMTP_URL: smtp.url,
        OUTBOX_SWEEP_SECONDS: '1',
        MAIL_BACKOFF_MS: '200',
        // Scans run when a test asks, never on a tick in the middle of one.
        OVERDUE_SCAN_CRON: '0 0 1 1 *',
        // Five scans at once stand for several worker processes scanning together (the HTTP limit would turn
        // three of them away with 503; test/e2e/limits.e2e-spec.ts covers that).
        EXPENSIVE_ROUTE_CONCURRENCY: '5',
      },
    });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function scan(by: Session = w.commissioner): Promise<Scan> {
    const res = await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', by.auth);
    expect(res.status).toBe(200);
    return res.body as Scan;
  }

  /** A case whose person has been detained for `ms`, still in screening. */
  function detainedFor(ms: number, by: Session = w.officer): Promise<OpenedCase> {
    return openCase(t, by, {
      encounter: { at: ago(ms + HOUR), location: 'Northern crossing, lane 3', kind: 'border_entry' },
      detention: { at: ago(ms), facility: 'Holding centre N', legalBasis: 'Aliens Act s. 62' },
    });
  }

  /** A case referred at `referredAt` (encounter 40 days ago), then detained an hour ago. */
  async function referredThenDetained(referredAt: string, rg?: 'positive', cg?: 'positive'): Promise<OpenedCase> {
    const c = await openCase(t, w.officer, {
      encounter: { at: ago(40 * DAY), location: 'Inland inspection', kind: 'workplace_inspection' },
    });
    let v = await decided(t, w.officer, c.id, {
      type: 'refer',
      expectedVersion: 0,
      reason: 'Debt bondage',
      occurredAt: referredAt,
    });
    if (rg) {
      v = await decided(t, w.decisionMaker, c.id, {
        type: 'reasonable_grounds',
        expectedVersion: v,
        outcome: rg,
        reason: 'Credible account',
        occurredAt: new Date(Date.parse(referredAt) + DAY).toISOString(),
      });
    }
    if (cg) {
      v = await decided(t, w.decisionMaker, c.id, {
        type: 'conclusive_grounds',
        expectedVersion: v,
        outcome: cg,
        reason: 'Confirmed',
      });
    }
    await decided(t, w.officer, c.id, {
      type: 'detain',
      expectedVersion: v,
      at: ago(HOUR),
      facility: 'Holding centre S',
      legalBasis: 'Aliens Act s. 62',
    });
    return c;
  }

  async function alertsOf(caseId: string, by: Session = w.commissioner): Promise<Alert[]> {
    const res = await t.http().get('/api/v1/alerts').query({ caseId }).set('authorization', by.auth);
    expect(res.status).toBe(200);
    return res.body.items as Alert[];
  }

  function rulesFor(s: Scan, caseId: string): string[] {
    return s.raised
      .filter((r) => r.caseId === caseId)
      .map((r) => r.rule)
      .sort();
  }

  describe('rules', () => {
    it('raises screening_overdue after 49 h of detention in screening, not after 47 h', async () => {
      const late = await detainedFor(49 * HOUR);
      const inTime = await detainedFor(47 * HOUR);
      const s = await scan();
      expect(rulesFor(s, late.id)).toEqual(['screening_overdue']);
      expect(rulesFor(s, inTime.id)).toEqual([]);
      const [alert] = await alertsOf(late.id);
      expect(alert).toMatchObject({
        rule: 'screening_overdue',
        severity: 'high',
        status: 'open',
        subjectType: 'detention_episode',
        agencyId: w.agencies.own.id,
        thresholds: { screeningMaxHours: 48 },
      });
      expect(alert.basis).toMatch(/48 hours/);
      expect(alert.basis).toMatch(/not a time limit set by law/);
      // The condition began when the threshold was crossed: detained 49 h ago + 48 h.
      expect(Math.abs(Date.parse(alert.since) - (Date.now() - HOUR))).toBeLessThan(60_000);
      expect(await alertsOf(inTime.id)).toEqual([]);
    });

    it('raises rg_decision_overdue when a detained person was referred more than 5 working days ago', async () => {
      const overdue = await referredThenDetained(ago(10 * DAY)); // 10 calendar days hold at least 6 working days
      // Just inside: 5 working days less one hour of working time before now.
      const now = Date.now();
      let back = HOUR;
      while (workingTimeBetween(new Date(now - back), new Date(now)) < 5 * DAY - HOUR) back += 10 * 60_000;
      const inTime = await referredThenDetained(new Date(now - back).toISOString());
      const s = await scan();
      expect(rulesFor(s, overdue.id)).toEqual(['rg_decision_overdue']);
      expect(rulesFor(s, inTime.id)).toEqual([]);
      const [alert] = await alertsOf(overdue.id);
      expect(alert).toMatchObject({
        rule: 'rg_decision_overdue',
        severity: 'high',
        thresholds: { rgDecisionMaxWorkingDays: 5 },
      });
      expect(alert.basis).toMatch(/5 working days/);
      // Overdue long before the detention: the detained person's alert starts with the detention.
      expect(Math.abs(Date.parse(alert.since) - (Date.now() - HOUR))).toBeLessThan(60_000);
    });

    it('raises a critical victim_detained for detention in recovery_period and as identified_victim', async () => {
      const recovery = await referredThenDetained(ago(10 * DAY), 'positive');
      const identified = await referredThenDetained(ago(35 * DAY), 'positive', 'positive');
      const s = await scan();
      expect(rulesFor(s, recovery.id)).toEqual(['victim_detained']);
      expect(rulesFor(s, identified.id)).toEqual(['victim_detained']);
      for (const c of [recovery, identified]) {
        const [alert] = await alertsOf(c.id);
        expect(alert).toMatchObject({ rule: 'victim_detained', severity: 'critical', thresholds: {} });
        expect(alert.basis).toMatch(/Art\. 13/);
      }
    });

    it('raises a critical detention_limit_exceeded after 28 days of detention, not just before', async () => {
      const long = await detainedFor(29 * DAY);
      const almost = await detainedFor(28 * DAY - HOUR);
      const s = await scan();
      expect(rulesFor(s, long.id)).toEqual(['detention_limit_exceeded', 'screening_overdue']);
      expect(rulesFor(s, almost.id)).toEqual(['screening_overdue']);
      const limit = (await alertsOf(long.id)).find((a) => a.rule === 'detention_limit_exceeded')!;
      expect(limit).toMatchObject({ severity: 'critical', thresholds: { maxDetentionDays: 28 } });
      expect(limit.basis).toMatch(/28 days/);
      expect(Math.abs(Date.parse(limit.since) - (Date.now() - DAY))).toBeLessThan(60_000);
    });
  });

  describe('one alert per (episode, rule)', () => {
    it('raises each alert once across repeated scans and five concurrent scans', async () => {
      const cases = await Promise.all([detainedFor(49 * HOUR), detainedFor(49 * HOUR), detainedFor(29 * DAY)]);
      const scans = await Promise.all(Array.from({ length: 5 }, () => scan()));
      const raised = scans.flatMap((s) => s.raised);
      const keys = raised.map((r) => `${r.rule}/${r.caseId}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of cases) {
        const mine = raised.filter((r) => r.caseId === c.id).map((r) => r.rule);
        expect(mine.sort()).toEqual(
          c === cases[2] ? ['detention_limit_exceeded', 'screening_overdue'] : ['screening_overdue'],
        );
      }
      expect((await scan()).raised).toEqual([]);
      const { rows } = await t.sql.query<{ rule: string; mails: number }>(
        `SELECT a.rule, (SELECT count(*)::int FROM alert_notifications n WHERE n.alert_id = a.id) AS mails
           FROM alerts a WHERE a.case_id = ANY($1)`,
        [cases.map((c) => c.id)],
      );
      expect(rows.map((r) => r.rule).sort()).toEqual([
        'detention_limit_exceeded',
        'screening_overdue',
        'screening_overdue',
        'screening_overdue',
      ]);
      expect(rows.map((r) => r.mails)).toEqual([1, 1, 1, 1]);
    });
  });

  describe('resolution', () => {
    it('resolves an alert with detention_ended when the person is released', async () => {
      const c = await detainedFor(49 * HOUR);
      const [raised] = (await scan()).raised.filter((r) => r.caseId === c.id);
      await decided(t, w.officer, c.id, { type: 'release', expectedVersion: 1, at: ago(0), reason: 'Released' });
      const s = await scan();
      expect(s.resolved).toContainEqual({ id: raised.id, rule: 'screening_overdue', reason: 'detention_ended' });
      const [alert] = await alertsOf(c.id);
      expect(alert).toMatchObject({ status: 'resolved', resolvedReason: 'detention_ended' });
      expect((await scan()).resolved.map((r) => r.id)).not.toContain(raised.id);
      // The resolution is audited on the alert's own chain, and scans write no audit event about nothing.
      const { rows } = await t.sql.query<{ chain_id: string; action: string; payload: unknown }>(
        `SELECT chain_id, action, payload FROM audit_events WHERE action = 'alert.resolved' AND subject_id = $1`,
        [raised.id],
      );
      expect(rows).toEqual([
        { chain_id: `alert:${raised.id}`, action: 'alert.resolved', payload: { reason: 'detention_ended' } },
      ]);
      const stray = await t.sql.query(`SELECT 1 FROM audit_events WHERE action LIKE 'alert.%' AND subject_id IS NULL`);
      expect(stray.rowCount).toBe(0);
    });

    it('resolves screening_overdue with condition_no_longer_holds once the person is referred', async () => {
      const c = await detainedFor(49 * HOUR);
      const [raised] = (await scan()).raised.filter((r) => r.caseId === c.id);
      await decided(t, w.officer, c.id, { type: 'refer', expectedVersion: 1, reason: 'Deception and debt bondage' });
      const s = await scan();
      expect(s.resolved).toContainEqual({
        id: raised.id,
        rule: 'screening_overdue',
        reason: 'condition_no_longer_holds',
      });
      expect(rulesFor(s, c.id)).toEqual([]);
      expect((await alertsOf(c.id))[0]).toMatchObject({
        status: 'resolved',
        resolvedReason: 'condition_no_longer_holds',
      });
    });
  });

  describe('acknowledgement', () => {
    let own: string;
    let other: string;

    beforeAll(async () => {
      const a = await detainedFor(49 * HOUR);
      const b = await detainedFor(49 * HOUR, w.otherOfficer);
      const s = await scan();
      own = s.raised.find((r) => r.caseId === a.id)!.id;
      other = s.raised.find((r) => r.caseId === b.id)!.id;
    });

    const ack = (id: string, by: Session) =>
      t.http().post(`/api/v1/alerts/${id}/acknowledge`).set('authorization', by.auth);

    it('refuses roles that may read but not acknowledge (403) and hides the alert from others (404)', async () => {
      for (const by of [w.officer, w.reviewer, w.analyst]) expectProblem(await ack(own, by), 403);
      for (const by of [w.otherSupervisor, w.decisionMaker, w.admin]) expectProblem(await ack(own, by), 404);
    });

    it('lets the own agency supervisor acknowledge once (then 409)', async () => {
      const res = await ack(own, w.supervisor);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: own, status: 'acknowledged', acknowledgedBy: w.supervisor.id });
      expect(expectProblem(await ack(own, w.supervisor), 409)).toMatchObject({ alertStatus: 'acknowledged' });
      expectProblem(await ack(own, w.commissioner), 409);
    });

    it('lets the commissioner acknowledge any agency’s alert', async () => {
      const res = await ack(other, w.commissioner);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: other, status: 'acknowledged', acknowledgedBy: w.commissioner.id });
    });

    it('shows the admin no alert at all (SPEC §2: Alert · read is "–" for the admin)', async () => {
      const list = await t.http().get('/api/v1/alerts').set('authorization', w.admin.auth);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      const byCase = await t
        .http()
        .get('/api/v1/alerts')
        .query({ status: 'acknowledged' })
        .set('authorization', w.admin.auth);
      expect(byCase.body.items).toEqual([]);
    });
  });

  describe('listing', () => {
    let ownCase: OpenedCase;
    let longCase: OpenedCase;
    let otherCase: OpenedCase;

    beforeAll(async () => {
      ownCase = await detainedFor(49 * HOUR);
      longCase = await detainedFor(29 * DAY);
      otherCase = await detainedFor(49 * HOUR, w.otherOfficer);
      const s = await scan();
      const ackId = s.raised.find((r) => r.caseId === ownCase.id)!.id;
      const res = await t.http().post(`/api/v1/alerts/${ackId}/acknowledge`).set('authorization', w.supervisor.auth);
      if (res.status !== 200) throw new Error(`acknowledge failed: ${res.status} ${JSON.stringify(res.body)}`);
    });

    async function list(by: Session, query: Record<string, string | number>): Promise<Alert[]> {
      const res = await t.http().get('/api/v1/alerts').query(query).set('authorization', by.auth);
      expect(res.status).toBe(200);
      return res.body.items as Alert[];
    }

    async function allPages(by: Session, limit: number, query: Record<string, string> = {}): Promise<Alert[][]> {
      const pages: Alert[][] = [];
      let cursor: string | null = null;
      do {
        const res = await t
          .http()
          .get('/api/v1/alerts')
          .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
          .set('authorization', by.auth);
        expect(res.status).toBe(200);
        pages.push(res.body.items as Alert[]);
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return pages;
    }

    it('filters by case, severity, rule, status and agency', async () => {
      const byCase = await list(w.commissioner, { caseId: longCase.id });
      expect(byCase.map((a) => a.rule).sort()).toEqual(['detention_limit_exceeded', 'screening_overdue']);
      const critical = await list(w.commissioner, { caseId: longCase.id, severity: 'critical' });
      expect(critical.map((a) => a.rule)).toEqual(['detention_limit_exceeded']);
      const byRule = await list(w.commissioner, { rule: 'detention_limit_exceeded', limit: 200 });
      expect(byRule.every((a) => a.rule === 'detention_limit_exceeded')).toBe(true);
      expect(byRule.map((a) => a.caseId)).toContain(longCase.id);
      const acknowledged = await list(w.commissioner, { status: 'acknowledged', limit: 200 });
      expect(acknowledged.every((a) => a.status === 'acknowledged')).toBe(true);
      expect(acknowledged.map((a) => a.caseId)).toContain(ownCase.id);
      const open = await list(w.commissioner, { status: 'open', limit: 200 });
      expect(open.every((a) => a.status === 'open')).toBe(true);
      expect(open.map((a) => a.caseId)).not.toContain(ownCase.id);
      const byAgency = await list(w.commissioner, { agencyId: w.agencies.other.id, limit: 200 });
      expect(byAgency.length).toBeGreaterThan(0);
      expect(byAgency.every((a) => a.agencyId === w.agencies.other.id)).toBe(true);
      expect(byAgency.map((a) => a.caseId)).toContain(otherCase.id);
      expectProblem(
        await t.http().get('/api/v1/alerts').query({ severity: 'low' }).set('authorization', w.commissioner.auth),
        400,
      );
    });

    it('pages with a cursor through every alert exactly once, newest first', async () => {
      const pages = await allPages(w.commissioner, 3);
      const seen = pages.flat();
      expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
      const { rows } = await t.sql.query<{ id: string }>(`SELECT id FROM alerts ORDER BY raised_at DESC, id DESC`);
      expect(seen.map((a) => a.id)).toEqual(rows.map((r) => r.id));
    });

    it('scopes agency roles to their own agency in SQL (full pages, nothing of the other agency)', async () => {
      for (const [by, agencyId] of [
        [w.officer, w.agencies.own.id],
        [w.supervisor, w.agencies.own.id],
        [w.otherOfficer, w.agencies.other.id],
      ] as const) {
        const pages = await allPages(by, 2);
        const seen = pages.flat();
        // A filter applied after fetching would leave short pages before the last one.
        expect(pages.slice(0, -1).every((p) => p.length === 2)).toBe(true);
        const { rows } = await t.sql.query<{ id: string }>(
          `SELECT id FROM alerts WHERE agency_id = $1 AND NOT commissioner_only ORDER BY raised_at DESC, id DESC`,
          [agencyId],
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(seen.map((a) => a.id)).toEqual(rows.map((r) => r.id));
      }
      expect(await list(w.officer, { agencyId: w.agencies.other.id })).toEqual([]);
      expect(await list(w.officer, { caseId: otherCase.id })).toEqual([]);
    });
  });

  describe('escalation', () => {
    it('escalates an unacknowledged alert once, to the commissioner only, and never an acknowledged one', async () => {
      const open = await detainedFor(49 * HOUR);
      const acknowledged = await detainedFor(49 * HOUR);
      const s = await scan();
      const openId = s.raised.find((r) => r.caseId === open.id)!.id;
      const ackId = s.raised.find((r) => r.caseId === acknowledged.id)!.id;
      const ack = await t.http().post(`/api/v1/alerts/${ackId}/acknowledge`).set('authorization', w.supervisor.auth);
      expect(ack.status).toBe(200);
      // ALERT_ESCALATE_HOURS is at least 1: age the two alerts instead of waiting.
      await t.sql.query(`UPDATE alerts SET raised_at = now() - interval '25 hours' WHERE id = ANY($1)`, [
        [openId, ackId],
      ]);

      expect((await scan()).escalated).toBe(1);
      const escalationId = `<alert-${openId}-escalation@oversight.invalid>`;
      await waitUntil('the escalation e-mail', () => smtp.received.some((m) => m.messageId === escalationId));
      expect((await scan()).escalated).toBe(0);
      await sleep(1_500); // more than a sweep period: nothing else goes out

      const escalations = smtp.received.filter((m) => /-escalation@/.test(m.messageId ?? ''));
      expect(escalations.map((m) => m.messageId)).toEqual([escalationId]);
      expect(escalations[0].to).toEqual([t.config.alerts.commissionerEmail]);
      expect(escalations[0].subject).toMatch(/ESCALATION/);
      const { rows } = await t.sql.query<{ alert_id: string; kind: string }>(
        `SELECT alert_id, kind FROM alert_notifications WHERE alert_id = ANY($1) ORDER BY kind`,
        [[openId, ackId]],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { alert_id: openId, kind: 'escalation' },
          { alert_id: openId, kind: 'raised' },
          { alert_id: ackId, kind: 'raised' },
        ]),
      );
      expect(rows).toHaveLength(3);
    });
  });

  describe('the e-mail', () => {
    it('names the case by reference and pseudonym, states the basis and links the case, without PII', async () => {
      const c = await detainedFor(49 * HOUR + 5 * 60_000);
      const s = await scan();
      const alertId = s.raised.find((r) => r.caseId === c.id)!.id;
      const messageId = `<alert-${alertId}-raised@oversight.invalid>`;
      const mail: ReceivedMail = await waitUntil('the alert e-mail', () =>
        smtp.received.find((m) => m.messageId === messageId),
      );
      const [alert] = await alertsOf(c.id);
      const opened = await t.http().get(`/api/v1/cases/${c.id}`).set('authorization', w.officer.auth);
      const { externalRef, subject } = opened.body as { externalRef: string; subject: { pseudonym: string } };

      const parsed = parseMail(mail.raw);
      expect(parsed.headers['message-id']).toBe(messageId);
      expect(mail.to.sort()).toEqual([w.agencies.own.alertEmail, t.config.alerts.commissionerEmail].sort());
      const text = parsed.leaves.find((l) => l.contentType === 'text/plain')?.body ?? '';
      const html = unescapeHtml(parsed.leaves.find((l) => l.contentType === 'text/html')?.body ?? '');
      const link = `${t.config.http.publicBaseUrl}/api/v1/cases/${c.id}`;
      for (const part of [text, html]) {
        expect(part).toContain(externalRef);
        expect(part).toContain(subject.pseudonym);
        expect(part).toContain(alert.basis);
        expect(part).toContain('Detained for');
        expect(part).toContain('2 days 1 hour');
        expect(part).toContain(link);
      }
      expect(html).toContain(`<a href="${link}">`);
      for (const value of Object.values(SEEDED_PII)) {
        expect(mail.raw).not.toContain(value);
        expect(text).not.toContain(value);
        expect(html).not.toContain(value);
      }
    });

    async function mailOf(alertId: string): Promise<ReceivedMail> {
      const messageId = `<alert-${alertId}-raised@oversight.invalid>`;
      return waitUntil('the alert e-mail', () => smtp.received.find((m) => m.messageId === messageId));
    }

    it('names the alert, the case and the agency in the subject, and links the alert in the console and the API', async () => {
      const c = await detainedFor(49 * HOUR + 10 * 60_000);
      const alertId = (await scan()).raised.find((r) => r.caseId === c.id)!.id;
      const mail = await mailOf(alertId);
      const parsed = parseMail(mail.raw);
      const { externalRef } = (await t.http().get(`/api/v1/cases/${c.id}`).set('authorization', w.officer.auth))
        .body as { externalRef: string };
      expect(decodeHeader(parsed.headers.subject)).toBe(
        `[HIGH] Screening overdue for a detained person — case ${externalRef} (${w.agencies.own.name})`,
      );
      const text = parsed.leaves.find((l) => l.contentType === 'text/plain')?.body ?? '';
      const base = t.config.http.publicBaseUrl;
      expect(text).toContain(`Open in the console: ${base}/console/alerts/${alertId}`);
      expect(text).toContain(`In the API: ${base}/api/v1/alerts/${alertId}`);
      // The API link opens the alert for whoever may read it.
      const linked = await t.http().get(`/api/v1/alerts/${alertId}`).set('authorization', w.supervisor.auth);
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ id: alertId, rule: 'screening_overdue', caseId: c.id });
      const hidden = await t.http().get(`/api/v1/alerts/${alertId}`).set('authorization', w.otherOfficer.auth);
      expectProblem(hidden, 404);
    });

    it('sends reasonable- and conclusive-grounds alerts to the competent authority too: every one before its decision, then the one that decided', async () => {
      const second = await createAgency(t, w.admin, 'competent_authority');
      const awaiting = await referredThenDetained(ago(10 * DAY));
      const recovery = await referredThenDetained(ago(10 * DAY), 'positive');
      const identified = await referredThenDetained(ago(35 * DAY), 'positive', 'positive');
      const s = await scan();
      const idOf = (caseId: string, rule: string) => s.raised.find((r) => r.caseId === caseId && r.rule === rule)!.id;
      const office = t.config.alerts.commissionerEmail;
      const own = w.agencies.own.alertEmail!;
      const decider = w.agencies.authority.alertEmail!;

      const toAwaiting = (await mailOf(idOf(awaiting.id, 'rg_decision_overdue'))).to;
      expect(toAwaiting.sort()).toEqual([own, decider, second.alertEmail!, office].sort());
      for (const c of [recovery, identified]) {
        const to = (await mailOf(idOf(c.id, 'victim_detained'))).to;
        expect(to.sort()).toEqual([own, decider, office].sort());
      }
      // A rule that is not about those decisions stays with the agency and the office.
      const screening = await detainedFor(49 * HOUR + 15 * 60_000);
      const screeningId = (await scan()).raised.find((r) => r.caseId === screening.id)!.id;
      expect((await mailOf(screeningId)).to.sort()).toEqual([own, office].sort());
    });
  });
  describe('review responses', () => {
    it('raises review_response_overdue once a response is late and resolves it with response_received', async () => {
      const from = new Date(Date.now() - 1000);
      const c = await declinedCase(t, w.officer);
      const run = await t
        .http()
        .post('/api/v1/sampling-runs')
        .set('authorization', w.commissioner.auth)
        .send({ from: from.toISOString(), to: new Date().toISOString(), rate: 1, negativeRate: 1, minPerStratum: 1 });
      expect(run.status).toBe(201);
      // The worker may have drawn the run first; either way it is drawn once.
      expect(['completed', 'skipped']).toContain(await t.app.get(SamplingRunner).execute(run.body.id as string));
      const reviews = await t
        .http()
        .get('/api/v1/reviews')
        .query({ runId: run.body.id as string })
        .set('authorization', w.commissioner.auth);
      // Rate 1 draws every record of the window, including those other tests of this file decided in it.
      const review = (reviews.body.items as { id: string; caseId: string }[]).find((r) => r.caseId === c.id);
      if (!review) throw new Error(`the run drew no review of case ${c.id}`);
      await reviewCommand(t, w.commissioner, review.id, 'assign', { reviewerId: w.reviewer.id });
      await reviewCommand(t, w.reviewer, review.id, 'conclude', CONCERN);
      expect((await scan()).raised.filter((r) => r.caseId === c.id)).toEqual([]);

      // Due an hour ago rather than in 28 days.
      await t.sql.query(`UPDATE reviews SET response_due_at = now() - interval '1 hour' WHERE id = $1`, [review.id]);
      const late = await scan();
      expect(rulesFor(late, c.id)).toEqual(['review_response_overdue']);
      const [alert] = await alertsOf(c.id);
      expect(alert).toMatchObject({
        rule: 'review_response_overdue',
        severity: 'high',
        status: 'open',
        subjectType: 'review',
        subjectId: review.id,
        thresholds: { reviewResponseDays: 28 },
      });
      expect(Math.abs(Date.parse(alert.since) - (Date.now() - HOUR))).toBeLessThan(60_000);
      expect(rulesFor(await scan(), c.id)).toEqual([]);

      await reviewCommand(t, w.supervisor, review.id, 'respond', {
        response: 'accept',
        text: 'We agree and will screen the person again.',
      });
      const answered = await scan();
      expect(answered.resolved).toContainEqual({
        id: alert.id,
        rule: 'review_response_overdue',
        reason: 'response_received',
      });
      expect((await alertsOf(c.id))[0]).toMatchObject({ status: 'resolved', resolvedReason: 'response_received' });
    });
  });
});

describe('the overdue scan at scale', () => {
  const db = useTestDatabase(2);

  interface PlanNode {
    'Node Type': string;
    'Relation Name'?: string;
    'Index Name'?: string;
    Plans?: PlanNode[];
  }
  const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

  it('reads open detentions through the partial index, not by scanning every episode or case', async () => {
    const [{ id: agencyId }] = (
      await db.sql.query<{ id: string }>(
        `INSERT INTO agencies (id, name, code, kind) VALUES (gen_random_uuid(), 'Scale', 'SCALE', 'frontline') RETURNING id`,
      )
    ).rows;
    await db.sql.query(
      `INSERT INTO cases (id, agency_id, external_ref, state, version, pseudonym, sex, is_child, encounter_at,
                          encounter_location, encounter_kind, state_entered_at, audit_seq, audit_hash, created_at, updated_at)
       SELECT gen_random_uuid(), $1, 'SC-' || g, 'screening', 1, 'P-' || g, 'female', false, now() - interval '60 days',
              'somewhere', 'inland', now() - interval '60 days', 1, '\\x00', now(), now()
         FROM generate_series(1, 20000) g`,
      [agencyId],
    );
    // Every case was detained once and released, except 100 that are detained now.
    await db.sql.query(
      `INSERT INTO detention_episodes (id, case_id, agency_id, detained_at, facility, legal_basis, detain_record_id,
                                       released_at, release_reason)
       SELECT gen_random_uuid(), c.id, c.agency_id, now() - interval '50 days', 'f', 'b', gen_random_uuid(),
              CASE WHEN c.n <= 100 THEN NULL ELSE now() - interval '40 days' END,
              CASE WHEN c.n <= 100 THEN NULL ELSE 'released' END
         FROM (SELECT id, agency_id, row_number() OVER (ORDER BY id) AS n FROM cases) c`,
    );
    // Half of them with the case row saying so (as every decision keeps it); the other half are read all the same.
    await db.sql.query(
      `UPDATE cases c SET detained_since = e.detained_at FROM detention_episodes e
        WHERE e.case_id = c.id AND e.released_at IS NULL AND c.external_ref < 'SC-5'`,
    );
    await db.sql.query('ANALYZE cases');
    await db.sql.query('ANALYZE detention_episodes');

    const query = OPEN_DETENTIONS_SQL;
    const { rows: read } = await db.sql.query<{ id: string }>(query);
    const { rows: open } = await db.sql.query<{ id: string }>(
      `SELECT id FROM detention_episodes WHERE released_at IS NULL`,
    );
    expect(read.map((r) => r.id).sort()).toEqual(open.map((r) => r.id).sort());
    expect(read).toHaveLength(100);
    const { rows } = await db.sql.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query}`);
    const plan = nodes(rows[0]['QUERY PLAN'][0].Plan);
    const shown = JSON.stringify(plan.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name']]));
    // Shown whole when it fails, so the plan can be read.
    expect({
      plan: shown,
      seqScans: plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']),
      openEpisodeIndex: plan.some((n) =>
        /^detention_episodes_(one_)?open(_agency|_cover)?(_idx)?$/.test(n['Index Name'] ?? ''),
      ),
    }).toEqual({ plan: shown, seqScans: [], openEpisodeIndex: true });
  });
});
