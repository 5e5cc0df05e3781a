import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../src/app.module.js';
import { setGlobalPrefix } from '../src/bootstrap/http-app.js';
import { createOpenApiDocument } from '../src/bootstrap/openapi.js';
import { loadConfig } from '../src/config/load-config.js';

/**
 * The OpenAPI document the API serves, built without a database, Redis or a listening server (Nest's preview mode
 * scans the routes but instantiates nothing). Shared by `write-openapi.ts` and the console's generated types.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  // Never used to connect or sign anything: the configuration must only parse.
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: randomBytes(48).toString('base64'),
    PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { workers: false }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  setGlobalPrefix(app);
  try {
    return createOpenApiDocument(app, config.http.publicBaseUrl);
  } finally {
    await app.close();
  }
}
