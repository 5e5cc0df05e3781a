import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Session } from '../factories/session.js';
import { ensureConsoleBuilt, inPage, launchChromium } from './browser.js';
import type { TestApp } from './test-app.js';

/** A user the tests created, with the password the console's sign-in form needs. */
export type ConsoleUser = Session & { password: string };

/** Text a hostile user could type; the console must show each as text and run none of it. */
export const HOSTILE = {
  markup: '<img src=x onerror=alert(1)>',
  link: 'javascript:alert(document.cookie)',
  rtl: 'Holding \u202Egnp.exe\u202C centre',
  // The API caps names at 200 characters (SPEC §3 DTOs); the longest text it stores is a review's rationale.
  long: 'W'.repeat(8_000),
};

/**
 * The test app listening on a port, and Chromium signed in to its console as a given user. Every dialog
 * (alert, confirm) any page opens is dismissed and kept in `dialogs`: hostile text must never open one.
 */
export class ConsoleBrowser {
  readonly dialogs: string[] = [];

  private constructor(
    readonly base: string,
    readonly browser: Browser,
  ) {}

  static async start(t: TestApp): Promise<ConsoleBrowser> {
    ensureConsoleBuilt();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    return new ConsoleBrowser(base, await launchChromium());
  }

  /** Signs in with the keyboard only: the e-mail field has the focus, Tab to the password, Enter submits. */
  async signedIn(
    user: ConsoleUser,
    viewport = { width: 1280, height: 800 },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${this.base}/console/`);
    await page.getByRole('heading', { name: 'Sign in to Oversight' }).waitFor();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    return { context, page };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Moves within the single-page app as its own links do (a reload would start a new page without the token). */
export async function openInPage(page: Page, path: string): Promise<void> {
  await page.evaluate(inPage.navigate(path));
}

/** Follows a link of the navigation, as a user would. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
}
