import { useSyncExternalStore } from 'react';

/**
 * The console's few client routes need no router library: the path under /console/ and its query string,
 * kept in the browser's history so back, forward, reload and shared links work.
 */
export const BASE = '/console';

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(to: string): void {
  window.history.pushState(null, '', `${BASE}${to}`);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export interface Location {
  path: string;
  search: URLSearchParams;
}

let cached: { href: string; location: Location } | undefined;

function snapshot(): Location {
  const href = window.location.href;
  if (cached?.href !== href) {
    const path = window.location.pathname.slice(BASE.length).replace(/\/$/, '') || '/';
    cached = { href, location: { path, search: new URLSearchParams(window.location.search) } };
  }
  return cached.location;
}

export function useLocation(): Location {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, snapshot);
}
