import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { OpenApiConformance, type Exchange } from '../support/openapi-conformance.js';

/** A small document with the constructs the served one uses: $ref, anyOf-null, required headers, problems. */
const DOC = {
  openapi: '3.0.0',
  paths: {
    '/api/v1/things/{id}': {
      get: {
        responses: {
          '200': {
            headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
    '/api/v1/things/{id}/file': {
      get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } }, '204': {} } },
    },
  },
  components: {
    headers: { XRequestId: { required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } } },
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'count', 'owner'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          count: { type: 'integer', minimum: 0 },
          owner: { anyOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'object', nullable: true, enum: [null] }] },
          state: { type: 'string', enum: ['open', null], nullable: true },
        },
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      Problem: {
        type: 'object',
        required: ['type', 'status'],
        properties: { type: { type: 'string' }, status: { type: 'integer' } },
      },
    },
  },
};

const ID = '0190f5d6-2c1e-7a3b-8c4d-5e6f7a8b9c0d';

function exchange(overrides: Partial<Exchange> & { json?: unknown }): Exchange {
  const { json, ...rest } = overrides;
  return {
    method: 'GET',
    route: '/api/v1/things/:id',
    status: 200,
    headers: { 'x-request-id': 'r-1', 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(json ?? { id: ID, count: 3, owner: { name: 'a' }, state: 'open' }),
    ...rest,
  };
}

describe('OpenAPI conformance checker', () => {
  const checker = new OpenApiConformance(DOC);

  it('accepts responses that match the document, null where anyOf-null or a nullable enum allows it', () => {
    expect(checker.check(exchange({}))).toEqual([]);
    expect(checker.check(exchange({ json: { id: ID, count: 0, owner: null, state: null } }))).toEqual([]);
    expect(
      checker.check(
        exchange({
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
          json: { type: '/problems/not-found', status: 404 },
        }),
      ),
    ).toEqual([]);
  });

  it('names the operation, status and path of a body that breaks its schema', () => {
    const found = checker.check(exchange({ json: { id: 'x', count: 1.5, owner: { name: 1 }, state: 'shut' } }));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/api\/v1\/things\/:id → 200: body \/id must match format "uuid"/),
        expect.stringMatching(/body \/count must be integer/),
        expect.stringMatching(/body \/owner /),
        expect.stringMatching(/body \/state must be equal to one of the allowed values/),
      ]),
    );
    expect(checker.check(exchange({ json: { id: ID, count: 1 } }))).toEqual([
      expect.stringMatching(/body \/ must have required property 'owner'/),
    ]);
  });

  it('refuses a member the schema does not name (a generated client would never see it)', () => {
    const found = checker.check(exchange({ json: { id: ID, count: 1, owner: { name: 'a', secret: 1 }, extra: true } }));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/body \/owner must NOT have additional properties \(additionalProperty: "secret"\)/),
        expect.stringMatching(/body \/ must NOT have additional properties \(additionalProperty: "extra"\)/),
      ]),
    );
    expect(checker.check(exchange({ json: { id: ID, count: 1, owner: { name: 'a' } } }))).toEqual([]);
  });

  it('refuses an undocumented status, route, method or content type', () => {
    expect(checker.check(exchange({ status: 409 }))).toEqual([
      'GET /api/v1/things/:id → 409: status 409 is not documented (documented: 200, 404)',
    ]);
    expect(checker.check(exchange({ route: '/api/v1/others' }))).toEqual([
      expect.stringMatching(/route is not in the OpenAPI document/),
    ]);
    expect(checker.check(exchange({ method: 'DELETE' }))).toEqual([
      expect.stringMatching(/method is not in the OpenAPI document/),
    ]);
    expect(checker.check(exchange({ headers: { 'x-request-id': 'r', 'content-type': 'text/html' } }))).toEqual([
      expect.stringMatching(/content type text\/html is not documented \(application\/json\)/),
    ]);
  });

  it('checks documented headers: required ones present, values matching their schema', () => {
    expect(checker.check(exchange({ headers: { 'content-type': 'application/json' } }))).toEqual([
      expect.stringMatching(/required header X-Request-Id is missing/),
    ]);
    expect(checker.check(exchange({ headers: { 'x-request-id': 'NO!', 'content-type': 'application/json' } }))).toEqual(
      [expect.stringMatching(/header X-Request-Id \/ must match pattern/)],
    );
  });

  it('takes a stream or an empty body where the document allows it, and ignores routes left out on purpose', () => {
    const file = { route: '/api/v1/things/:id/file', headers: { 'content-type': 'text/csv' } };
    expect(checker.check(exchange({ ...file, body: undefined }))).toEqual([]);
    expect(checker.check(exchange({ ...file, status: 204, body: '' }))).toEqual([]);
    expect(checker.check(exchange({ ...file, body: '' }))).toEqual([expect.stringMatching(/body is empty/)]);
    expect(checker.check(exchange({ route: '/docs/openapi.json' }))).toEqual([]);
    expect(checker.check(exchange({ route: undefined, status: 404 }))).toEqual([]);
  });
});

describe('the served OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, unknown> };
  };
  let checker: OpenApiConformance;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http().get('/docs/openapi.json');
    doc = res.body;
    checker = new OpenApiConformance(doc);
  });
  afterAll(async () => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );

  it('catches a real response that was tampered with', async () => {
    const login = await t.http().post('/api/v1/auth/login').send(ADMIN);
    const me = await t.http().get('/api/v1/me').set('authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    const real: Exchange = { method: 'GET', route: '/api/v1/me', status: 200, headers: me.headers, body: me.text };
    expect(checker.check(real)).toEqual([]);
    const tampered = { ...real, body: JSON.stringify({ ...me.body, role: 'emperor' }) };
    expect(checker.check(tampered)).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/me → 200: body \/role must be equal/),
    ]);
  });

  it('gives every operation a camelCase id of its own', () => {
    const ids = operations().map(({ op }) => op.operationId as string);
    expect(ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z]*$|^login$/.test(id))).toEqual([]);
    expect(ids.filter((id) => /Controller|_/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents 413 and 415 wherever a body is accepted, and no nullable without a type', () => {
    const missing = operations()
      .filter(({ op }) => op.requestBody)
      .filter(
        ({ op }) =>
          !(op.responses as Record<string, unknown>)['413'] || !(op.responses as Record<string, unknown>)['415'],
      )
      .map(({ name }) => name);
    expect(missing).toEqual([]);
    const untyped = JSON.stringify(doc)
      .match(/\{[^{}]*"nullable":true[^{}]*\}/g)
      ?.filter((s) => !s.includes('"type"'));
    expect(untyped ?? []).toEqual([]);
  });

  it('describes every tag the operations use', () => {
    const tags = (doc as unknown as { tags: { name: string; description?: string }[] }).tags;
    const used = new Set(operations().flatMap(({ op }) => (op.tags ?? []) as string[]));
    expect(tags.filter((tag) => !tag.description).map((tag) => tag.name)).toEqual([]);
    expect(tags.map((tag) => tag.name).sort()).toEqual([...used].sort());
  });

  it('marks path ids as UUIDs', () => {
    const paramsWithoutFormat = operations().flatMap(({ name, op }) =>
      ((op.parameters ?? []) as { in: string; name: string; schema?: { format?: string } }[])
        .filter((p) => p.in === 'path' && p.schema?.format !== 'uuid')
        .map((p) => `${name} ${p.name}`),
    );
    expect(paramsWithoutFormat).toEqual([]);
  });
});
