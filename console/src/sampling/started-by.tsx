import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { useUser } from '../directory/directory';
import { UserText } from '../ui/user-text';
import type { SamplingRun } from './sampling-run-facts';

/**
 * Who started each run, as the audit log records it (`sampling_run.created`, its actor): the run itself does not
 * name its requester. Only a user who may read the audit log (the commissioner) gets names; one request per page.
 */
export function useRunStarters(enabled: boolean) {
  return useQuery({
    queryKey: ['/api/v1/audit/events', { action: 'sampling_run.created' }],
    enabled,
    queryFn: async () => {
      const page = dataOrThrow(
        await api.GET('/api/v1/audit/events', {
          params: { query: { subjectType: 'sampling_run', action: 'sampling_run.created', limit: 200 } },
        }),
      );
      return new Map(page.items.map((e) => [e.subject.id, e.actor.type === 'user' ? e.actor.id : null]));
    },
  });
}

export function StartedBy({ run, starterId }: { run: SamplingRun; starterId: string | null | undefined }) {
  const user = useUser(run.trigger === 'manual' ? starterId : null);
  if (run.trigger === 'schedule') return <>Weekly schedule</>;
  if (user.data) return <UserText value={user.data.displayName} />;
  return <>Commissioner (by hand)</>;
}
