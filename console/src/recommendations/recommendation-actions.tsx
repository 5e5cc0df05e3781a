import { Button, Card, Group, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../ui/problem-alert';
import { field } from '../ui/form-field';
import { words } from '../ui/format';
import { RECOMMENDATIONS_KEY, type Recommendation } from './recommendation-model';

type Respond = components['schemas']['RespondRecommendationDto'];
type Progress = components['schemas']['ProgressRecommendationDto'];
type Verify = components['schemas']['VerifyRecommendationDto'];

type Action =
  | { type: 'respond'; body: Respond }
  | { type: 'progress'; body: Progress }
  | { type: 'verify'; body: Verify }
  | { type: 'withdraw'; body: components['schemas']['WithdrawRecommendationDto'] };

/** One POST per action, with the version the user saw (a stale one answers 409, shown as the API explains it). */
function useRecommendationAction(recommendation: Recommendation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: Action) => {
      const params = { params: { path: { id: recommendation.id } } };
      switch (action.type) {
        case 'respond':
          return dataOrThrow(await api.POST('/api/v1/recommendations/{id}/respond', { ...params, body: action.body }));
        case 'progress':
          return dataOrThrow(await api.POST('/api/v1/recommendations/{id}/progress', { ...params, body: action.body }));
        case 'verify':
          return dataOrThrow(await api.POST('/api/v1/recommendations/{id}/verify', { ...params, body: action.body }));
        case 'withdraw':
          return dataOrThrow(await api.POST('/api/v1/recommendations/{id}/withdraw', { ...params, body: action.body }));
      }
    },
    // Only the fields a choice carries are sent: the API refuses a target date where none belongs.
    onSuccess: async (after) => {
      queryClient.setQueryData([`${RECOMMENDATIONS_KEY}/{id}`, recommendation.id], after);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [RECOMMENDATIONS_KEY] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/dashboard'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/alerts'] }),
      ]);
    },
  });
}

/** The actions the API lists for this user on this recommendation (`allowedActions`), each as its own form. */
export function RecommendationActions({ recommendation }: { recommendation: Recommendation }) {
  const allowed = recommendation.allowedActions;
  if (allowed.length === 0) return null;
  return (
    <section aria-labelledby="actions">
      <Title order={2} size="h3" id="actions" mb="sm">
        Actions
      </Title>
      <Stack>
        {allowed.includes('respond') && <RespondForm recommendation={recommendation} />}
        {allowed.includes('progress') && <ProgressForm recommendation={recommendation} />}
        {allowed.includes('verify') && <VerifyForm recommendation={recommendation} />}
        {allowed.includes('withdraw') && <WithdrawForm recommendation={recommendation} />}
      </Stack>
    </section>
  );
}

function ActionCard({
  title,
  onSubmit,
  error,
  pending,
  submit,
  children,
}: {
  title: string;
  onSubmit: (form: FormData) => void;
  error: unknown;
  pending: boolean;
  submit: string;
  children: ReactNode;
}) {
  const id = useId();
  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  };
  return (
    <Card withBorder component="form" onSubmit={handle} aria-labelledby={id} maw={640}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
        <ProblemAlert error={error} />
        <Group>
          <Button type="submit" loading={pending}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const TEXT_MAX = 8000;

function TargetDate({ label = 'Target date', description }: { label?: string; description: string }) {
  return <TextInput type="date" label={label} name="targetDate" description={description} required />;
}

function RespondForm({ recommendation }: { recommendation: Recommendation }) {
  const act = useRecommendationAction(recommendation);
  const [response, setResponse] = useState<Respond['response']>('accepted');
  const onSubmit = (form: FormData) =>
    act.mutate({
      type: 'respond',
      body: {
        expectedVersion: recommendation.version,
        response,
        ...(response !== 'rejected' ? { targetDate: field(form, 'targetDate') } : {}),
        ...(response !== 'accepted' ? { reason: field(form, 'reason') } : {}),
      },
    });
  return (
    <ActionCard title="Respond" onSubmit={onSubmit} error={act.error} pending={act.isPending} submit="Send response">
      <NativeSelect
        label="Response"
        name="response"
        value={response}
        onChange={(e) => setResponse(e.currentTarget.value as Respond['response'])}
        data={(['accepted', 'partially_accepted', 'rejected'] as const).map((v) => ({ value: v, label: words(v) }))}
      />
      {response !== 'rejected' && (
        <TargetDate description="When it will be implemented: a date, today or later (UTC)." />
      )}
      {response !== 'accepted' && (
        <Textarea
          label="Reason"
          name="reason"
          description="At least 20 characters."
          minLength={20}
          maxLength={TEXT_MAX}
          autosize
          minRows={3}
          required
        />
      )}
    </ActionCard>
  );
}

function ProgressForm({ recommendation }: { recommendation: Recommendation }) {
  const act = useRecommendationAction(recommendation);
  const [status, setStatus] = useState<Progress['status']>('in_progress');
  const onSubmit = (form: FormData) =>
    act.mutate({
      type: 'progress',
      body: {
        expectedVersion: recommendation.version,
        status,
        note: field(form, 'note'),
        ...(status === 'implemented' ? { evidence: field(form, 'evidence') } : {}),
      },
    });
  return (
    <ActionCard
      title="Report progress"
      onSubmit={onSubmit}
      error={act.error}
      pending={act.isPending}
      submit="Report progress"
    >
      <NativeSelect
        label="Progress"
        name="status"
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as Progress['status'])}
        data={[
          { value: 'in_progress', label: 'In progress (a dated note)' },
          { value: 'implemented', label: 'Implemented (the office verifies)' },
        ]}
      />
      <Textarea label="Note" name="note" maxLength={TEXT_MAX} autosize minRows={3} required />
      {status === 'implemented' && (
        <Textarea
          label="Evidence"
          name="evidence"
          description="What shows it was done."
          maxLength={TEXT_MAX}
          autosize
          minRows={3}
          required
        />
      )}
    </ActionCard>
  );
}

function VerifyForm({ recommendation }: { recommendation: Recommendation }) {
  const act = useRecommendationAction(recommendation);
  const [outcome, setOutcome] = useState<Verify['outcome']>('verified');
  const onSubmit = (form: FormData) =>
    act.mutate({
      type: 'verify',
      body: {
        expectedVersion: recommendation.version,
        outcome,
        note: field(form, 'note'),
        ...(outcome === 'not_verified' ? { targetDate: field(form, 'targetDate') } : {}),
      },
    });
  return (
    <ActionCard
      title="Verify the implementation"
      onSubmit={onSubmit}
      error={act.error}
      pending={act.isPending}
      submit="Record verification"
    >
      <NativeSelect
        label="Outcome"
        name="outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value as Verify['outcome'])}
        data={[
          { value: 'verified', label: 'Verified: implemented' },
          { value: 'not_verified', label: 'Not verified: back to the agency with a new target date' },
        ]}
      />
      <Textarea
        label="Note"
        name="note"
        description={outcome === 'not_verified' ? 'At least 20 characters.' : undefined}
        minLength={outcome === 'not_verified' ? 20 : undefined}
        maxLength={TEXT_MAX}
        autosize
        minRows={3}
        required
      />
      {outcome === 'not_verified' && <TargetDate label="New target date" description="A date, today or later (UTC)." />}
    </ActionCard>
  );
}

function WithdrawForm({ recommendation }: { recommendation: Recommendation }) {
  const act = useRecommendationAction(recommendation);
  const onSubmit = (form: FormData) =>
    act.mutate({ type: 'withdraw', body: { expectedVersion: recommendation.version, reason: field(form, 'reason') } });
  return (
    <ActionCard
      title="Withdraw"
      onSubmit={onSubmit}
      error={act.error}
      pending={act.isPending}
      submit="Withdraw recommendation"
    >
      <Textarea label="Reason for withdrawing" name="reason" maxLength={TEXT_MAX} autosize minRows={2} required />
    </ActionCard>
  );
}
