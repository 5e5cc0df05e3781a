import { Button, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../ui/problem-alert';
import { field } from '../ui/form-field';
import { words } from '../ui/format';

type Review = components['schemas']['ReviewResponseDto'];
type Conclusion = components['schemas']['ConcludeReviewDto'];

const FINDINGS: Conclusion['finding'][] = ['concur', 'concern', 'disagree'];

/** The reviewer's conclusion: a finding and its rationale, checked by the API (a refusal is shown as it explains it). */
export function ConcludeReview({ review }: { review: Review }) {
  const [opened, { open, close }] = useDisclosure();
  const queryClient = useQueryClient();
  const conclude = useMutation({
    mutationFn: async (body: Conclusion) =>
      dataOrThrow(await api.POST('/api/v1/reviews/{id}/conclude', { params: { path: { id: review.id } }, body })),
    onSuccess: async () => {
      close();
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/reviews'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    conclude.mutate({ finding: field(form, 'finding') as Conclusion['finding'], rationale: field(form, 'rationale') });
  };
  return (
    <>
      <Button size="xs" onClick={open}>
        Conclude
      </Button>
      <Modal opened={opened} onClose={close} title="Conclude the review" closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={submit}>
          <Stack>
            <NativeSelect label="Finding" name="finding" data={FINDINGS.map((f) => ({ value: f, label: words(f) }))} />
            <Textarea
              label="Rationale"
              name="rationale"
              description="At least 20 characters."
              minLength={20}
              maxLength={8000}
              autosize
              minRows={4}
              required
            />
            <ProblemAlert error={conclude.error} />
            <Button type="submit" loading={conclude.isPending}>
              Conclude review
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
