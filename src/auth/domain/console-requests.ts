/** The header the console sends with every cookie-authenticated request, and its one accepted value. */
export const CONSOLE_HEADER = 'X-Oversight-Console';
export const CONSOLE_HEADER_VALUE = '1';

/** What a request to a cookie route carried, as the browser sent it. */
export interface ConsoleRequestHeaders {
  console: string | undefined;
  /** `Sec-Fetch-Site` (Fetch Metadata), sent by current browsers on every request. */
  secFetchSite: string | undefined;
  origin: string | undefined;
  /** The host the request was addressed to (`Host`, or the forwarded host behind a trusted proxy). */
  host: string;
}

export type ConsoleRequestRefusal = 'console_header_missing' | 'cross_site' | 'foreign_origin';

/**
 * Whether a request may use the refresh cookie (SPEC §15, CSRF). The cookie
 * is SameSite=Strict already; these checks hold where that is not enough (a
 * sibling subdomain is "same site", an old browser ignores SameSite):
 * - the custom header: a form or link cannot send it at all, and a script
 *   of another origin only after a CORS preflight, which this API grants at
 *   most to CORS_ORIGINS and never with credentials (cookies);
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin` (the
 *   console's own fetch) or `none` (typed by the user; never a fetch);
 * - `Origin`, when sent, must name the host the request was addressed to.
 * Clients that send neither of the last two (curl, old browsers) pass on the
 * custom header alone: they are not the browsers CSRF needs.
 */
export function judgeConsoleRequest(h: ConsoleRequestHeaders): ConsoleRequestRefusal | undefined {
  if (h.console !== CONSOLE_HEADER_VALUE) return 'console_header_missing';
  if (h.secFetchSite !== undefined && h.secFetchSite !== 'same-origin' && h.secFetchSite !== 'none') {
    return 'cross_site';
  }
  if (h.origin !== undefined && !sameHost(h.origin, h.host)) return 'foreign_origin';
  return undefined;
}

/** `origin`'s host and port equal `host` (default ports left out on both sides, as URLs do). */
function sameHost(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `Origin: null` (a sandboxed frame, a redirect across sites) names no host at all.
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  try {
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}
