import { Button, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { field } from '../ui/form-field';
import { words } from '../ui/format';
import { ProblemAlert } from '../ui/problem-alert';

type Complaint = components['schemas']['ComplaintResponse'];
type Triage = components['schemas']['TriageComplaintDto'];
type Outcome = Triage['outcome'];

const OUTCOMES: Outcome[] = ['investigate', 'refer_to_review', 'no_action'];

/** The one triage of a complaint (SPEC §13); `investigate` also names the investigation it opens. */
export function TriageComplaint({ complaint }: { complaint: Complaint }) {
  const [outcome, setOutcome] = useState<Outcome>('investigate');
  const queryClient = useQueryClient();
  const triage = useMutation({
    mutationFn: async (body: Triage) =>
      dataOrThrow(await api.POST('/api/v1/complaints/{id}/triage', { params: { path: { id: complaint.id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/complaints'] });
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/complaints/{id}', complaint.id] });
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/investigations'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    triage.mutate({
      expectedVersion: complaint.version,
      outcome,
      reason: field(form, 'reason'),
      ...(outcome === 'investigate'
        ? { title: field(form, 'title'), termsOfReference: field(form, 'termsOfReference') }
        : {}),
    });
  };
  return (
    <form onSubmit={submit} aria-label="Triage the complaint">
      <Stack mt="sm" maw={640}>
        <NativeSelect
          label="Outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}
          data={OUTCOMES.map((o) => ({ value: o, label: words(o) }))}
        />
        <Textarea label="Reason" name="reason" required maxLength={8000} autosize minRows={3} />
        {outcome === 'investigate' && (
          <>
            <TextInput label="Investigation title" name="title" required maxLength={500} />
            <Textarea
              label="Terms of reference"
              name="termsOfReference"
              required
              maxLength={100_000}
              autosize
              minRows={3}
            />
          </>
        )}
        <ProblemAlert error={triage.error} />
        <Button type="submit" loading={triage.isPending}>
          Triage
        </Button>
      </Stack>
    </form>
  );
}
