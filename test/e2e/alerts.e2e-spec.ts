import { caseBody } from '../factories/cases.js';
import { createWorld, type World } from '../factories/world.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';

const HOUR = 3_600_000;

describe('overdue-detention alerts', () => {
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

  it('raises screening_overdue for a person detained 49 hours unscreened and e-mails it once', async () => {
    const at = new Date(Date.now() - 49 * HOUR).toISOString();
    const opened = await t
      .http()
      .post('/api/v1/cases')
      .set('authorization', w.officer.auth)
      .send(caseBody({ detention: { at, facility: 'Holding centre N', legalBasis: 'Aliens Act s. 62' } }));
    expect(opened.status).toBe(201);
    const scan = await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', w.commissioner.auth);
    expect(scan.status).toBe(200);
    expect(scan.body.raised).toEqual([expect.objectContaining({ rule: 'screening_overdue', caseId: opened.body.id })]);
    const again = await t.http().post('/api/v1/jobs/overdue-scan').set('authorization', w.commissioner.auth);
    expect(again.body.raised).toEqual([]);
    // The world's accounts and key were mailed too (set-password links, notices to the office): alerts only here.
    const alertMails = () => smtp.received.filter((m) => m.messageId?.startsWith('<alert-'));
    await waitUntil('the alert e-mail', () => alertMails().length >= 1);
    const mails = alertMails();
    expect(mails).toHaveLength(1);
    expect(mails[0].to.sort()).toEqual([w.agencies.own.alertEmail, t.config.alerts.commissionerEmail].sort());
    expect(mails[0].raw).toContain(opened.body.externalRef);
    expect(mails[0].raw).not.toContain('Srey Mom');
    const list = await t.http().get('/api/v1/alerts').set('authorization', w.officer.auth);
    expect(list.body.items[0]).toMatchObject({ rule: 'screening_overdue', status: 'open' });
  });
});
