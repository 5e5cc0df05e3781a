import type { Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.js';

/** One screen as a staff member opens it from a link: a full page load, the session restored from the cookie. */
interface Screen {
  name: string;
  path: string;
  /** What makes the screen useful, in the page's own words (waited for with the role a reader would use). */
  ready: (page: Page) => Promise<void>;
}

export interface ScreenPaint {
  /** Navigation start → the screen's data on screen (median of the warm loads). */
  ms: number;
  /** The same for the first load (nothing in the browser's or the database's cache). */
  coldMs: number;
  /** First contentful paint (the shell), median of the warm loads. */
  firstContentfulPaintMs: number;
  /** The API calls of the median warm load, in the order they were made: path and milliseconds. */
  api: { path: string; ms: number }[];
}

const LOADS = 5;

/**
 * (k) The console's first meaningful paint: Chromium signs in as the commissioner, then opens the dashboard, the
 * case list and a case page by address, each once cold and `LOADS` times warm. A load is the whole path a staff
 * member waits for: the HTML and scripts, the refresh cookie exchanged for a token, `/users/me`, then the screen's
 * own queries. The figure is `performance.now()` in the page (the browser's clock since navigation start) when the
 * screen's data is visible.
 */
export async function benchConsolePaint(
  base: string,
  user: { email: string; password: string },
  caseId: string,
): Promise<{ screens: Record<string, ScreenPaint>; error?: string }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.getByRole('heading', { name: 'Sign in to Oversight' }).waitFor();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    const screens: Screen[] = [
      {
        name: 'dashboard',
        path: '/',
        ready: (p) => p.getByRole('listitem', { name: /^Critical alerts open: \d+$/ }).waitFor(),
      },
      { name: 'cases', path: '/cases', ready: (p) => p.getByText(/^\d+ case\(s\) shown$/).waitFor() },
      {
        name: 'case',
        path: `/cases/${caseId}`,
        ready: (p) => p.getByRole('region', { name: 'Decision timeline' }).locator('tbody tr').first().waitFor(),
      },
    ];
    const result: Record<string, ScreenPaint> = {};
    for (const screen of screens) {
      const loads: { ms: number; fcp: number; api: { path: string; ms: number }[] }[] = [];
      for (let i = 0; i <= LOADS; i += 1) {
        await page.goto(`${base}/console${screen.path}`);
        await screen.ready(page);
        loads.push(await page.evaluate(TIMINGS));
      }
      const [cold, ...warm] = loads;
      const median = [...warm].sort((a, b) => a.ms - b.ms)[Math.floor(warm.length / 2)];
      result[screen.name] = {
        ms: Math.round(median.ms),
        coldMs: Math.round(cold.ms),
        firstContentfulPaintMs: Math.round(
          [...warm].map((l) => l.fcp).sort((a, b) => a - b)[Math.floor(warm.length / 2)],
        ),
        api: median.api,
      };
    }
    return { screens: result };
  } catch (err) {
    return { screens: {}, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await browser.close();
  }
}

/** Evaluated in the page (a string: the bench's TypeScript has no DOM library). */
const TIMINGS = `(() => ({
  ms: performance.now(),
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  api: performance.getEntriesByType('resource')
    .filter((r) => new URL(r.name).pathname.startsWith('/api/'))
    .map((r) => ({ path: new URL(r.name).pathname, ms: Math.round(r.duration) })),
}))()`;
