import { Button, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import { useUsers } from '../directory/directory';
import { field } from '../ui/form-field';
import { ProblemAlert } from '../ui/problem-alert';
import type { Review } from './review-table';

/**
 * Assigns (or re-assigns) a review to one of the reviewers the API lets this user list. Conflicts of interest are
 * the API's to judge: a reviewer with one is refused and the refusal is shown as the API words it.
 */
export function AssignReview({ review }: { review: Review }) {
  const [opened, { open, close }] = useDisclosure();
  const queryClient = useQueryClient();
  const users = useUsers(opened);
  const reviewers = (users.data ?? []).filter((u) => u.role === 'reviewer' && u.disabledAt === null);
  const assign = useMutation({
    mutationFn: async (reviewerId: string) =>
      dataOrThrow(
        await api.POST('/api/v1/reviews/{id}/assign', { params: { path: { id: review.id } }, body: { reviewerId } }),
      ),
    onSuccess: async () => {
      close();
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/reviews'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    assign.mutate(field(new FormData(event.currentTarget), 'reviewerId'));
  };
  const label = review.status === 'assigned' ? 'Reassign' : 'Assign';
  return (
    <>
      <Button size="xs" variant="default" onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={`${label} the review`} closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={submit}>
          <Stack>
            <ProblemAlert error={users.error} />
            {users.isPending ? (
              <Text>Loading reviewers…</Text>
            ) : reviewers.length === 0 ? (
              <Text>No reviewer to choose from.</Text>
            ) : (
              <NativeSelect
                label="Reviewer"
                name="reviewerId"
                required
                defaultValue={review.assignedReviewerId ?? reviewers[0].id}
                data={reviewers.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
              />
            )}
            <ProblemAlert error={assign.error} />
            <Button type="submit" loading={assign.isPending} disabled={reviewers.length === 0}>
              {label} review
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
