import { COMPLAINANT_PII, COMPLAINT_SUMMARY, recordComplaint, triageComplaint } from '../factories/complaints.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { everythingVisibleTo } from '../support/visible-routes.js';
import { sleep, waitUntil } from '../support/wait.js';

const DAY = 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/** The complaint clock (SPEC §12, §13) through the alert outbox, with a real SMTP server. */
describe('complaint alerts', () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ workers: true, env: { SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '1' } });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const scan = async () => {
    const res = await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', w.commissioner.auth);
    expect(res.status).toBe(200);
    return res.body as { raised: Body[]; resolved: Body[] };
  };
  const alert = (who: Session, id: string) => t.http().get(`/api/v1/alerts/${id}`).set('authorization', who.auth);

  it(
    'raises complaint_triage_overdue once after COMPLAINT_TRIAGE_WORKING_DAYS, e-mails the office only, shows ' +
      'agencies nothing, and the triage resolves it',
    async () => {
      const agencies: [string, Session][] = Object.entries({
        officer: w.officer,
        supervisor: w.supervisor,
        apiKey: w.apiKey,
        decisionMaker: w.decisionMaker,
        otherSupervisor: w.otherSupervisor,
      });
      const before = new Map<string, unknown>();
      for (const [name, who] of agencies) before.set(name, await everythingVisibleTo(t, who));

      // Twenty calendar days always hold at least ten working days; a complaint received today is not late.
      const late = await recordComplaint(t, w.reviewer, [w.agencies.own.id, w.agencies.authority.id], {
        receivedAt: new Date(Date.now() - 20 * DAY).toISOString(),
      });
      const fresh = await recordComplaint(t, w.reviewer, [w.agencies.own.id]);
      expect(Date.parse(late.triageDueAt as string)).toBeLessThan(Date.now());
      expect(Date.parse(fresh.triageDueAt as string)).toBeGreaterThan(Date.now());

      const first = await scan();
      expect(first.raised).toEqual([
        { id: expect.any(String), rule: 'complaint_triage_overdue', caseId: null, agencyId: w.agencies.own.id },
      ]);
      const alertId = first.raised[0].id as string;
      expect((await scan()).raised).toEqual([]);
      const seen = await alert(w.commissioner, alertId);
      expect(seen.body).toMatchObject({
        rule: 'complaint_triage_overdue',
        severity: 'high',
        status: 'open',
        subjectType: 'complaint',
        subjectId: late.id,
        caseId: null,
        since: late.triageDueAt,
        thresholds: { complaintTriageWorkingDays: 10 },
      });

      const alertMails = () => smtp.received.filter((m) => m.messageId?.startsWith('<alert-'));
      await waitUntil('the alert e-mail', () => alertMails().length >= 1);
      const [mail] = alertMails();
      expect(mail.to).toEqual([t.config.alerts.commissionerEmail]);
      const text = mail.raw.replace(/=\r?\n/g, '');
      expect(text).toContain(`/api/v1/complaints/${late.id}`);
      for (const secret of [COMPLAINT_SUMMARY, ...Object.values(COMPLAINANT_PII)]) expect(text).not.toContain(secret);
      await sleep(1_500);
      expect(alertMails()).toHaveLength(1);

      // Nothing an agency can read, count or acknowledge moved.
      for (const [name, who] of agencies) {
        expect([name, await everythingVisibleTo(t, who)]).toEqual([name, before.get(name)]);
        expect([name, (await alert(who, alertId)).status]).toEqual([name, 404]);
        const ack = await t
          .http()
          .post(`/api/v1/alerts/${alertId}/acknowledge`)
          .set('authorization', who.auth)
          .send({ note: 'seen' });
        expect([name, ack.status]).toEqual([name, 404]);
      }
      expectProblem(await alert(w.supervisor, alertId), 404);

      // The triage ends the clock in its own transaction.
      await triageComplaint(t, w.commissioner, late.id, {
        expectedVersion: 1,
        outcome: 'no_action',
        reason: 'The agency had already released the person.',
      });
      expect((await alert(w.commissioner, alertId)).body).toMatchObject({
        status: 'resolved',
        resolvedReason: 'complaint_triaged',
      });
      expect((await scan()).resolved).toEqual([]);
    },
    60_000,
  );
});
