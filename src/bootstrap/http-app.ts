import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module.js';
import { Metrics } from '../metrics/metrics.js';
import { mountQueueDashboard } from '../ops/queue-dashboard.js';
import type { AppConfig } from '../config/app-config.js';

export const API_PREFIX = 'api/v1';
const WORKER_PATHS = /^\/(health\/(live|ready)|metrics)(\?|$)/;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

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
  app.useLogger(app.get(Logger));
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
  // Bodies nested deeper than any DTO are refused too: class-transformer copies them recursively and would
  // overflow the stack on a few thousand levels (a 500 for bad input).
  fastify.addHook('preValidation', async (request, reply) => {
    const fault = request.body === undefined ? undefined : bodyFault(request.body);
    if (fault) {
      await reply
        .status(400)
        .type('application/problem+json')
        .send({
          type: fault === 'too-deep' ? '/problems/nesting-too-deep' : '/problems/invalid-characters',
          title: 'Bad Request',
          status: 400,
          detail:
            fault === 'too-deep'
              ? `The body is nested more than ${MAX_BODY_DEPTH} levels deep.`
              : 'The body contains text that is not valid Unicode (a lone surrogate).',
          requestId: request.id,
        });
    }
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
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

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
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
    setUpOpenApi(app);
    await mountQueueDashboard(app);
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

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Oversight API')
      .setDescription(
        'Case oversight for an independent Anti-Trafficking Commissioner: decision records, ' +
          'overdue-detention alerts, independent review, audit. Errors are RFC 9457 problem details.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token (JWT) or agency API key' })
      .build(),
  );
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

/** Far deeper than any request body of this API (the deepest DTO nests three levels). */
const MAX_BODY_DEPTH = 32;

function bodyFault(value: unknown, depth = 0): 'ill-formed' | 'too-deep' | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : 'ill-formed';
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_BODY_DEPTH) return 'too-deep';
  if (Array.isArray(value)) {
    for (const v of value as unknown[]) {
      const fault = bodyFault(v, depth + 1);
      if (fault) return fault;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const fault = k.isWellFormed() ? bodyFault(v, depth + 1) : 'ill-formed';
    if (fault) return fault;
  }
  return undefined;
}
