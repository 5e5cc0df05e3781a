import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { annotateValidatedModels, applyValidationRules } from './openapi-validation-rules.js';

/**
 * The OpenAPI document the API serves at `/docs/openapi.json` (and that `npm run lint:openapi` lints).
 * The console's client is generated from it, so it says what the server really does: the decorators carry
 * each field's type and rules, and `finishDocument` adds what holds for every route alike.
 */
export function createOpenApiDocument(app: INestApplication, publicBaseUrl: string): OpenAPIObject {
  annotateValidatedModels();
  const scanned = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Oversight API')
      .setDescription(
        'Case oversight for an independent Anti-Trafficking Commissioner: decision records, ' +
          'overdue-detention alerts, independent review, audit. Errors are RFC 9457 problem details ' +
          '(`application/problem+json`); every response carries an `X-Request-Id` header.',
      )
      .setVersion('1')
      .setLicense('Proprietary', `${publicBaseUrl}/docs`)
      .addServer(publicBaseUrl, 'This installation')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token (JWT) or agency API key' })
      .addCookieAuth(
        'oversight_refresh',
        {
          type: 'apiKey',
          in: 'cookie',
          name: 'oversight_refresh',
          description:
            'The staff console’s refresh token, set by `POST /auth/session` (HttpOnly, Secure, SameSite=Strict, ' +
            'Path=/api/v1/auth); accepted only with `X-Oversight-Console: 1` from the same origin.',
        },
        'refreshCookie',
      )
      .build(),
    { operationIdFactory: operationId },
  );
  applyValidationRules((scanned.components?.schemas ?? {}) as Record<string, SchemaObject>);
  return finishDocument(scanned);
}

/** Root tags, in the order the UI lists them; every tag an operation uses belongs here. */
export const TAGS: Record<string, string> = {
  auth: 'Signing in and the caller’s own identity.',
  dashboard: 'What needs attention now, counted over what the caller may read.',
  cases: 'Case records, their decisions and detention episodes, and the indicator catalogue.',
  alerts: 'Overdue-detention and decision alerts, and the scan that raises them.',
  reviews: 'Independent review of decisions, and the sampling runs that select them.',
  recommendations: 'The register of what the office asks agencies to change, their responses and progress.',
  reports: 'Per-agency figures and the anonymised export.',
  audit: 'The hash-chained audit log, its verification and signed checkpoints.',
  administration: 'Agencies, users and agency API keys.',
  operations: 'Health, and access to the queue dashboard.',
  'decision-records': 'Search across every decision record the caller may read, without personal data.',
  places: 'Places of detention and who operates them.',
  visits: 'Unannounced visits: keyed visit plans, the visit workflow, findings and the detention roll.',
  investigations: 'The office’s own investigations: evidence, the draft agencies comment on, the published report.',
  complaints: 'Complaints the office receives (never shown to agencies), and their triage.',
};

const PROBLEM_REF = '#/components/schemas/ProblemDto';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const HEADERS = {
  XRequestId: {
    description: 'Identifies the request in the service’s logs; echoes a well-formed `X-Request-Id` the client sent.',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,64}$' },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again.',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
};

/** Statuses that any route may answer, whatever it does: what a client must be ready for. */
const GENERAL_PROBLEMS: Record<string, { description: string; headers?: Record<string, { $ref: string }> }> = {
  '500': { description: 'An unexpected failure on the server’s side; `requestId` identifies it in the logs' },
  '503': {
    description: 'Shutting down, or the database is unavailable or too slow right now; try again after `Retry-After`',
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  },
};

/** Statuses that any route taking a JSON body may answer before the route itself runs. */
const BODY_PROBLEMS: Record<string, string> = {
  '400': 'Malformed request, unknown field or failed validation',
  '413': 'Body too large',
  '415': 'Content type is not JSON',
};

/**
 * What holds for every route alike, applied to the scanned document:
 * - `nullable` beside `$ref`/`allOf` becomes `anyOf` with a null-only branch (OpenAPI 3.0 ignores
 *   `nullable` without a `type` in the same schema, so the scanned form refuses `null`);
 * - request bodies refuse unknown fields (`additionalProperties: false`), as the validation pipe does;
 * - routes without security say so (`security: []`); bodies may answer 400/413/415, any route 500 and 503;
 * - every response documents `X-Request-Id`, 429 and the general 503 their `Retry-After`.
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  const doc = structuredClone(document);
  doc.components ??= {};
  doc.components.headers = { ...doc.components.headers, ...HEADERS };
  const schemas = (doc.components.schemas ?? {}) as Record<string, SchemaObject>;
  for (const schema of Object.values(schemas)) allowNullRefs(schema);

  const usedTags = new Set<string>();
  const requestSchemas = new Set<string>();
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      for (const tag of op.tags ?? []) usedTags.add(tag);
      op.security ??= [];
      for (const parameter of op.parameters ?? []) {
        if ('schema' in parameter && parameter.schema) allowNullRefs(parameter.schema as SchemaObject);
      }
      const body = op.requestBody && 'content' in op.requestBody ? op.requestBody : undefined;
      for (const media of Object.values(body?.content ?? {})) {
        if (media.schema) collectRefs(media.schema as SchemaObject, schemas, requestSchemas);
      }
      const responses = op.responses as Record<string, ResponseObject>;
      const problems: Record<string, string> = {
        ...(body ? BODY_PROBLEMS : {}),
        ...Object.fromEntries(Object.entries(GENERAL_PROBLEMS).map(([s, p]) => [s, p.description])),
      };
      for (const [status, description] of Object.entries(problems)) {
        responses[status] ??= {
          description,
          content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
          headers: GENERAL_PROBLEMS[status]?.headers,
        };
      }
      for (const [status, response] of Object.entries(responses)) {
        for (const media of Object.values(response.content ?? {}) as { schema?: SchemaObject }[]) {
          if (media.schema) allowNullRefs(media.schema);
        }
        response.headers = {
          'X-Request-Id': { $ref: '#/components/headers/XRequestId' },
          ...(status === '429' ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : {}),
          ...response.headers,
        };
      }
    }
  }
  for (const name of requestSchemas) closeObject(schemas[name]);

  // A tag missing from TAGS is listed without a description: Redocly warns and test/e2e/openapi.e2e-spec.ts fails,
  // but a running service never refuses to start over its documentation.
  doc.tags = [
    ...Object.entries(TAGS)
      .filter(([name]) => usedTags.has(name))
      .map(([name, description]) => ({ name, description })),
    ...[...usedTags].filter((tag) => !(tag in TAGS)).map((name) => ({ name })),
  ];
  assertUniqueOperationIds(doc);
  return doc;
}

/**
 * `{ nullable, allOf: [X] }` or `{ nullable, $ref }` → `{ anyOf: [X, null] }`, and null added to a nullable
 * `enum`, all the way down.
 */
function allowNullRefs(schema: SchemaObject): void {
  for (const child of childSchemas(schema)) allowNullRefs(child);
  const s = schema as SchemaObject & { $ref?: string };
  // With `nullable`, an `enum` must list null itself (the OpenAPI 3.0.3 clarification): Nest does not add it.
  if (s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...(s.enum as unknown[]), null];
  if (s.nullable !== true || (!s.$ref && !s.allOf)) return;
  const inner: SchemaObject[] = s.$ref
    ? [{ $ref: s.$ref } as SchemaObject]
    : s.allOf && s.allOf.length === 1
      ? (s.allOf as SchemaObject[])
      : s.allOf
        ? [{ allOf: s.allOf }]
        : [];
  if (inner.length === 0) return;
  delete s.$ref;
  delete s.allOf;
  delete s.nullable;
  if (s.type === 'object' && !s.properties) delete s.type;
  // OpenAPI 3.0 has no `type: 'null'`: a nullable type restricted to the one value null is how 3.0 says it.
  s.anyOf = [...inner, { type: 'object', nullable: true, enum: [null] }];
}

function childSchemas(schema: SchemaObject): SchemaObject[] {
  const children: unknown[] = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.allOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    schema.items,
    schema.not,
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined,
  ];
  return children.filter((c): c is SchemaObject => typeof c === 'object' && c !== null);
}

/** The component schemas a request body reaches, by `$ref`. */
function collectRefs(schema: SchemaObject, schemas: Record<string, SchemaObject>, found: Set<string>): void {
  const ref = (schema as { $ref?: string }).$ref;
  if (ref) {
    const name = ref.replace('#/components/schemas/', '');
    if (found.has(name) || !schemas[name]) return;
    found.add(name);
    collectRefs(schemas[name], schemas, found);
    return;
  }
  for (const child of childSchemas(schema)) collectRefs(child, schemas, found);
}

/** The validation pipe refuses fields a DTO does not declare (forbidNonWhitelisted): the schema says so too. */
function closeObject(schema: SchemaObject | undefined): void {
  if (schema?.type === 'object' && schema.properties && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
}

/**
 * Operation ids, which generated clients turn into function names: verb first, then the resource
 * (`listCases`, `recordDecision`). A handler missing here (a route added later) gets its name followed by its
 * controller's (`refreshAuth`), unique by construction; naming it here is better.
 */
const OPERATION_IDS: Record<string, string> = {
  'AuthController.signIn': 'login',
  'AuthController.me': 'getCurrentUser',
  'AuthController.startSession': 'startConsoleSession',
  'AuthController.refreshSession': 'refreshConsoleSession',
  'AuthController.endSession': 'endConsoleSession',
  'HealthController.live': 'getLiveness',
  'HealthController.ready': 'getReadiness',
  'OpsController.session': 'openQueueDashboardSession',
  'AgenciesController.create': 'createAgency',
  'AgenciesController.list': 'listAgencies',
  'AgenciesController.get': 'getAgency',
  'UsersController.create': 'createUser',
  'UsersController.list': 'listUsers',
  'UsersController.get': 'getUser',
  'ApiKeysController.issue': 'issueApiKey',
  'ApiKeysController.list': 'listApiKeys',
  'ApiKeysController.revoke': 'revokeApiKey',
  'CasesController.open': 'openCase',
  'CasesController.list': 'listCases',
  'CasesController.get': 'getCase',
  'CasesController.verification': 'verifyCaseChain',
  'CasesController.decide': 'recordDecision',
  'CasesController.decisions': 'listDecisions',
  'IndicatorsController.list': 'listIndicators',
  'AlertsController.list': 'listAlerts',
  'AlertsController.acknowledge': 'acknowledgeAlert',
  'AlertsController.scan': 'runOverdueScan',
  'SamplingRunsController.create': 'createSamplingRun',
  'SamplingRunsController.list': 'listSamplingRuns',
  'SamplingRunsController.get': 'getSamplingRun',
  'ReviewsController.list': 'listReviews',
  'ReviewsController.autoAssign': 'autoAssignReviews',
  'ReviewsController.get': 'getReview',
  'ReviewsController.assign': 'assignReview',
  'ReviewsController.conclude': 'concludeReview',
  'ReviewsController.respond': 'respondToReview',
  'ReviewsController.withdraw': 'withdrawReview',
  'ReportsController.agencies': 'getAgencyReport',
  'ReportsController.anonymised': 'exportAnonymised',
  'AuditController.events': 'listAuditEvents',
  'AuditController.verify': 'verifyAuditLog',
  'AuditController.checkpoints': 'exportAuditCheckpoints',
};

function operationId(controller: string, method: string): string {
  return OPERATION_IDS[`${controller}.${method}`] ?? `${method}${controller.replace(/Controller$/, '')}`;
}

/** Two operations with one id would be one function in a generated client: refused while the document is built. */
function assertUniqueOperationIds(doc: OpenAPIObject): void {
  const ids = Object.values(doc.paths).flatMap((item) => METHODS.flatMap((m) => item[m]?.operationId ?? []));
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) throw new Error(`OpenAPI: duplicate operation ids: ${duplicates.join(', ')}`);
}
