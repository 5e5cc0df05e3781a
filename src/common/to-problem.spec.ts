import { HttpException } from '@nestjs/common';
import { Conflict } from './domain-errors.js';
import { toProblem } from './to-problem.js';

/** A Fastify error as Nest's FastifyAdapter hands it to the exception filter. */
function wrappedFastifyError(code: string, statusCode: number): HttpException {
  const cause = Object.assign(new Error('fastify says no'), { name: 'FastifyError', code, statusCode });
  return new HttpException(cause.message, statusCode, { cause });
}

describe('toProblem', () => {
  it.each([
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, '/problems/unsupported-media-type'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, '/problems/content-too-large'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, '/problems/malformed-json'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, '/problems/malformed-json'],
  ])('maps Fastify’s %s, wrapped by Nest, to %i %s with our own detail', (code, status, type) => {
    const problem = toProblem(wrappedFastifyError(code, status), 'req-1');
    expect(problem).toMatchObject({ status, unexpected: false, body: { type, status, requestId: 'req-1' } });
    expect(problem.body.detail).not.toBe('fastify says no');
  });

  it('maps a bare Fastify error by its code too', () => {
    const error = Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toProblem(error, undefined)).toMatchObject({ status: 413, body: { type: '/problems/content-too-large' } });
  });

  it('answers 503 with Retry-After when PostgreSQL ends or refuses the session (severity FATAL)', () => {
    const refused = Object.assign(new Error('database "x" is not currently accepting connections'), {
      code: '55000',
      severity: 'FATAL',
    });
    const problem = toProblem(refused, undefined);
    expect(problem).toMatchObject({
      status: 503,
      unexpected: true,
      headers: { 'retry-after': '5' },
      body: { type: '/problems/database-unavailable' },
    });
    expect(problem.body.detail).not.toContain('accepting');
  });

  it('keeps a non-fatal error with the same SQLSTATE a 500', () => {
    const error = Object.assign(new Error('object not in prerequisite state'), { code: '55000', severity: 'ERROR' });
    expect(toProblem(error, undefined)).toMatchObject({ status: 500, unexpected: true });
  });

  it.each(['22021', '22P05'])('answers text PostgreSQL cannot store (SQLSTATE %s) with 400, as bad input', (code) => {
    const error = Object.assign(new Error('query failed'), { driverError: { code, severity: 'ERROR' } });
    expect(toProblem(error, undefined)).toMatchObject({
      status: 400,
      unexpected: false,
      body: { type: '/problems/invalid-characters' },
    });
  });

  it('answers anything else with a generic 500 that says nothing of the cause', () => {
    const problem = toProblem(new TypeError('cannot read properties of undefined (reading "secret")'), 'req-2');
    expect(problem.status).toBe(500);
    expect(problem.unexpected).toBe(true);
    expect(JSON.stringify(problem.body)).not.toMatch(/secret|TypeError|undefined/);
  });

  it('keeps a domain error’s extensions from overwriting the members problem details define', () => {
    const error = new Conflict('review-command-not-allowed', 'Not now.', {
      status: 'withdrawn',
      type: 'x',
      requestId: 'forged',
      allowedCommands: [],
    });
    expect(toProblem(error, 'req-3').body).toEqual({
      type: '/problems/review-command-not-allowed',
      title: 'Conflict',
      status: 409,
      detail: 'Not now.',
      requestId: 'req-3',
      allowedCommands: [],
    });
  });
});
