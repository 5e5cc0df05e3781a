import type { Response } from 'supertest';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
  [extension: string]: unknown;
}

/**
 * Asserts an RFC 9457 problem response: the status, `application/problem+json`,
 * `type`/`title`/`status` in the body, and no stack trace. The body is shown
 * when the status differs, so a failing test says why.
 */
export function expectProblem(res: Response, status: number): Problem {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { type: expect.any(String), title: expect.any(String), status },
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json\b/);
  expect(res.text).not.toMatch(/"stack"|\n\s+at |\bat .+\.(js|ts):\d+/);
  return res.body as Problem;
}

/** The fields a problem's `errors` name. */
export function errorFields(problem: Problem): string[] {
  return (problem.errors ?? []).map((e) => e.field);
}
