import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const CONSOLE_PREFIX = '/console';
/** Where `vite build --config console/vite.config.ts` writes the console, relative to the working directory. */
export const CONSOLE_DIR = resolve('dist/console');

/**
 * The console's own policy, stricter than the API's: scripts, styles and fetches from this origin only, no inline
 * script or style (Mantine's runtime <style> tags are off: its CSS and the theme are static files), never framed.
 */
export const CONSOLE_CSP = [
  `default-src 'none'`,
  `script-src 'self'`,
  `style-src 'self'`,
  `img-src 'self' data:`,
  `font-src 'self'`,
  `connect-src 'self'`,
  `manifest-src 'self'`,
  `base-uri 'none'`,
  `form-action 'self'`,
  `frame-ancestors 'none'`,
].join('; ');

const CONSOLE_PATH = /^\/console(\/|\?|$)/;
const ASSET_PATH = /^\/console\/assets\//;

/**
 * Serves the built console at /console from the API process: its files, and index.html for any client route
 * (the single-page app routes itself). When the console was not built (`nest build` alone), /console is absent
 * and the API works as before; the start log says so.
 */
export async function mountConsole(app: NestFastifyApplication): Promise<void> {
  const indexFile = join(CONSOLE_DIR, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('Console').warn(`No console build at ${CONSOLE_DIR} (run \`npm run build\`): /console is not served.`);
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  const fastify = app.getHttpAdapter().getInstance();
  // Registered after helmet, so this policy replaces the API's on every console response.
  fastify.addHook('onRequest', async (request, reply) => {
    if (CONSOLE_PATH.test(request.url)) void reply.header('content-security-policy', CONSOLE_CSP);
  });
  await app.register(fastifyStatic, {
    root: CONSOLE_DIR,
    prefix: `${CONSOLE_PREFIX}/`,
    redirect: true,
    decorateReply: false,
    wildcard: false,
    index: false,
  });
  const sendIndex = async (_request: unknown, reply: { type(t: string): { send(b: string): unknown } }) =>
    reply.type('text/html; charset=utf-8').send(indexHtml);
  fastify.get(CONSOLE_PREFIX, async (_request, reply) => reply.redirect(`${CONSOLE_PREFIX}/`, 301));
  fastify.get(`${CONSOLE_PREFIX}/`, sendIndex);
  fastify.get(`${CONSOLE_PREFIX}/*`, async (request, reply) => {
    // A missing built file is a 404, not the page: a stale page asking for an old bundle must fail visibly.
    if (ASSET_PATH.test(request.url)) return reply.status(404).type('text/plain').send('Not found');
    return sendIndex(request, reply);
  });
}
