import { openOverdueDetention, scanNow } from '../factories/alerts.js';
import { caseBody } from '../factories/cases.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
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

describe('acknowledging an alert', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  /** A fresh open screening_overdue alert of the own agency. */
  async function openAlert(): Promise<string> {
    const opened = await openOverdueDetention(t, w.officer);
    const scan = await scanNow(t, w.commissioner);
    const alert = scan.raised.find((a) => a.caseId === opened.id);
    if (!alert) throw new Error(`no alert raised for ${opened.id}: ${JSON.stringify(scan.raised)}`);
    return alert.id;
  }

  const acknowledge = (id: string, body?: unknown) => {
    const req = t.http().post(`/api/v1/alerts/${id}/acknowledge`).set('authorization', w.supervisor.auth);
    return body === undefined ? req : req.send(body as object);
  };

  async function stored(id: string): Promise<{ status: string; note: string | null; audited: unknown[] }> {
    const { rows } = await t.sql.query<{ status: string; note: string | null }>(
      'SELECT status, acknowledged_note AS note FROM alerts WHERE id = $1',
      [id],
    );
    const audit = await t.sql.query<{ payload: unknown }>(
      `SELECT payload FROM audit_events WHERE action = 'alert.acknowledged' AND subject_id = $1`,
      [id],
    );
    return { ...rows[0], audited: audit.rows.map((r) => r.payload) };
  }

  it('stores a note, trimmed, shows it on the alert and puts it in the audit event', async () => {
    const id = await openAlert();
    const res = await acknowledge(id, { note: '  Called the facility; screening interview booked for 14:00.  ' });
    expect(res.status).toBe(200);
    const note = 'Called the facility; screening interview booked for 14:00.';
    expect(res.body).toMatchObject({ id, status: 'acknowledged', acknowledgedBy: w.supervisor.id, note });
    expect(await stored(id)).toEqual({ status: 'acknowledged', note, audited: [{ note }] });
    const listed = await t.http().get(`/api/v1/alerts?status=acknowledged`).set('authorization', w.commissioner.auth);
    expect(listed.body.items.find((a: { id: string }) => a.id === id)).toMatchObject({ note });
  });

  it('documents the note in the OpenAPI document, on the request and on the alert', async () => {
    const doc = await t.http().get('/docs/openapi.json');
    const { schemas } = doc.body.components;
    const op = doc.body.paths['/api/v1/alerts/{id}/acknowledge'].post;
    const body = schemas[op.requestBody.content['application/json'].schema.$ref.split('/').pop()];
    expect(body.properties).toEqual({ note: expect.objectContaining({ type: 'string', maxLength: 2000 }) });
    expect(body.required ?? []).toEqual([]);
    expect(schemas.AlertResponse.properties.note).toMatchObject({ type: 'string', nullable: true });
  });

  it('still acknowledges without a body or with an empty one (note null, nothing in the audit payload)', async () => {
    for (const body of [undefined, {}]) {
      const id = await openAlert();
      const res = await acknowledge(id, body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'acknowledged', note: null });
      expect(await stored(id)).toEqual({ status: 'acknowledged', note: null, audited: [{}] });
    }
  });

  it.each([
    ['an unknown field', { comment: 'Seen' }, 'comment'],
    [
      'an unknown field beside a note',
      { note: 'Seen', acknowledgedBy: '0190d0a0-0000-7000-8000-000000000000' },
      'acknowledgedBy',
    ],
    ['a blank note', { note: '   ' }, 'note'],
    ['a note over 2,000 characters', { note: 'x'.repeat(2001) }, 'note'],
    ['a note that is not text', { note: 42 }, 'note'],
  ])('refuses %s with 400 naming it, and leaves the alert open', async (_what, body, field) => {
    const id = await openAlert();
    const problem = expectProblem(await acknowledge(id, body), 400);
    expect(problem.errors).toEqual([{ field, message: expect.any(String) }]);
    expect(await stored(id)).toEqual({ status: 'open', note: null, audited: [] });
  });
});
