import { createWorld, type World } from '../factories/world.js';
import { scanNow } from '../factories/alerts.js';
import { caseBody, openCase } from '../factories/cases.js';
import { screenshot, seriousAccessibilityViolations } from '../support/browser.js';
import { ConsoleBrowser, openInPage, type ConsoleUser } from '../support/console-browser.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';

/** The pages e-mails link to: the set-password link of a new account or a reset, and one alert. */
describe('the console pages e-mails link to, in Chromium', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let w: World;
  let chromium: ConsoleBrowser;
  let alertId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld(t);
    chromium = await ConsoleBrowser.start(t);
    // A person detained 49 hours unscreened: one open screening_overdue alert of the own agency.
    await openCase(t, w.officer, {
      ...caseBody(),
      detention: {
        at: new Date(Date.now() - 49 * 3_600_000).toISOString(),
        facility: 'Holding centre',
        legalBasis: 'Aliens Act s. 62',
      },
    });
    await scanNow(t, w.commissioner);
    const alerts = await t.http().get('/api/v1/alerts').set('authorization', w.commissioner.auth);
    alertId = (alerts.body.items as { id: string }[])[0].id;
  });

  afterAll(async () => {
    await chromium?.close();
    await t?.close();
    await smtp?.close();
  });

  /** The set-password link of the latest message to `to`, as the e-mail has it (quoted-printable undone). */
  async function linkMailedTo(to: string, count: number): Promise<string> {
    const mails = (): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(to));
    await waitUntil(`${count} e-mail(s) to ${to}`, () => mails().length >= count);
    const body = mails()
      [count - 1].raw.replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    const m = /https?:\/\/[^\s"<>]+\/console\/set-password#token=[A-Za-z0-9_-]{43}/.exec(body);
    if (!m) throw new Error(`no set-password link in: ${body}`);
    return m[0];
  }

  /** Opens the e-mailed link on the test app's address (the e-mail names PUBLIC_BASE_URL). */
  const onTestApp = (link: string) => `${chromium.base}${new URL(link).pathname}${new URL(link).hash}`;

  it('a new reviewer sets a password from the e-mailed link with the keyboard, then signs in with it', async () => {
    const email = `new-reviewer-${process.pid}@oversight.test`;
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', w.admin.auth)
      .send({ email, role: 'reviewer', agencyId: w.agencies.office.id });
    expect(created.status).toBe(201);
    const link = await linkMailedTo(email, 1);

    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(onTestApp(link));
    await page.getByRole('heading', { name: 'Set your password' }).waitFor();
    // The token leaves the address bar (and the history) as soon as the page has read it.
    expect(page.url()).toBe(`${chromium.base}/console/set-password`);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'set-password');

    const password = 'a-long-new-password-1';
    await page.keyboard.type(password);
    await page.keyboard.press('Tab'); // the field's show-password button
    await page.keyboard.press('Tab');
    await page.keyboard.type('a different one, typed wrong');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'The two passwords differ.' }).waitFor();
    await page.getByLabel('The same again').fill(password);
    await page.getByLabel('The same again').press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your password is set.' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in to Oversight' }).waitFor();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    // The link works once: opened again, the API's refusal is shown and nothing changes.
    await page.goto(onTestApp(link));
    await page.getByLabel('New password').fill('yet-another-password-2');
    await page.getByLabel('The same again').fill('yet-another-password-2');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('alert').filter({ hasText: /token/ }).waitFor();
    const login = await t.http().post('/api/v1/auth/login').send({ email, password });
    expect(login.status).toBe(200);
    await context.close();
  });

  it('a staff member who forgot the password asks for a link from the sign-in page; any address gets the same answer', async () => {
    const email = (w.reviewer as ConsoleUser).email;
    const before = smtp.received.filter((m) => m.to.includes(email)).length;
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${chromium.base}/console/`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    const answer = page.getByRole('status').filter({ hasText: 'If the address belongs to an account' });
    await answer.waitFor();
    const link = await linkMailedTo(email, before + 1);
    expect(link).toContain('/console/set-password#token=');

    // An unknown address: the very same answer, and no e-mail.
    await page.goto(`${chromium.base}/console/forgot-password`);
    await page.getByLabel('E-mail').fill(`nobody-${process.pid}@oversight.test`);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await answer.waitFor();
    expect(smtp.received.filter((m) => m.to.includes('nobody-')).length).toBe(0);
    await context.close();
  });

  it('an alert e-mail’s console link opens the alert for whoever may read it, and nothing of it for others', async () => {
    const { context, page } = await chromium.signedIn(w.supervisor as ConsoleUser);
    // By address, as from the e-mail: a full page load, the session restored from the refresh cookie.
    await page.goto(`${chromium.base}/console/alerts/${alertId}`);
    await page.getByRole('heading', { name: 'Alert' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: /Screening/i });
    await card.waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'alert');
    await card.getByRole('link', { name: 'Open the case' }).waitFor();
    await context.close();

    const other = await chromium.signedIn(w.otherSupervisor as ConsoleUser);
    await openInPage(other.page, `/console/alerts/${alertId}`);
    await other.page
      .getByRole('alert')
      .filter({ hasText: /not found|refused/i })
      .waitFor();
    await expect(other.page.getByText(/Screening/i).count()).resolves.toBe(0);
    await other.context.close();
  });
});
