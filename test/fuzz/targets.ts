import fc from 'fast-check';
import type { Fixtures } from './fixtures.js';
import type { InputOperation, QueryParameter } from './openapi.js';
import type { FuzzTarget } from './requests.js';
import type { RouteSpec } from './route-catalogue.js';
import { validValue, type Hints } from './valid-values.js';

/** Sends one request in-process and returns status and parsed JSON (if any). */
export type Inject = (request: {
  method: string;
  url: string;
  headers: Record<string, string>;
}) => Promise<{ status: number; json: unknown }>;

/** An operation the catalogue does not know yet: fuzzed as the admin, with random ids in its path. */
const FALLBACK: RouteSpec = { callers: ['admin'] };

export async function buildTargets(
  operations: readonly InputOperation[],
  catalogue: Readonly<Record<string, RouteSpec>>,
  fx: Fixtures,
  inject: Inject,
): Promise<FuzzTarget[]> {
  const targets: FuzzTarget[] = [];
  for (const op of operations) {
    const spec = catalogue[op.key] ?? FALLBACK;
    const pathArbs = spec.path?.(fx) ?? {};
    const pathParams = fc.record(Object.fromEntries(op.pathParams.map((name) => [name, pathArbs[name] ?? fc.uuid()])));
    const hints = spec.hints?.(fx) ?? {};
    const realCursors = op.query.some((q) => q.name === 'cursor') ? await learnCursors(op, spec, fx, inject) : [];
    if (realCursors.length > 0) hints.cursor = fc.constantFrom(...realCursors);
    targets.push({
      key: op.key,
      method: op.method,
      pathTemplate: op.path,
      pathParams,
      body: op.body ? (spec.body?.(fx) ?? validValue(op.body, hints)) : undefined,
      query: op.query.length > 0 ? validQuery(op.query, hints) : undefined,
      idempotent: op.headers.includes('idempotency-key'),
      public: spec.callers.length === 0,
      auth: authorization(spec, fx),
      realCursors,
      cursorKeys: [...new Set(realCursors.flatMap(cursorKeys))],
      realIds: fx.allIds,
    });
  }
  return targets;
}

function validQuery(params: readonly QueryParameter[], hints: Hints): fc.Arbitrary<[string, string][]> {
  const model = Object.fromEntries(params.map((p) => [p.name, validValue(p.schema, hints, p.name)]));
  return fc
    .record(model, { requiredKeys: params.filter((p) => p.required).map((p) => p.name) })
    .map((values) => Object.entries(values).map(([k, v]): [string, string] => [k, String(v)]));
}

/** Pages through the route with `limit=1` as its first caller and keeps the cursors it hands out. */
async function learnCursors(op: InputOperation, spec: RouteSpec, fx: Fixtures, inject: Inject): Promise<string[]> {
  const caller = spec.callers[0] ?? 'admin';
  const pathArbs = spec.path?.(fx) ?? {};
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    pathArbs[name] ? String(fc.sample(pathArbs[name], { seed: 1, numRuns: 1 })[0]) : name,
  );
  const cursors: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 3; page++) {
    const url = `${path}?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await inject({ method: 'GET', url, headers: { authorization: fx.sessions[caller].auth } });
    const next = (res.json as { nextCursor?: unknown } | undefined)?.nextCursor;
    if (res.status !== 200 || typeof next !== 'string') break;
    cursors.push(next);
    cursor = next;
  }
  return cursors;
}

function cursorKeys(cursor: string): string[] {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return position && typeof position === 'object' ? Object.keys(position) : [];
  } catch {
    return [];
  }
}

/** `Authorization` values: mostly the roles that may, sometimes anyone, now and then nothing valid at all. */
function authorization(spec: RouteSpec, fx: Fixtures): fc.Arbitrary<string | undefined> {
  const everyone = Object.values(fx.sessions).map((s) => s.auth);
  const token = fx.sessions.commissioner.token;
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  const bad = fc.constantFrom<string | undefined>(
    undefined,
    'Bearer',
    'Bearer ',
    'Bearer not-a-token',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${header}.${forged}.${token.split('.')[2]}`,
    `Bearer ${none}.${payload}.`,
    `Bearer ovk_${'0'.repeat(32)}_${'A'.repeat(43)}`,
    `Bearer ovk_${fx.world.apiKey.keyId.replace(/-/g, '')}_${'A'.repeat(43)}`,
    `Bearer ${'x'.repeat(8_000)}`,
    `bearer ${token}`,
    `Bearer  ${token}`,
    `Bearer ${token}, Bearer ${token}`,
  );
  const primary = spec.callers.map((name) => fx.sessions[name].auth);
  return fc.oneof(
    { weight: 8, arbitrary: primary.length > 0 ? fc.constantFrom(...primary) : fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...everyone) },
    { weight: 1, arbitrary: bad },
  );
}
