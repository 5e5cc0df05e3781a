import '../complaints/forms.css';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { field } from '../ui/form-field';
import { words } from '../ui/format';
import { ProblemAlert } from '../ui/problem-alert';
import { agencyName, useAgencies } from './agencies';

export type Investigation = components['schemas']['InvestigationResponse'];
export type InvestigationAction = Investigation['allowedActions'][number];
type Proposal = components['schemas']['ProposedRecommendationDto'];

const EVIDENCE_KINDS: components['schemas']['AddEvidenceDto']['kind'][] = [
  'case',
  'decision_record',
  'review',
  'visit',
  'alert',
];
const THEMES: Proposal['theme'][] = ['identification', 'referral', 'detention', 'removal', 'training', 'data', 'other'];
const PRIORITIES: Proposal['priority'][] = ['normal', 'urgent'];

/** What each action is called on its button, in the order the buttons stand. */
export const ACTION_LABELS: Record<InvestigationAction, string> = {
  assign_investigators: 'Assign investigators',
  add_evidence: 'Add evidence',
  draft: 'Send the draft for comment',
  comment: 'Comment on the draft',
  publish: 'Publish the final report',
  close_without_findings: 'Close without findings',
};

/** POST /investigations/{id}/<route> with the body; each route typed by the generated schema. */
async function post(id: string, action: InvestigationAction, body: Record<string, unknown>): Promise<Investigation> {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'assign_investigators':
      return dataOrThrow(
        await api.POST('/api/v1/investigations/{id}/investigators', { ...params, body: body as never }),
      );
    case 'add_evidence':
      return dataOrThrow(await api.POST('/api/v1/investigations/{id}/evidence', { ...params, body: body as never }));
    case 'draft':
      return dataOrThrow(await api.POST('/api/v1/investigations/{id}/draft', { ...params, body: body as never }));
    case 'comment':
      return dataOrThrow(await api.POST('/api/v1/investigations/{id}/comment', { ...params, body: body as never }));
    case 'publish':
      return dataOrThrow(await api.POST('/api/v1/investigations/{id}/publish', { ...params, body: body as never }));
    case 'close_without_findings':
      return dataOrThrow(
        await api.POST('/api/v1/investigations/{id}/close_without_findings', { ...params, body: body as never }),
      );
  }
}

/**
 * One button per action the API lists for this user now (`allowedActions`), each opening its form; the API checks
 * the rest (a refusal is shown as it explains it).
 */
export function InvestigationActions({ investigation }: { investigation: Investigation }) {
  const actions = (Object.keys(ACTION_LABELS) as InvestigationAction[]).filter((a) =>
    investigation.allowedActions.includes(a),
  );
  if (actions.length === 0) return null;
  return (
    <Group gap="sm">
      {actions.map((action) => (
        <ActionForm key={action} investigation={investigation} action={action} />
      ))}
    </Group>
  );
}

function ActionForm({ investigation, action }: { investigation: Investigation; action: InvestigationAction }) {
  const [opened, { open, close }] = useDisclosure();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      post(investigation.id, action, { expectedVersion: investigation.version, ...body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['/api/v1/investigations/{id}', investigation.id], updated);
      close();
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/investigations'] });
    },
  });
  const [proposals, setProposals] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    act.mutate(bodyOf(action, new FormData(event.currentTarget), proposals));
  };
  const label = ACTION_LABELS[action];
  return (
    <>
      <Button variant={action === 'close_without_findings' ? 'default' : 'filled'} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={submit}>
          <Stack>
            {opened && (
              <Fields action={action} investigation={investigation} proposals={proposals} setProposals={setProposals} />
            )}
            <ProblemAlert error={act.error} />
            <Button type="submit" loading={act.isPending}>
              {label}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function bodyOf(action: InvestigationAction, form: FormData, proposals: number): Record<string, unknown> {
  switch (action) {
    case 'assign_investigators':
      return { reviewerIds: form.getAll('reviewerIds').map(String) };
    case 'add_evidence':
      return { kind: field(form, 'kind'), id: field(form, 'id').trim(), note: field(form, 'note') };
    case 'draft':
      return {
        text: field(form, 'text'),
        proposedRecommendations: Array.from({ length: proposals }, (_, i) => ({
          agencyId: field(form, `agencyId-${i}`),
          theme: field(form, `theme-${i}`),
          priority: field(form, `priority-${i}`),
          text: field(form, `text-${i}`),
        })),
      };
    case 'comment':
    case 'publish':
      return { text: field(form, 'text') };
    case 'close_without_findings':
      return { reason: field(form, 'reason') };
  }
}

function Fields({
  action,
  investigation,
  proposals,
  setProposals,
}: {
  action: InvestigationAction;
  investigation: Investigation;
  proposals: number;
  setProposals: (n: number) => void;
}): ReactNode {
  switch (action) {
    case 'assign_investigators':
      return <ReviewerChoice chosen={investigation.investigators ?? []} />;
    case 'add_evidence':
      return (
        <>
          <NativeSelect
            label="Kind of record"
            name="kind"
            data={EVIDENCE_KINDS.map((k) => ({ value: k, label: words(k) }))}
          />
          <TextInput label="Record id" name="id" required description="The record’s id (a UUID)." />
          <Textarea label="Why it matters" name="note" required maxLength={8000} autosize minRows={3} />
        </>
      );
    case 'draft':
      return (
        <>
          <Textarea label="Draft report" name="text" required maxLength={100_000} autosize minRows={6} />
          <ProposedRecommendations
            agencyIds={investigation.scope?.agencyIds ?? []}
            count={proposals}
            setCount={setProposals}
          />
        </>
      );
    case 'comment':
      return <Textarea label="Comment on the facts" name="text" required maxLength={8000} autosize minRows={4} />;
    case 'publish':
      return (
        <Textarea
          label="Final report"
          name="text"
          required
          maxLength={100_000}
          autosize
          minRows={6}
          defaultValue={investigation.draft?.text ?? ''}
          description="Frozen once published; the proposed recommendations are issued with it."
        />
      );
    case 'close_without_findings':
      return <Textarea label="Reason" name="reason" required maxLength={8000} autosize minRows={3} />;
  }
}

/** The reviewers the API lists (it refuses one with a conflict with an agency in scope), the current ones ticked. */
function ReviewerChoice({ chosen }: { chosen: string[] }) {
  const users = useQuery({
    queryKey: ['/api/v1/users', { limit: 200 }],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/users', { params: { query: { limit: 200 } } })).items,
  });
  const reviewers = (users.data ?? []).filter((u) => u.role === 'reviewer' && !u.disabledAt);
  return (
    <fieldset className="choices">
      <legend>Investigators</legend>
      <ProblemAlert error={users.error} />
      {users.data && reviewers.length === 0 && <Text>No reviewers.</Text>}
      <Stack gap={6}>
        {reviewers.map((u) => (
          <Checkbox
            key={u.id}
            name="reviewerIds"
            value={u.id}
            defaultChecked={chosen.includes(u.id)}
            label={`${u.displayName} (${u.email})`}
          />
        ))}
      </Stack>
    </fieldset>
  );
}

function ProposedRecommendations({
  agencyIds,
  count,
  setCount,
}: {
  agencyIds: string[];
  count: number;
  setCount: (n: number) => void;
}) {
  const agencies = useAgencies();
  return (
    <fieldset className="choices">
      <legend>Proposed recommendations</legend>
      <Stack>
        {count === 0 && <Text size="sm">None yet.</Text>}
        {Array.from({ length: count }, (_, i) => (
          <Stack key={i} gap="xs">
            <Group gap="xs" align="end">
              <NativeSelect
                label={`Recommendation ${i + 1}: agency`}
                name={`agencyId-${i}`}
                data={agencyIds.map((id) => ({ value: id, label: agencyName(agencies.data, id) }))}
              />
              <NativeSelect
                label="Theme"
                name={`theme-${i}`}
                data={THEMES.map((t) => ({ value: t, label: words(t) }))}
              />
              <NativeSelect
                label="Priority"
                name={`priority-${i}`}
                data={PRIORITIES.map((p) => ({ value: p, label: words(p) }))}
              />
            </Group>
            <Textarea label={`Recommendation ${i + 1}: text`} name={`text-${i}`} required maxLength={8000} autosize />
          </Stack>
        ))}
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setCount(count + 1)}>
            Add a recommendation
          </Button>
          {count > 0 && (
            <ActionIcon
              variant="default"
              size="md"
              aria-label="Remove the last recommendation"
              onClick={() => setCount(count - 1)}
            >
              −
            </ActionIcon>
          )}
        </Group>
      </Stack>
    </fieldset>
  );
}
