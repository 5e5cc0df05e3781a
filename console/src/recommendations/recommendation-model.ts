import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { components, operations } from '../api/schema';
import { abilityOf, type Me } from '../auth/me';

export type Recommendation = components['schemas']['RecommendationResponseDto'];
export type HistoryLine = components['schemas']['RecommendationHistoryDto'];
export type RecommendationFilters = NonNullable<operations['listRecommendations']['parameters']['query']>;
export type RecommendationState = Recommendation['state'];
export type Theme = Recommendation['theme'];
export type SourceKind = components['schemas']['RecommendationSourceDto']['kind'];

/** The states the API documents, in the order a recommendation moves through them. */
export const STATES: RecommendationState[] = [
  'issued',
  'accepted',
  'partially_accepted',
  'implementation_claimed',
  'implemented',
  'rejected',
  'withdrawn',
];
export const THEMES: Theme[] = ['identification', 'referral', 'detention', 'removal', 'training', 'data', 'other'];
/** `investigation` is set by publishing an investigation only (SPEC §12): not offered when issuing. */
export const ISSUABLE_SOURCES: SourceKind[] = ['own_initiative', 'review', 'visit'];

/**
 * The names of the agencies this user may read (GET /agencies lists exactly those), to show an agency id as its
 * name; a user without the rule sees the id.
 */
export function useAgencies(me: Me) {
  const enabled = abilityOf(me).can('read', 'Agency');
  const query = useQuery({
    queryKey: ['/api/v1/agencies', { limit: 200 }],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/agencies', { params: { query: { limit: 200 } } })),
  });
  const agencies = query.data?.items ?? [];
  const nameOf = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  return { agencies, nameOf, error: query.error, settled: !enabled || !query.isPending };
}

/** The key every recommendation query starts with: a mutation invalidates it, lists and pages alike. */
export const RECOMMENDATIONS_KEY = '/api/v1/recommendations';
