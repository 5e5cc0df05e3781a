import { randomBytes } from 'node:crypto';
import { scanNow, type ScanAnswer } from '../factories/alerts.js';
import {
  dateIn,
  issueRecommendation,
  recommendationAction,
  type RecommendationBody,
} from '../factories/recommendations.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { decodeHeader, parseMail } from '../support/mime.js';
import { expectProblem } from '../support/problems.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import { startSmtpProbe, type SmtpProbe } from '../support/smtp-probe.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sleep, waitUntil, withTimeout } from '../support/wait.js';
import { buildWorker, killWorkerProcesses, startWorkerProcess, type WorkerBuild } from '../support/worker-process.js';

/** Never during a test: scans run when the test asks. */
const NO_SCHEDULED_SCAN = '0 0 1 1 *';
const NOTE = 'The circular has not reached the northern border posts yet.';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/** Account e-mails (set-password links, notices) are sent when the world is made: alert mails only. */
const alertMails = (received: ReceivedMail[]) => received.filter((m) => m.messageId?.startsWith('<alert-'));

/**
 * Time travel without sleeping: issued as long ago as makes its response an hour overdue (issue and due instant move
 * back together). Returns the new instants.
 */
async function responseDueAnHourAgo(t: TestApp, r: RecommendationBody): Promise<{ issuedAt: string; due: string }> {
  const { rows } = await t.sql.query<{ issued: Date; due: Date }>(
    `UPDATE recommendations SET issued_at = issued_at - (response_due_at - now() + interval '1 hour'),
                                response_due_at = now() - interval '1 hour'
      WHERE id = $1 RETURNING issued_at AS issued, response_due_at AS due`,
    [r.id],
  );
  return { issuedAt: rows[0].issued.toISOString(), due: rows[0].due.toISOString() };
}

/** Time travel: the target date was `days` ago (UTC). Returns it. */
async function targetDateDaysAgo(t: TestApp, id: string, days = 1): Promise<string> {
  const { rows } = await t.sql.query<{ target_date: string }>(
    `UPDATE recommendations SET target_date = (now() AT TIME ZONE 'UTC')::date - $2::int WHERE id = $1
     RETURNING target_date::text`,
    [id, days],
  );
  return rows[0].target_date;
}

/** The alert of a rule about a recommendation (and target date), as the commissioner reads it. */
async function alertAbout(t: TestApp, w: World, rule: string, r: { id: string }, key = ''): Promise<Body> {
  const { rows } = await t.sql.query<{ id: string }>(
    `SELECT id FROM alerts WHERE rule = $1 AND subject_id = $2 AND subject_key = $3`,
    [rule, r.id, key],
  );
  expect(rows).toHaveLength(1);
  const res = await t.http().get(`/api/v1/alerts/${rows[0].id}`).set('authorization', w.commissioner.auth);
  expect(res.status).toBe(200);
  return res.body as Body;
}

describe('recommendation alerts (SPEC §12 clocks)', () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      workers: true,
      env: { SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '1', OVERDUE_SCAN_CRON: NO_SCHEDULED_SCAN },
    });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const office = () => t.config.alerts.commissionerEmail;
  const listed = async (who: Session, ids: string[]) => {
    const res = await t.http().get('/api/v1/alerts?limit=200').set('authorization', who.auth);
    expect(res.status).toBe(200);
    return (res.body.items as Body[]).map((a) => a.id as string).filter((id) => ids.includes(id));
  };
  const acknowledge = (id: string, by: Session) =>
    t.http().post(`/api/v1/alerts/${id}/acknowledge`).set('authorization', by.auth).send({ note: 'Seen.' });

  it('raises each clock once, e-mails the addressed agency and the office once, and shows it to the addressee only', async () => {
    const { own, authority } = w.agencies;
    const late = await issueRecommendation(t, w.commissioner, own.id);
    const urgent = await issueRecommendation(t, w.commissioner, authority.id, { priority: 'urgent' });
    const toAccept = await issueRecommendation(t, w.commissioner, own.id);
    const committed = await recommendationAction(t, w.supervisor, toAccept.id, 'respond', {
      expectedVersion: toAccept.version,
      response: 'accepted',
      targetDate: dateIn(30),
    });
    const notDue = await issueRecommendation(t, w.commissioner, own.id);
    const lateDue = await responseDueAnHourAgo(t, late);
    const urgentIssued = (await responseDueAnHourAgo(t, urgent)).issuedAt;
    const missedDate = await targetDateDaysAgo(t, committed.id);

    const mailsBefore = alertMails(smtp.received).length;
    const first = await scanNow(t, w.commissioner);
    const raised = first.raised.filter((a) => a.rule.startsWith('recommendation_'));
    expect(raised).toHaveLength(3);
    expect((await scanNow(t, w.commissioner)).raised).toEqual([]);

    const lateAlert = await alertAbout(t, w, 'recommendation_response_overdue', late);
    const urgentAlert = await alertAbout(t, w, 'recommendation_response_overdue', urgent);
    const missedAlert = await alertAbout(t, w, 'recommendation_target_missed', committed, missedDate);
    expect(raised.map((a) => a.id).sort()).toEqual([lateAlert.id, urgentAlert.id, missedAlert.id].sort());
    expect(lateAlert).toMatchObject({
      severity: 'high',
      status: 'open',
      subjectType: 'recommendation',
      subjectId: late.id,
      caseId: null,
      agencyId: own.id,
      since: lateDue.due,
      thresholds: { responseDays: 28 },
    });
    expect(urgentAlert).toMatchObject({
      severity: 'critical',
      agencyId: authority.id,
      thresholds: { responseDays: 7 },
    });
    expect(missedAlert).toMatchObject({
      severity: 'high',
      agencyId: own.id,
      caseId: null,
      since: new Date(Date.parse(`${missedDate}T00:00:00Z`) + 86_400_000).toISOString(),
    });
    const quiet = await t.sql.query(`SELECT 1 FROM alerts WHERE subject_id = $1`, [notDue.id]);
    expect(quiet.rows).toEqual([]);

    // One message per alert, to the addressed agency's alert address and the office, and nothing more.
    await waitUntil('three alert e-mails', () => alertMails(smtp.received).length >= mailsBefore + 3);
    await sleep(1_500);
    const mails = alertMails(smtp.received).slice(mailsBefore);
    expect(mails.map((m) => m.messageId).sort()).toEqual(
      [lateAlert.id, urgentAlert.id, missedAlert.id].map((id) => `<alert-${id}-raised@oversight.invalid>`).sort(),
    );
    const mailOf = (id: string) => mails.find((m) => m.messageId === `<alert-${id}-raised@oversight.invalid>`)!;
    expect(mailOf(lateAlert.id).to.sort()).toEqual([own.alertEmail, office()].sort());
    expect(mailOf(missedAlert.id).to.sort()).toEqual([own.alertEmail, office()].sort());
    expect(mailOf(urgentAlert.id).to.sort()).toEqual([authority.alertEmail, office()].sort());
    expect(decodeHeader(parseMail(mailOf(urgentAlert.id).raw).headers.subject)).toBe(
      `[CRITICAL] Response to a recommendation overdue — recommendation on identification of ${urgentIssued.slice(0, 10)} ` +
        `(${authority.name})`,
    );
    const missedMail = parseMail(mailOf(missedAlert.id).raw);
    expect(decodeHeader(missedMail.headers.subject)).toMatch(
      /^\[HIGH\] Target date of an accepted recommendation missed/,
    );
    const text = missedMail.leaves.find((l) => l.contentType === 'text/plain')?.body ?? '';
    expect(text).toContain(`Target date: ${missedDate}`);
    expect(text).toContain(
      `Recommendation in the API: ${t.config.http.publicBaseUrl}/api/v1/recommendations/${committed.id}`,
    );
    expect(text).not.toContain(committed.text);

    // The addressed agency reads its alerts; no other agency learns of them.
    const ids = [lateAlert.id, urgentAlert.id, missedAlert.id];
    expect((await listed(w.commissioner, ids)).sort()).toEqual([...ids].sort());
    for (const who of [w.supervisor, w.officer, w.apiKey]) {
      expect((await listed(who, ids)).sort()).toEqual([lateAlert.id, missedAlert.id].sort());
    }
    expect(await listed(w.decisionMaker, ids)).toEqual([urgentAlert.id]);
    expect(await listed(w.otherSupervisor, ids)).toEqual([]);
    expectProblem(await t.http().get(`/api/v1/alerts/${urgentAlert.id}`).set('authorization', w.supervisor.auth), 404);
    expectProblem(await t.http().get(`/api/v1/alerts/${lateAlert.id}`).set('authorization', w.decisionMaker.auth), 404);
    expectProblem(await acknowledge(lateAlert.id, w.otherSupervisor), 404);
    expectProblem(await acknowledge(urgentAlert.id, w.supervisor), 404);
    // Reading is not acknowledging: the addressee (supervisor; a competent authority's decision maker) does that.
    expectProblem(await acknowledge(lateAlert.id, w.officer), 403);
    expect((await acknowledge(lateAlert.id, w.supervisor)).body).toMatchObject({ status: 'acknowledged' });
    expect((await acknowledge(urgentAlert.id, w.decisionMaker)).body).toMatchObject({ status: 'acknowledged' });
  });

  it('resolves each clock in the transaction of the action that ends it, audited, and raises a new date anew', async () => {
    const { own, authority } = w.agencies;
    const late = await issueRecommendation(t, w.commissioner, own.id);
    const urgent = await issueRecommendation(t, w.commissioner, authority.id, { priority: 'urgent' });
    let kept = await issueRecommendation(t, w.commissioner, own.id);
    kept = await recommendationAction(t, w.supervisor, kept.id, 'respond', {
      expectedVersion: kept.version,
      response: 'partially_accepted',
      targetDate: dateIn(20),
      reason: 'Training yes; the new forms need a change of regulation.',
    });
    await responseDueAnHourAgo(t, late);
    await responseDueAnHourAgo(t, urgent);
    const firstDate = await targetDateDaysAgo(t, kept.id, 2);
    await scanNow(t, w.commissioner);
    const lateAlert = await alertAbout(t, w, 'recommendation_response_overdue', late);
    const urgentAlert = await alertAbout(t, w, 'recommendation_response_overdue', urgent);
    const firstMissed = await alertAbout(t, w, 'recommendation_target_missed', kept, firstDate);

    // No scan in between: the action's own transaction resolves the alert.
    await recommendationAction(t, w.supervisor, late.id, 'respond', {
      expectedVersion: late.version,
      response: 'accepted',
      targetDate: dateIn(60),
    });
    expect(await alertAbout(t, w, 'recommendation_response_overdue', late)).toMatchObject({
      status: 'resolved',
      resolvedReason: 'response_received',
    });
    await recommendationAction(t, w.decisionMaker, urgent.id, 'respond', {
      expectedVersion: urgent.version,
      response: 'rejected',
      reason: 'The authority has no power to change the border procedure.',
    });
    expect(await alertAbout(t, w, 'recommendation_response_overdue', urgent)).toMatchObject({
      status: 'resolved',
      resolvedReason: 'response_received',
    });
    // A progress note leaves a missed target missed; a claim of implementation ends it.
    kept = await recommendationAction(t, w.supervisor, kept.id, 'progress', {
      expectedVersion: kept.version,
      status: 'in_progress',
      note: 'Half of the posts trained.',
    });
    expect(await alertAbout(t, w, 'recommendation_target_missed', kept, firstDate)).toMatchObject({ status: 'open' });
    kept = await recommendationAction(t, w.supervisor, kept.id, 'progress', {
      expectedVersion: kept.version,
      status: 'implemented',
      note: 'All posts trained.',
      evidence: 'Training register 2026/14',
    });
    expect(await alertAbout(t, w, 'recommendation_target_missed', kept, firstDate)).toMatchObject({
      status: 'resolved',
      resolvedReason: 'implementation_claimed',
    });
    const resolvedBy = async (alertId: string) => {
      const { rows } = await t.sql.query<{ actor_id: string }>(
        `SELECT actor_id FROM audit_events WHERE chain_id = $1 AND action = 'alert.resolved'`,
        [`alert:${alertId}`],
      );
      return rows.map((r) => r.actor_id);
    };
    expect(await resolvedBy(lateAlert.id)).toEqual([w.supervisor.id]);
    expect(await resolvedBy(urgentAlert.id)).toEqual([w.decisionMaker.id]);
    expect(await resolvedBy(firstMissed.id)).toEqual([w.supervisor.id]);
    expect((await scanNow(t, w.commissioner)).resolved.filter((r) => r.rule.startsWith('recommendation_'))).toEqual([]);

    // Not verified, with a new target date: missing that one is a new alert, e-mailed once more.
    kept = await recommendationAction(t, w.commissioner, kept.id, 'verify', {
      expectedVersion: kept.version,
      outcome: 'not_verified',
      note: NOTE,
      targetDate: dateIn(10),
    });
    expect((await scanNow(t, w.commissioner)).raised.filter((a) => a.rule.startsWith('recommendation_'))).toEqual([]);
    const newDate = await targetDateDaysAgo(t, kept.id, 1);
    // Every earlier e-mail out first (a scan's e-mails go out in turn, so the last may still be on its way).
    await waitUntil('every earlier alert e-mail sent', async () => {
      const { rows } = await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alert_notifications WHERE status <> 'sent'`,
      );
      return rows[0].n === 0;
    });
    const before = alertMails(smtp.received).length;
    const again = await scanNow(t, w.commissioner);
    const secondMissed = await alertAbout(t, w, 'recommendation_target_missed', kept, newDate);
    expect(again.raised.map((a) => a.id)).toEqual([secondMissed.id]);
    expect(secondMissed.id).not.toBe(firstMissed.id);
    await waitUntil('the new alert e-mail', () =>
      alertMails(smtp.received).some((m) => m.messageId === `<alert-${secondMissed.id}-raised@oversight.invalid>`),
    );
    await sleep(1_200);
    expect(
      alertMails(smtp.received)
        .slice(before)
        .map((m) => m.messageId),
    ).toEqual([`<alert-${secondMissed.id}-raised@oversight.invalid>`]);

    // Withdrawing ends it too.
    await recommendationAction(t, w.commissioner, kept.id, 'withdraw', {
      expectedVersion: kept.version,
      reason: 'Superseded by the 2027 programme.',
    });
    expect(await alertAbout(t, w, 'recommendation_target_missed', kept, newDate)).toMatchObject({
      status: 'resolved',
      resolvedReason: 'recommendation_withdrawn',
    });
  });

  it('resolves at the next scan a clock that ended without an action (and says why)', async () => {
    let r = await issueRecommendation(t, w.commissioner, w.agencies.own.id);
    r = await recommendationAction(t, w.supervisor, r.id, 'respond', {
      expectedVersion: r.version,
      response: 'accepted',
      targetDate: dateIn(30),
    });
    const date = await targetDateDaysAgo(t, r.id);
    await scanNow(t, w.commissioner);
    const alert = await alertAbout(t, w, 'recommendation_target_missed', r, date);
    // Moved on behind the API's back (as a superuser could): only the scan can notice.
    await t.sql.query(`UPDATE recommendations SET target_date = target_date + 60 WHERE id = $1`, [r.id]);
    const scan: ScanAnswer = await scanNow(t, w.commissioner);
    expect(scan.resolved).toEqual([
      { id: alert.id, rule: 'recommendation_target_missed', reason: 'target_date_changed' },
    ]);
    expect(scan.raised.filter((a) => a.rule.startsWith('recommendation_'))).toEqual([]);
  });
});

/** Secrets and queue prefix shared by every process of one scenario (API in jest, workers as children). */
function scenarioEnv(extra: Record<string, string>): Record<string, string> {
  return {
    QUEUE_PREFIX: `t-rec-alerts-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(48).toString('base64'),
    PII_ENCRYPTION_KEYS: `test1:${randomBytes(32).toString('base64')}`,
    AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    ...extra,
  };
}

describe('recommendation alerts with a worker killed between raising and sending', () => {
  let build: WorkerBuild | undefined;
  let smtp: SmtpProbe;
  let t: TestApp;
  let w: World;
  let env: Record<string, string>;

  beforeAll(async () => {
    build = await buildWorker();
    smtp = await startSmtpProbe();
    env = scenarioEnv({
      SMTP_URL: smtp.url,
      OVERDUE_SCAN_CRON: NO_SCHEDULED_SCAN,
      OUTBOX_SWEEP_SECONDS: '1',
      MAIL_CLAIM_SECONDS: '2',
      MAIL_BACKOFF_MS: '300',
      MAIL_MAX_ATTEMPTS: '3',
    });
    // The API without workers: e-mails wait in the outbox until a worker process takes them.
    t = await startTestApp({ workers: false, env });
    w = await createWorld(t);
  });
  afterAll(async () => {
    for (const step of [() => killWorkerProcesses(), () => t?.close(), () => smtp?.close(), () => build?.remove()]) {
      await withTimeout('cleanup step', Promise.resolve(step()), 20_000).catch(() => undefined);
    }
  });

  it('sends each alert exactly once to the agency and the office', async () => {
    const rs = [
      await issueRecommendation(t, w.commissioner, w.agencies.own.id),
      await issueRecommendation(t, w.commissioner, w.agencies.authority.id, { priority: 'urgent' }),
    ];
    for (const r of rs) await responseDueAnHourAgo(t, r);
    const scan = await scanNow(t, w.commissioner);
    const raised = scan.raised.filter((a) => a.rule === 'recommendation_response_overdue');
    expect(raised).toHaveLength(2);
    const messageIds = raised.map((a) => `<alert-${a.id}-raised@oversight.invalid>`).sort();
    // Raised and committed, not sent: no worker runs.
    const pending = await t.sql.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM alert_notifications WHERE alert_id = ANY($1)`,
      [raised.map((a) => a.id)],
    );
    expect(pending.rows).toEqual([
      { status: 'pending', attempts: 0 },
      { status: 'pending', attempts: 0 },
    ]);

    // A worker takes them and dies (SIGKILL) while the SMTP server holds its reply: nothing was accepted.
    smtp.reset();
    smtp.holdReplies(3_000);
    const doomed = await startWorkerProcess(build!.entry, t.database, env);
    await smtp.waitForBodies(1);
    expect(await doomed.kill('SIGKILL')).toBe('SIGKILL');
    smtp.holdReplies(0);
    expect(smtp.received).toEqual([]);

    await startWorkerProcess(build!.entry, t.database, env);
    await smtp.waitFor(2, 15_000);
    await sleep(2_500); // two sweeps and a lease: no second delivery
    const delivered = smtp.received.filter((m) => m.messageId?.startsWith('<alert-'));
    expect(delivered.map((m) => m.messageId).sort()).toEqual(messageIds);
    const recipients = (agencyEmail: string | null) => [agencyEmail, t.config.alerts.commissionerEmail].sort();
    const byId = new Map(delivered.map((m) => [m.messageId, m.to.sort()]));
    const [own, authority] = rs.map((r) => raised.find((a) => a.agencyId === r.agencyId)!);
    expect(byId.get(`<alert-${own.id}-raised@oversight.invalid>`)).toEqual(recipients(w.agencies.own.alertEmail));
    expect(byId.get(`<alert-${authority.id}-raised@oversight.invalid>`)).toEqual(
      recipients(w.agencies.authority.alertEmail),
    );
    const sent = await t.sql.query<{ status: string }>(
      `SELECT status FROM alert_notifications WHERE alert_id = ANY($1)`,
      [raised.map((a) => a.id)],
    );
    expect(sent.rows).toEqual([{ status: 'sent' }, { status: 'sent' }]);
  });
});
