import { Button, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../ui/problem-alert';
import { field } from '../ui/form-field';

type Review = components['schemas']['ReviewResponseDto'];
type Response = components['schemas']['RespondReviewDto'];

/**
 * The deciding agency's answer to a concern or disagreement: accept (the review closes) or reject (it is disputed
 * until the commissioner closes it), with its text. Offered only when the review lists `respond`.
 */
export function RespondToReview({ review }: { review: Review }) {
  const [opened, { open, close }] = useDisclosure();
  const queryClient = useQueryClient();
  const respond = useMutation({
    mutationFn: async (body: Response) =>
      dataOrThrow(await api.POST('/api/v1/reviews/{id}/respond', { params: { path: { id: review.id } }, body })),
    onSuccess: async () => {
      close();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['/api/v1/reviews'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/dashboard'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/alerts'] }),
      ]);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    respond.mutate({
      response: field(form, 'response') as Response['response'],
      responseText: field(form, 'responseText'),
    });
  };
  return (
    <>
      <Button size="xs" onClick={open}>
        Respond
      </Button>
      <Modal opened={opened} onClose={close} title="Respond to the review" closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={submit}>
          <Stack>
            <NativeSelect
              label="Response"
              name="response"
              data={[
                { value: 'accept', label: 'Accept the finding (the review closes)' },
                { value: 'reject', label: 'Dispute the finding (the commissioner decides)' },
              ]}
            />
            <Textarea
              label="Response text"
              name="responseText"
              description="At least 10 characters; the office reads it as written."
              minLength={10}
              maxLength={8000}
              autosize
              minRows={4}
              required
            />
            <ProblemAlert error={respond.error} />
            <Button type="submit" loading={respond.isPending}>
              Send response
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
