import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';

export type Agency = components['schemas']['AgencyResponse'];

/** The agencies this user may read (the API filters them), for naming an id and choosing agencies in a form. */
export function useAgencies(enabled = true) {
  return useQuery({
    queryKey: ['/api/v1/agencies', { limit: 200 }],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/agencies', { params: { query: { limit: 200 } } })).items,
  });
}

/** An agency as a reader knows it: its name and code when this user may read it, else its id. */
export function agencyName(agencies: Agency[] | undefined, id: string): string {
  const agency = agencies?.find((a) => a.id === id);
  return agency ? `${agency.name} (${agency.code})` : id;
}
