import { useSyncExternalStore } from 'react';
import { api, type Problem } from '../api/client';
import type { components } from '../api/schema';

type TokenResponse = components['schemas']['TokenResponse'];

/**
 * The access token lives in this module's memory only — never localStorage or sessionStorage, where any script
 * on the origin could read it. The refresh token is an HttpOnly cookie the page cannot read at all; a reload
 * gets a fresh access token from POST /auth/refresh with it.
 */
interface Session {
  accessToken: string;
  expiresAt: number;
}

type State =
  { status: 'unknown' } | { status: 'signed-out'; reason?: string } | { status: 'signed-in'; session: Session };

let state: State = { status: 'unknown' };
let refreshTimer: number | undefined;
const listeners = new Set<() => void>();

/** The cookie routes accept a request only with this header (CSRF: a cross-site form cannot set it). */
const CONSOLE_REQUEST = { params: { header: { 'X-Oversight-Console': '1' as const } } };
/** Refresh this long before the access token expires, so a request never goes out with a dead one. */
const REFRESH_MARGIN_MS = 60_000;

function set(next: State): void {
  state = next;
  window.clearTimeout(refreshTimer);
  if (next.status === 'signed-in') {
    const wait = Math.max(5_000, next.session.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    refreshTimer = window.setTimeout(() => void refresh(), wait);
  }
  for (const listener of listeners) listener();
}

function started(body: TokenResponse): void {
  set({
    status: 'signed-in',
    session: { accessToken: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000 },
  });
}

export function currentAccessToken(): string | undefined {
  return state.status === 'signed-in' ? state.session.accessToken : undefined;
}

export function useSession(): State {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** Signs in with e-mail and password; the answer sets the refresh cookie. Resolves to the refusal's text, if any. */
export async function signIn(email: string, password: string): Promise<string | undefined> {
  const { data, error, response } = await api.POST('/api/v1/auth/session', { body: { email, password } });
  if (data) {
    started(data);
    return undefined;
  }
  const problem = error as Problem | undefined;
  return problem?.detail ?? problem?.title ?? `Sign-in failed (${response.status}).`;
}

let refreshing: Promise<void> | undefined;

/**
 * A new access token from the refresh cookie; signed out if it is refused. The API rotates the cookie on every use
 * and ends the whole sign-in when a used one comes back, so two refreshes must never overlap.
 */
export function refresh(): Promise<void> {
  refreshing ??= (async () => {
    const { data } = await api.POST('/api/v1/auth/refresh', CONSOLE_REQUEST).catch(() => ({ data: undefined }));
    if (data) started(data);
    else set({ status: 'signed-out' });
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

/** Revokes the refresh token (the API clears the cookie) and forgets the access token. */
export async function signOut(): Promise<void> {
  await api.POST('/api/v1/auth/logout', CONSOLE_REQUEST).catch(() => undefined);
  set({ status: 'signed-out' });
}

/** The API refused the access token. */
export function sessionEnded(): void {
  if (state.status === 'signed-in') set({ status: 'signed-out', reason: 'Your session ended. Sign in again.' });
}
