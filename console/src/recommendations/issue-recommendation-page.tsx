import { Button, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import type { Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { field } from '../ui/form-field';
import { words } from '../ui/format';
import { ISSUABLE_SOURCES, RECOMMENDATIONS_KEY, THEMES, useAgencies, type SourceKind } from './recommendation-model';

type Issue = components['schemas']['CreateRecommendationDto'];

/**
 * The office issues a recommendation (shown in the navigation only to those the API's rules let create one; the
 * API decides). A link may fill it in: `?agencyId=…&sourceKind=review&sourceId=…` or `?agencyId=…&repeatOf=…`.
 */
export function IssueRecommendationPage({ me }: { me: Me }) {
  const { search } = useLocation();
  const { agencies, error: agenciesError, settled } = useAgencies(me);
  const queryClient = useQueryClient();
  const [sourceKind, setSourceKind] = useState<SourceKind>(
    ISSUABLE_SOURCES.find((k) => k === search.get('sourceKind')) ?? 'own_initiative',
  );
  // One key per form: a second click (or a retry after a lost answer) issues nothing twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const repeatOf = search.get('repeatOf');
  const issue = useMutation({
    mutationFn: async (body: Issue) =>
      dataOrThrow(
        await api.POST('/api/v1/recommendations', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
      ),
    onSuccess: async (issued) => {
      queryClient.setQueryData([`${RECOMMENDATIONS_KEY}/{id}`, issued.id], issued);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [RECOMMENDATIONS_KEY] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/dashboard'] }),
      ]);
      navigate(`/recommendations/${issued.id}`);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const sourceId = field(form, 'sourceId').trim();
    issue.mutate({
      agencyId: field(form, 'agencyId'),
      theme: field(form, 'theme') as Issue['theme'],
      priority: field(form, 'priority') as Issue['priority'],
      source: { kind: sourceKind, ...(sourceKind !== 'own_initiative' && sourceId ? { id: sourceId } : {}) },
      text: field(form, 'text'),
      ...(repeatOf ? { repeatOf } : {}),
    });
  };
  // The API accepts frontline agencies and competent authorities only (SPEC §12); it checks again.
  const addressable = agencies.filter((a) => a.kind !== 'commissioner_office');
  if (!settled) return <Text>Loading…</Text>;
  return (
    <>
      <PageTitle>Issue a recommendation</PageTitle>
      <ProblemAlert error={agenciesError} />
      <form onSubmit={submit} aria-label="Issue a recommendation">
        <Stack maw={640}>
          <NativeSelect
            label="Addressed to"
            name="agencyId"
            required
            autoFocus
            defaultValue={search.get('agencyId') ?? ''}
            data={[
              { value: '', label: 'Choose an agency' },
              ...addressable.map((a) => ({ value: a.id, label: `${a.name} (${words(a.kind)})` })),
            ]}
          />
          <NativeSelect label="Theme" name="theme" data={THEMES.map((t) => ({ value: t, label: words(t) }))} />
          <NativeSelect
            label="Priority"
            name="priority"
            description="A response is due in 28 days; urgent: in 7."
            data={[
              { value: 'normal', label: 'Normal' },
              { value: 'urgent', label: 'Urgent' },
            ]}
          />
          <NativeSelect
            label="Source"
            name="sourceKind"
            value={sourceKind}
            onChange={(e) => setSourceKind(e.currentTarget.value as SourceKind)}
            data={ISSUABLE_SOURCES.map((k) => ({ value: k, label: words(k) }))}
          />
          {sourceKind !== 'own_initiative' && (
            <TextInput
              label={sourceKind === 'review' ? 'Review id' : 'Visit id'}
              name="sourceId"
              description={
                sourceKind === 'review'
                  ? 'A concluded review (concern or disagree) of a decision this agency made.'
                  : 'A reported visit to one of this agency’s places.'
              }
              defaultValue={search.get('sourceId') ?? ''}
              required
            />
          )}
          <Textarea
            label="Recommendation"
            name="text"
            description="What the office asks the agency to change."
            maxLength={8000}
            autosize
            minRows={5}
            required
          />
          {repeatOf && (
            <p>
              Repeats <Link to={`/recommendations/${repeatOf}`}>an earlier recommendation</Link>.{' '}
              <Link to="/recommendations/new">Issue one that repeats none</Link>
            </p>
          )}
          <ProblemAlert error={issue.error} />
          <Group>
            <Button type="submit" loading={issue.isPending}>
              Issue recommendation
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
