import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';

export type Visit = components['schemas']['VisitResponse'];
export type Place = components['schemas']['PlaceResponse'];

/** One visit as the API shows it to this user (a visit they may not read answers 404, shown as the refusal). */
export function useVisit(id: string) {
  return useQuery({
    queryKey: ['/api/v1/visits/{id}', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/visits/{id}', { params: { path: { id } } })),
  });
}

/**
 * The places this user may read, by id, to name a visit's place. One page of the API's largest size: a
 * commissioner's office visits a few hundred places at most; a place beyond it is shown by its own look-up.
 */
export function usePlaces(enabled = true) {
  return useQuery({
    queryKey: ['/api/v1/places', { limit: 200 }],
    enabled,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/places', { params: { query: { limit: 200 } } })),
    select: (page) => new Map(page.items.map((p) => [p.id, p])),
    staleTime: 60_000,
  });
}

/** A place's name: from the list when it is there, else its own record (only asked once a visit was answered). */
export function usePlaceName(placeId: string | undefined): string | undefined {
  const places = usePlaces(placeId !== undefined);
  const listed = placeId ? places.data?.get(placeId) : undefined;
  const single = useQuery({
    queryKey: ['/api/v1/places/{id}', placeId],
    enabled: placeId !== undefined && places.isSuccess && !listed,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/places/{id}', { params: { path: { id: placeId! } } })),
  });
  return listed?.name ?? single.data?.name;
}

/**
 * A visit's action: the body carries the version the user acted on (409 when someone acted first); the answer is
 * the visit as it is now, and every list of visits (and the dashboard's count) is read again.
 */
export function useVisitAction<Body>(visit: Visit, send: (id: string, body: Body) => Promise<Visit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => send(visit.id, body),
    onSuccess: async (next) => {
      queryClient.setQueryData(['/api/v1/visits/{id}', visit.id], next);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['/api/v1/visits'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/visits/{id}/roll', visit.id] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/dashboard'] }),
      ]);
    },
  });
}
