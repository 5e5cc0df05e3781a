import { createPlace } from '../factories/places.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sleep, waitUntil } from '../support/wait.js';

const DAY = 86_400_000;
const dayAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/** The visit clocks (SPEC §11, §12) through the alert outbox, with a real SMTP server. */
describe('visit alerts', () => {
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
  const visit = async (placeId: string, day: string) => {
    const res = await t.http().post('/api/v1/visits').set('authorization', w.commissioner.auth).send({ placeId, day });
    expect(res.status).toBe(201);
    return res.body as Body;
  };

  it('raises visit_overdue and visit_report_overdue once, e-mails only the office, and never shows them to the agency', async () => {
    const place = await createPlace(t, w.commissioner, w.agencies.own.id, { name: 'Quay holding room' });
    const late = await visit(place.id, dayAgo(10));
    const unreported = await visit(place.id, dayAgo(40));
    const started = await t
      .http()
      .post(`/api/v1/visits/${unreported.id}/start`)
      .set('authorization', w.commissioner.auth)
      .send({ expectedVersion: 0 });
    expect(started.status).toBe(200);
    await t.sql.query(`UPDATE visits SET started_at = now() - interval '30 days' WHERE id = $1`, [unreported.id]);
    const onTime = await visit(place.id, dayAgo(3));

    const first = await scan();
    const visitAlerts = first.raised.filter((a) => a.rule.startsWith('visit_'));
    expect(visitAlerts.map((a) => [a.rule, a.caseId]).sort()).toEqual([
      ['visit_overdue', null],
      ['visit_report_overdue', null],
    ]);
    expect((await scan()).raised).toEqual([]);

    // The world's accounts were mailed too (set-password links, notices to the office): alert mails only.
    const alertMails = () => smtp.received.filter((m) => m.messageId?.startsWith('<alert-'));
    await waitUntil('two alert e-mails', () => alertMails().length >= 2);
    const mails = alertMails();
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.to).toEqual([t.config.alerts.commissionerEmail]);
      // Quoted-printable soft line breaks undone, so the text reads as sent.
      const text = m.raw.replace(/=\r?\n/g, '');
      expect(text).toContain('Visit: Quay holding room');
      expect(text).toMatch(/\/api\/v1\/visits\/[0-9a-f-]{36}/);
    }
    // Nothing more arrives: one e-mail per alert.
    await sleep(1_500);
    expect(alertMails()).toHaveLength(2);

    const list = async (who: typeof w.supervisor) =>
      ((await t.http().get('/api/v1/alerts?limit=200').set('authorization', who.auth)).body.items as Body[]).map(
        (a) => a.id,
      );
    const ids = visitAlerts.map((a) => a.id as string);
    expect(await list(w.commissioner)).toEqual(expect.arrayContaining(ids));
    for (const who of [w.supervisor, w.officer, w.apiKey]) {
      expect((await list(who)).filter((id) => ids.includes(id))).toEqual([]);
    }
    const ack = await t
      .http()
      .post(`/api/v1/alerts/${ids[0]}/acknowledge`)
      .set('authorization', w.supervisor.auth)
      .send({ note: 'seen' });
    expectProblem(ack, 404);
    // The visit still within its grace days has no alert (the scan's answer names alerts, not their subjects).
    const onTimeAlerts = await t.sql.query('SELECT id FROM alerts WHERE subject_id = $1', [onTime.id]);
    expect(onTimeAlerts.rows).toEqual([]);

    // Starting the late visit ends its clock.
    const go = await t
      .http()
      .post(`/api/v1/visits/${late.id}/start`)
      .set('authorization', w.commissioner.auth)
      .send({ expectedVersion: 0 });
    expect(go.status).toBe(200);
    const after = await scan();
    const lateAlert = visitAlerts.find((a) => a.rule === 'visit_overdue')!;
    expect(after.resolved).toEqual([{ id: lateAlert.id, rule: 'visit_overdue', reason: 'condition_no_longer_holds' }]);
  });
});
