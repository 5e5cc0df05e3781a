import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as axeModule from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../src/console/console-assets.js';

export { CHROMIUM, launchChromium } from '../../scripts/chromium.js';
/** Where the tests write the console's screenshots (committed; the README links them). */
export const SCREENSHOTS = 'docs/console';

const AxeBuilder = ((axeModule as { default?: unknown }).default ?? axeModule) as typeof axeModule.AxeBuilder;

/**
 * The console must be built before the app starts (the API serves dist/console). CI runs `npm run build` first;
 * `npm test` alone on a fresh clone builds it here (Vite, a few seconds), so the suite never tests nothing.
 */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(CONSOLE_DIR, 'index.html'))) return;
  execFileSync(
    'node',
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (!existsSync(join(CONSOLE_DIR, 'index.html')))
    throw new Error(`The console build did not produce ${CONSOLE_DIR}.`);
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each (empty: none). Finite
 * animations and transitions are let finish first: a dialog's labels measured while Mantine fades it in have
 * half their contrast (color-contrast failed on a submit button in an opening dialog, once in a CI run).
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // A function, not a string: the console's CSP forbids the eval a string predicate would need.
  await page.waitForFunction(settled, undefined, { timeout: 5_000 });
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * Expressions evaluated in the page, as strings: the tests' TypeScript has no DOM library, and these run in
 * Chromium, not in Node.
 */
/** The parts of the page's DOM `settled` reads (the tests' TypeScript has no DOM library). */
interface Animated {
  document: {
    getAnimations(): { playState: string; effect: { getComputedTiming(): { endTime?: number | string } } | null }[];
  };
}

/** Whether every finite animation and CSS transition has finished (a spinner's infinite one never does). Runs in Chromium. */
function settled(): boolean {
  return (globalThis as unknown as Animated).document
    .getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity);
}

export const inPage = {
  /** How many items the page's origin keeps in localStorage and sessionStorage. */
  storedItems: '({ local: localStorage.length, session: sessionStorage.length })',
  /** How far the page is wider than the window (> 0: the reader must scroll sideways). */
  sidewaysOverflow: 'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  /** Moves within the single-page app as its own links do (history entry + popstate), keeping the page's memory. */
  navigate: (path: string) =>
    `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
};
