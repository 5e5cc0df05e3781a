import { Group, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { operations } from '../api/schema';
import { abilityOf, useMe } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { words } from '../ui/format';
import { AutoAssign } from './auto-assign';
import { ReviewTable } from './review-table';

type ReviewStatus = NonNullable<NonNullable<operations['listReviews']['parameters']['query']>['status']>;
const STATUSES: ReviewStatus[] = ['pending', 'assigned', 'awaiting_response', 'disputed', 'closed', 'withdrawn'];

export function ReviewQueuePage() {
  const { search } = useLocation();
  const me = useMe();
  const status = search.get('status') as ReviewStatus | null;
  const query = { limit: 100, ...(status ? { status } : {}) };
  const reviews = useQuery({
    queryKey: ['/api/v1/reviews', query],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/reviews', { params: { query } })),
  });
  return (
    <>
      <PageTitle>Review queue</PageTitle>
      <Group justify="space-between" align="end" mb="md">
        <NativeSelect
          label="Status"
          w={240}
          value={status ?? ''}
          onChange={(e) => navigate(e.currentTarget.value ? `/reviews?status=${e.currentTarget.value}` : '/reviews')}
          data={[{ value: '', label: 'Any' }, ...STATUSES.map((s) => ({ value: s, label: words(s) }))]}
        />
        {me.data && abilityOf(me.data).can('assign', 'Review') && <AutoAssign />}
      </Group>
      <ProblemAlert error={reviews.error} />
      {reviews.data && <ReviewTable reviews={reviews.data.items} withCase />}
    </>
  );
}
