import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';

export type Agency = components['schemas']['AgencyResponse'];
export type User = components['schemas']['UserResponse'];

/** Every page of a cursor-paged list (agencies and users are few: a handful of pages at most). */
async function allPages<T>(fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The agencies the API lets this user read (all of them for the commissioner's office, else their own). */
export function useAgencies(enabled = true) {
  return useQuery({
    queryKey: ['/api/v1/agencies', 'all'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: () =>
      allPages(async (cursor) =>
        dataOrThrow(
          await api.GET('/api/v1/agencies', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }),
        ),
      ),
  });
}

/** The users the API lets this user list; the console picks reviewers among them, the API decides who may take what. */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: ['/api/v1/users', 'all'],
    enabled,
    staleTime: 60_000,
    queryFn: () =>
      allPages(async (cursor) =>
        dataOrThrow(
          await api.GET('/api/v1/users', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }),
        ),
      ),
  });
}

/** One user by id, as the API shows them (null while unknown or not readable). */
export function useUser(id: string | null | undefined) {
  return useQuery({
    queryKey: ['/api/v1/users/{id}', id],
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/users/{id}', { params: { path: { id: id! } } })),
  });
}
