import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX } from '../src/bootstrap/http-app.js';

/** Someone the seed acts as: a user's access token or an API key, as an `Authorization` value. */
export interface Caller {
  label: string;
  auth: string;
}

/** An answer the seed did not expect; carries the problem details so the one-line error says why. */
export class DemoApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${describe(problem)}`);
  }
}

/**
 * The public HTTP API, called in-process through fastify's `inject`: every
 * demo record passes the same validation, permission checks, audit chain and
 * encryption as a real client's, without opening a port.
 */
export class DemoApi {
  constructor(private readonly app: NestFastifyApplication) {}

  get<T>(path: string, as: Caller): Promise<T> {
    return this.call<T>('GET', path, as, undefined, 200);
  }

  /** POST that must answer `expected` (201 for creations, 200 for commands; a list where either is right). */
  post<T>(path: string, as: Caller | null, body: unknown, expected: number | readonly number[] = 201): Promise<T> {
    return this.call<T>('POST', path, as, body, expected);
  }

  patch<T>(path: string, as: Caller, body: unknown): Promise<T> {
    return this.call<T>('PATCH', path, as, body, 200);
  }

  async login(label: string, email: string, password: string): Promise<Caller> {
    const token = await this.post<{ accessToken: string }>('/auth/login', null, { email, password }, 200);
    return { label, auth: `Bearer ${token.accessToken}` };
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    as: Caller | null,
    body: unknown,
    expected: number | readonly number[],
  ): Promise<T> {
    const url = `/${API_PREFIX}${path}`;
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: {
          ...(as ? { authorization: as.auth } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    const parsed: unknown = res.body ? safeJson(res.body) : undefined;
    if (![expected].flat().includes(res.statusCode)) throw new DemoApiError(method, url, res.statusCode, parsed);
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(problem: unknown): string {
  if (problem && typeof problem === 'object') {
    const p = problem as { title?: string; detail?: string; errors?: { field: string; message: string }[] };
    const errors = p.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
    return [p.title, p.detail, errors].filter(Boolean).join(' — ');
  }
  return String(problem);
}
