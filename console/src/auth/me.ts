import { createMongoAbility, type MongoAbility } from '@casl/ability';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';

export type Me = components['schemas']['MeResponse'];

/** The signed-in user as the API describes them, with the permission rules the API itself enforces. */
export function useMe() {
  return useQuery({
    queryKey: ['/api/v1/me'],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  });
}

/**
 * The API's own CASL rules for this user (GET /me lists them), read, never rewritten: navigation and
 * actions without a per-record `allowed…` list ask them whether the user may act on that kind of record at all.
 */
export function abilityOf(me: Me): MongoAbility {
  return createMongoAbility(me.rules as never);
}
