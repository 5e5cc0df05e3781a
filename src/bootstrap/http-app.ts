import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module.js';
import { QuietBootLogger } from '../logging/quiet-boot-logger.js';
import { Metrics } from '../metrics/metrics.js';
import { mountQueueDashboard } from '../ops/queue-dashboard.js';
import { mountConsole } from '../console/console-assets.js';
import { createOpenApiDocument } from './openapi.js';
import { ANNUAL_REPORT_STYLE_HASH } from '../reports/domain/annual-report.js';
import type { AppConfig } from '../config/app-config.js';

export const API_PREFIX = 'api/v1';
const WORKER_PATHS = /^\/(health\/(live|ready)|metrics)(\?|$)/;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const INLINE_STYLE_PAGES = /^\/(docs|queues)(\/|\?|$)/;
const ANNUAL_REPORT_PAGE = /^\/api\/v1\/reports\/annual(\?|$)/;

/**
 * Builds the HTTP application (fastify): used by `main.ts`, by the worker's
 * health endpoint and by the e2e tests, so all three run the same stack.
 */
export async function createHttpApp(
  config: AppConfig,
  options: { workers: boolean; api: boolean },
): Promise<NestFastifyApplication> {
  const adapter = new DrainingFastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: trustProxyOption(config.http.trustProxy),
    // Accept a caller's request id if it is harmless, otherwise make one; pino-http reads it from the raw request.
    genReqId: (raw: IncomingMessage) => {
      const given = raw.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      (raw as IncomingMessage & { id?: string }).id = id;
      return id;
    },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { workers: options.workers }),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      // JSON only: Nest would add a form-urlencoded parser, fastify has a text/plain one. Bodies of any other
      // type (including those a browser may send cross-origin without a preflight) answer 415.
      bodyParser: false,
    },
  );
  app.useLogger(new QuietBootLogger(app.get(Logger)));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (adapter.shuttingDown) {
      await reply.status(503).type('application/problem+json').header('retry-after', '5').send({
        type: '/problems/shutting-down',
        title: 'Service Unavailable',
        status: 503,
        detail: 'This process is shutting down. Try again; another instance will answer.',
        requestId: request.id,
      });
      return;
    }
    // A worker process answers health and metrics only.
    if (!options.api && !WORKER_PATHS.test(request.url)) {
      await reply.status(404).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'This is a worker process; it serves /health and /metrics only.',
        requestId: request.id,
      });
    }
  });
  // JSON may spell a lone UTF-16 surrogate ("\ud800"): no valid text contains one, it cannot be stored or
  // canonicalised for the audit log, so it is refused up front as bad input rather than failing later.
  // Bodies far deeper or larger (in values, not bytes) than any DTO are refused too: class-transformer copies
  // them recursively (thousands of levels overflow the stack: a 500) and the validation pipe spends seconds of
  // the one event loop on a 1 MB body of small values (found by the fuzz spec, test/e2e/fuzz.e2e-spec.ts).
  fastify.addHook('preValidation', async (request, reply) => {
    const fault = request.body === undefined ? undefined : bodyFault(request.body);
    if (fault) {
      await reply
        .status(400)
        .type('application/problem+json')
        .send({
          type: `/problems/${fault}`,
          title: 'Bad Request',
          status: 400,
          detail: BODY_FAULTS[fault],
          requestId: request.id,
        });
    }
  });
  // Parses `Cookie` into request.cookies and writes reply.setCookie's Set-Cookie headers: the console's refresh
  // cookie (auth/refresh-cookie.ts). No secret: the cookie's token is random and looked up by hash, never signed.
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        // No inline script anywhere: Swagger UI and the queue dashboard load theirs from files. Their pages do carry
        // inline styles (a <style> element, style attributes), so those two, and nothing else, may use them.
        styleSrc: [
          `'self'`,
          // The annual report's one <style> element is allowed by its hash: print-ready, and nothing else inline.
          (req: IncomingMessage) =>
            INLINE_STYLE_PAGES.test(req.url ?? '')
              ? `'unsafe-inline'`
              : ANNUAL_REPORT_PAGE.test(req.url ?? '')
                ? ANNUAL_REPORT_STYLE_HASH
                : '',
        ],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`],
        upgradeInsecureRequests: null,
      },
    },
  });
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      // The export's suppression counts travel in headers; a browser client may read them only if exposed.
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'content-disposition',
        'x-suppressed-rows',
        'x-published-rows',
        'x-k-anonymity',
      ],
    });
  }

  setGlobalPrefix(app);
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });
  // Once shutdown has begun, every response closes its connection: fastify's close() (Nest's dispose step)
  // closes the keep-alive connections idle at that moment, but one busy then would stay open after its
  // response (keep-alive, 72 s) and close() would wait for it until the grace timer kills the process.
  fastify.addHook('onSend', async (request, reply) => {
    if (adapter.shuttingDown && request.raw.httpVersionMajor === 1) void reply.header('connection', 'close');
  });
  // Exit 0 once drained (Nest's default re-raises the signal, so the process would die "by SIGTERM"), which
  // also lets pino flush; exitAfterGrace bounds the whole sequence.
  app.enableShutdownHooks([], { useProcessExit: true });
  if (options.api) {
    setUpOpenApi(app, config.http.publicBaseUrl);
    await mountQueueDashboard(app);
    await mountConsole(app);
  }
  return app;
}

/**
 * Nest's fastify adapter, telling when shutdown begins: Nest calls
 * `beforeClose` before any shutdown hook, so from then on new requests are
 * refused (503 problem details) while those in flight, and the jobs the
 * workers drain meanwhile (WorkerDrain), finish. Nest has this built in
 * (`return503OnClosing` among NestFactory.create's options), but answers
 * with a body that is not problem details.
 */
class DrainingFastifyAdapter extends FastifyAdapter {
  shuttingDown = false;

  override beforeClose(): void {
    this.shuttingDown = true;
    super.beforeClose();
  }
}

/** Every route under /api/v1 but those a probe or scraper calls; shared with `scripts/write-openapi.ts`. */
export function setGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

function setUpOpenApi(app: NestFastifyApplication, publicBaseUrl: string): void {
  const document = createOpenApiDocument(app, publicBaseUrl);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}

/** A hop count becomes proxy-addr's trust function (trust the first n hops). */
function trustProxyOption(
  value: AppConfig['http']['trustProxy'],
): boolean | string[] | ((addr: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_addr, hop) => hop < value : value;
}

/** Far beyond any request body of this API: the deepest DTO nests three levels, the largest holds ~110 values. */
const MAX_BODY_DEPTH = 32;
const MAX_BODY_VALUES = 1_000;

const BODY_FAULTS = {
  'invalid-characters': 'The body contains text that is not valid Unicode (a lone surrogate).',
  'nesting-too-deep': `The body is nested more than ${MAX_BODY_DEPTH} levels deep.`,
  'too-many-values': `The body holds more than ${MAX_BODY_VALUES} values.`,
} as const;

/** What makes a parsed JSON body unacceptable before validation, if anything (an iterative walk: no recursion). */
function bodyFault(body: unknown): keyof typeof BODY_FAULTS | undefined {
  let values = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    values += 1;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return 'invalid-characters';
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return 'nesting-too-deep';
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    if (values + stack.length + (keys ?? (value as unknown[])).length > MAX_BODY_VALUES) return 'too-many-values';
    if (keys?.some((key) => !key.isWellFormed())) return 'invalid-characters';
    const children: unknown[] = keys
      ? keys.map((key) => (value as Record<string, unknown>)[key])
      : (value as unknown[]);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}
