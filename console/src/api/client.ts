import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { currentAccessToken, sessionEnded } from '../auth/session';

/** The one API client: typed by the generated schema, the in-memory access token added to every request. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

const bearer: Middleware = {
  onRequest({ request }) {
    const token = currentAccessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    // The token was refused (expired while the tab slept, or revoked): back to the sign-in screen.
    if (response.status === 401) sessionEnded();
    return response;
  },
};
api.use(bearer);

/** An RFC 9457 problem as the API answers it; what the console shows of a refusal. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
}

/** The data of an answer, or the API's problem thrown for TanStack Query to hold as the error. */
export function dataOrThrow<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  throw new ApiProblem(result.response.status, result.error as Problem | undefined);
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}.`);
  }
}
