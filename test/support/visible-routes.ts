import type { Session } from '../factories/session.js';
import type { TestApp } from './test-app.js';

export type RouteView = Record<string, { status: number; body: unknown }>;

/**
 * Every GET route of the API without a path parameter (from the OpenAPI document), as `who` reads it: every list,
 * count and report the caller can see. A refusal's request id and the time a report or the dashboard was taken are
 * dropped; everything else is compared as answered.
 */
export async function everythingVisibleTo(t: TestApp, who: Session): Promise<RouteView> {
  const doc = await t.http().get('/docs/openapi.json');
  const paths = doc.body.paths as Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
  const seen: RouteView = {};
  for (const [path, item] of Object.entries(paths)) {
    if (!item.get || path.includes('{') || !path.startsWith('/api/v1/')) continue;
    const names = (item.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const query: Record<string, string | number> = {};
    if (names.includes('limit')) query.limit = 200;
    if (names.includes('from')) query.from = '2000-01-01T00:00:00Z';
    if (names.includes('to')) query.to = '2100-01-01T00:00:00Z';
    const res = await t.http().get(path).query(query).set('authorization', who.auth);
    const json = res.headers['content-type']?.includes('json') === true;
    const {
      requestId: _requestId,
      generatedAt: _generatedAt,
      asOf: _asOf,
      ...body
    } = json ? (res.body as Record<string, unknown>) : { text: res.text };
    seen[path] = { status: res.status, body };
  }
  return seen;
}
