import '../complaints/forms.css';
import { Button, Checkbox, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { field } from '../ui/form-field';
import { words } from '../ui/format';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate } from '../ui/router';
import { useAgencies } from './agencies';

type NewInvestigation = components['schemas']['CreateInvestigationDto'];
type Origin = NewInvestigation['origin'];
/** What a client may give as the origin (`complaint` is set by a complaint's triage only). */
const ORIGINS: Origin[] = ['own_initiative', 'review_pattern', 'visit'];

/** Opens an investigation of agencies the office oversees (SPEC §13). */
export function OpenInvestigation() {
  const [opened, { open, close }] = useDisclosure();
  const agencies = useAgencies(opened);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async (body: NewInvestigation) => dataOrThrow(await api.POST('/api/v1/investigations', { body })),
    onSuccess: async (investigation) => {
      close();
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/investigations'] });
      navigate(`/investigations/${investigation.id}`);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      title: field(form, 'title'),
      origin: field(form, 'origin') as Origin,
      scope: { agencyIds: form.getAll('agencyIds').map(String) },
      termsOfReference: field(form, 'termsOfReference'),
    });
  };
  const choosable = (agencies.data ?? []).filter((a) => a.kind !== 'commissioner_office');
  return (
    <>
      <Button onClick={open}>Open an investigation</Button>
      <Modal
        opened={opened}
        onClose={close}
        title="Open an investigation"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit}>
          <Stack>
            <TextInput label="Title" name="title" required maxLength={500} />
            <NativeSelect label="Origin" name="origin" data={ORIGINS.map((o) => ({ value: o, label: words(o) }))} />
            <fieldset className="choices">
              <legend>Agencies in scope</legend>
              <ProblemAlert error={agencies.error} />
              <Stack gap={6}>
                {choosable.map((a) => (
                  <Checkbox key={a.id} name="agencyIds" value={a.id} label={`${a.name} (${a.code})`} />
                ))}
              </Stack>
            </fieldset>
            <Textarea
              label="Terms of reference"
              name="termsOfReference"
              required
              maxLength={100_000}
              autosize
              minRows={4}
            />
            <ProblemAlert error={create.error} />
            <Button type="submit" loading={create.isPending}>
              Open investigation
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
