import type { FastifyReply } from 'fastify';
import type { TokenResponse } from './dto.js';
import type { SessionGrant } from './console-sessions.js';

export const REFRESH_COOKIE = 'oversight_refresh';
/**
 * Sent only to the session routes (under the API prefix, `bootstrap/http-app.ts`), never with the API's other
 * requests: the console authenticates those with the access token in its memory.
 */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * Always `Secure` (browsers accept it over plain HTTP from localhost, a secure context), HttpOnly so no script
 * reads it, SameSite=Strict so no other site's page makes a browser send it.
 */
const ATTRIBUTES = { path: REFRESH_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict' } as const;

/** Sets the grant's refresh token as the cookie; the access token is the body. */
export function withRefreshCookie(reply: FastifyReply, grant: SessionGrant): TokenResponse {
  void reply.setCookie(REFRESH_COOKIE, grant.refreshToken, { ...ATTRIBUTES, maxAge: grant.maxAgeSeconds });
  return grant.access;
}

/** Tells the browser to drop the cookie (same name, path and attributes, Max-Age=0). */
export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, ATTRIBUTES);
}

/** The cookie's documentation, for the routes that set or clear it. */
export const REFRESH_COOKIE_HEADER = {
  'Set-Cookie': {
    description:
      `\`${REFRESH_COOKIE}=<opaque token>; Max-Age=<seconds the sign-in has left>; Path=${REFRESH_COOKIE_PATH}; ` +
      'HttpOnly; Secure; SameSite=Strict`. The token is 32 random bytes (base64url), valid once.',
    required: true,
    schema: {
      type: 'string',
      pattern:
        `^${REFRESH_COOKIE}=[A-Za-z0-9_-]{43}; Max-Age=\\d+; Path=${REFRESH_COOKIE_PATH.replace(/\//g, '\\/')}; ` +
        'HttpOnly; Secure; SameSite=Strict$',
    },
  },
};

export const CLEARED_COOKIE_HEADER = {
  'Set-Cookie': {
    description: `\`${REFRESH_COOKIE}=; Max-Age=0; Path=${REFRESH_COOKIE_PATH}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict\`: the browser drops the cookie.`,
    required: true,
    schema: { type: 'string', pattern: `^${REFRESH_COOKIE}=; Max-Age=0; ` },
  },
};
