import './forms.css';
import { Button, Checkbox, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { useAgencies } from '../investigations/agencies';
import { field } from '../ui/form-field';
import { words } from '../ui/format';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate } from '../ui/router';

type NewComplaint = components['schemas']['CreateComplaintDto'];
type Channel = NewComplaint['channel'];
type Relationship = NonNullable<NewComplaint['complainant']>['relationship'];

const CHANNELS: Channel[] = ['phone', 'email', 'letter', 'visit', 'web'];
const RELATIONSHIPS: Relationship[] = ['victim', 'representative', 'ngo', 'official', 'other'];

/** `YYYY-MM-DDTHH:MM` in UTC, what a datetime-local field holds; the form reads it back as UTC. */
function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** Case references as people write them ("BP-1, BP-2") → the cases' ids, asked of the API one by one. */
async function caseIdsOf(references: string): Promise<string[]> {
  const refs = [...new Set(references.split(/[\s,]+/).filter(Boolean))];
  const ids: string[] = [];
  for (const externalRef of refs) {
    const page = dataOrThrow(await api.GET('/api/v1/cases', { params: { query: { externalRef, limit: 1 } } }));
    const found = page.items[0];
    if (!found) throw new ApiProblem(422, { detail: `No case with the reference ${externalRef}.` });
    ids.push(found.id);
  }
  return ids;
}

/** Records a complaint as staff took it (SPEC §13): a named complainant's name and contact are encrypted by the API. */
export function RecordComplaint() {
  const [opened, { open, close }] = useDisclosure();
  const [anonymous, setAnonymous] = useState(false);
  const agencies = useAgencies(opened);
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: async (form: FormData) => {
      const caseIds = await caseIdsOf(field(form, 'cases'));
      const name = field(form, 'name').trim();
      const contact = field(form, 'contact').trim();
      const body: NewComplaint = {
        receivedAt: new Date(`${field(form, 'receivedAt')}:00Z`).toISOString(),
        channel: field(form, 'channel') as Channel,
        anonymous,
        ...(anonymous
          ? {}
          : {
              complainant: {
                relationship: field(form, 'relationship') as Relationship,
                ...(name ? { name } : {}),
                ...(contact ? { contact } : {}),
              },
            }),
        summary: field(form, 'summary'),
        agencyIds: form.getAll('agencyIds').map(String),
        ...(caseIds.length > 0 ? { caseIds } : {}),
      };
      return dataOrThrow(await api.POST('/api/v1/complaints', { body }));
    },
    onSuccess: async (complaint) => {
      close();
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/complaints'] });
      navigate(`/complaints/${complaint.id}`);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    record.mutate(new FormData(event.currentTarget));
  };
  const choosable = (agencies.data ?? []).filter((a) => a.kind !== 'commissioner_office');
  return (
    <>
      <Button onClick={open}>Record a complaint</Button>
      <Modal
        opened={opened}
        onClose={close}
        title="Record a complaint"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit}>
          <Stack>
            <TextInput
              type="datetime-local"
              label="Received (UTC)"
              name="receivedAt"
              defaultValue={utcMinute(new Date(Date.now() - 60_000))}
              required
            />
            <NativeSelect label="Channel" name="channel" data={CHANNELS.map((c) => ({ value: c, label: words(c) }))} />
            <Checkbox
              label="Anonymous (no complainant is recorded)"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
            />
            {!anonymous && (
              <>
                <NativeSelect
                  label="Complainant’s relationship"
                  name="relationship"
                  data={RELATIONSHIPS.map((r) => ({ value: r, label: words(r) }))}
                />
                <TextInput
                  label="Complainant’s name (optional)"
                  description="Personal data: encrypted; shown only to staff who may read it."
                  name="name"
                  maxLength={200}
                  autoComplete="off"
                />
                <TextInput label="Complainant’s contact (optional)" name="contact" maxLength={500} autoComplete="off" />
              </>
            )}
            <Textarea label="Summary" name="summary" required maxLength={20_000} autosize minRows={4} />
            <fieldset className="choices">
              <legend>Agencies complained about</legend>
              <ProblemAlert error={agencies.error} />
              <Stack gap={6}>
                {choosable.map((a) => (
                  <Checkbox key={a.id} name="agencyIds" value={a.id} label={`${a.name} (${a.code})`} />
                ))}
              </Stack>
            </fieldset>
            <TextInput
              label="Cases (optional)"
              description="Case references, separated by commas."
              name="cases"
              autoComplete="off"
            />
            <ProblemAlert error={record.error} />
            <Button type="submit" loading={record.isPending}>
              Record complaint
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
