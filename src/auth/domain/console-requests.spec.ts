import { judgeConsoleRequest, type ConsoleRequestHeaders } from './console-requests.js';

const fromConsole: ConsoleRequestHeaders = {
  console: '1',
  secFetchSite: 'same-origin',
  origin: 'https://oversight.example',
  host: 'oversight.example',
};

describe('judgeConsoleRequest', () => {
  it.each<[string, Partial<ConsoleRequestHeaders>]>([
    ['the console’s own fetch', {}],
    [
      'a client that sends no Fetch Metadata and no Origin (curl, an old browser)',
      { secFetchSite: undefined, origin: undefined },
    ],
    ['a request the user started (Sec-Fetch-Site: none)', { secFetchSite: 'none', origin: undefined }],
    ['an Origin with the default port spelled out', { origin: 'https://oversight.example:443' }],
    ['a non-default port on both sides', { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }],
  ])('lets through %s', (_name, change) => {
    expect(judgeConsoleRequest({ ...fromConsole, ...change })).toBeUndefined();
  });

  it.each<[string, Partial<ConsoleRequestHeaders>, string]>([
    ['no custom header', { console: undefined }, 'console_header_missing'],
    ['another value of the custom header', { console: 'true' }, 'console_header_missing'],
    ['a sibling subdomain (same-site, not same-origin)', { secFetchSite: 'same-site' }, 'cross_site'],
    ['another site', { secFetchSite: 'cross-site' }, 'cross_site'],
    ['a malformed Sec-Fetch-Site', { secFetchSite: '' }, 'cross_site'],
    ['a foreign Origin', { origin: 'https://evil.example' }, 'foreign_origin'],
    ['an Origin on another port', { origin: 'https://oversight.example:8443' }, 'foreign_origin'],
    ['Origin: null', { origin: 'null' }, 'foreign_origin'],
    ['an Origin of another scheme than http(s)', { origin: 'file://', host: '' }, 'foreign_origin'],
    ['a cross-site request that claims no Origin', { secFetchSite: 'cross-site', origin: undefined }, 'cross_site'],
  ])('refuses %s', (_name, change, refusal) => {
    expect(judgeConsoleRequest({ ...fromConsole, ...change })).toBe(refusal);
  });
});
