import { Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';

/**
 * Asks the API to assign pending reviews (of one run, or all), balanced over reviewers without a conflict; shown
 * only to a user whose rules let them assign reviews. What could not be placed is said, not hidden.
 */
export function AutoAssign({ runId }: { runId?: string }) {
  const queryClient = useQueryClient();
  const autoAssign = useMutation({
    mutationFn: async () =>
      dataOrThrow(await api.POST('/api/v1/reviews/auto-assign', { body: runId ? { runId } : {} })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/reviews'] });
    },
  });
  return (
    <Stack gap={4} align="end">
      <Button variant="default" onClick={() => autoAssign.mutate()} loading={autoAssign.isPending}>
        {runId ? 'Auto-assign this run’s pending reviews' : 'Auto-assign pending reviews'}
      </Button>
      <div role="status">
        {autoAssign.data && (
          <Text size="sm">
            {autoAssign.data.assigned} review(s) assigned
            {autoAssign.data.unassignable.length > 0 &&
              `; ${autoAssign.data.unassignable.length} could not be (every reviewer has a conflict)`}
            .
          </Text>
        )}
      </div>
      <ProblemAlert error={autoAssign.error} />
    </Stack>
  );
}
