import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { abilityOf, type Me } from '../auth/me';
import { AlertList } from '../alerts/alert-list';
import { ReviewTable } from '../reviews/review-table';
import { PageTitle } from '../ui/layout';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { RecordDecision } from './record-decision';

type Episode = components['schemas']['DetentionEpisodeResponse'];

/** One case: what it is, its decision timeline, detention episodes, alerts and reviews — each as the API answers it. */
export function CasePage({ id, me }: { id: string; me: Me }) {
  const path = { params: { path: { id } } };
  const found = useQuery({
    queryKey: ['/api/v1/cases/{id}', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/cases/{id}', path)),
  });
  const decisions = useQuery({
    queryKey: ['/api/v1/cases/{id}/decisions', id],
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/cases/{id}/decisions', { params: { path: { id }, query: { limit: 200 } } })),
  });
  const verification = useQuery({
    queryKey: ['/api/v1/cases/{id}/verification', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/cases/{id}/verification', path)),
  });
  const ability = abilityOf(me);
  const alerts = useQuery({
    queryKey: ['/api/v1/alerts', { caseId: id }],
    enabled: ability.can('read', 'Alert'),
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/alerts', { params: { query: { caseId: id, limit: 100 } } })),
  });
  const reviews = useQuery({
    queryKey: ['/api/v1/reviews', { caseId: id }],
    enabled: ability.can('read', 'Review'),
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/reviews', { params: { query: { caseId: id, limit: 100 } } })),
  });
  if (found.error) return <ProblemAlert error={found.error} />;
  const c = found.data;
  if (!c) return <Text>Loading…</Text>;
  return (
    <>
      <PageTitle>
        Case <UserText value={c.externalRef} />
      </PageTitle>
      <Group gap="xs" mb="md">
        <Badge variant="outline" color="dark">
          {words(c.state)}
        </Badge>
        {c.detained && <Badge color="red">Detained since {when(c.detainedSince)}</Badge>}
        {c.subject.isChild && <Badge color="blue">Child</Badge>}
      </Group>
      <section aria-labelledby="verification">
        <Title order={2} size="h3" id="verification">
          Audit chain
        </Title>
        <ProblemAlert error={verification.error} />
        {verification.data &&
          (verification.data.ok ? (
            <Text>
              Verified: {verification.data.checked} event(s) recomputed, {when(verification.data.verifiedAt)}.
            </Text>
          ) : (
            <Text c="red.9" fw={700}>
              Does not verify: {words(verification.data.reason)} at event {verification.data.firstInvalidEventId ?? '—'}
              .
            </Text>
          ))}
      </section>
      <Stack gap="lg">
        <section aria-labelledby="subject">
          <Title order={2} size="h3" id="subject">
            Person
          </Title>
          <List listStyleType="none" p={0}>
            <List.Item>
              Pseudonym: <UserText value={c.subject.pseudonym} />
            </List.Item>
            {c.subject.name !== undefined && (
              <List.Item>
                Name: <UserText value={c.subject.name} />
              </List.Item>
            )}
            <List.Item>Nationality: {c.subject.nationality ?? '—'}</List.Item>
            <List.Item>Indicators: {c.indicators.length > 0 ? c.indicators.map(words).join(', ') : 'none'}</List.Item>
          </List>
        </section>

        <section aria-labelledby="timeline">
          <Title order={2} size="h3" id="timeline">
            Decision timeline
          </Title>
          <ProblemAlert error={decisions.error} />
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Decision</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">By</Table.Th>
                  <Table.Th scope="col">Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {decisions.data?.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.sequence}</Table.Td>
                    <Table.Td>{when(d.occurredAt)}</Table.Td>
                    <Table.Td>
                      {words(d.type)}
                      {d.outcome ? ` (${words(d.outcome)})` : ''}
                    </Table.Td>
                    <Table.Td>
                      {words(d.stateBefore)} → {words(d.stateAfter)}
                    </Table.Td>
                    <Table.Td>
                      <UserText value={d.actor.displayName} />
                    </Table.Td>
                    <Table.Td>
                      <UserText value={d.reason} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>

        {c.allowedDecisions.length > 0 && <RecordDecision found={c} reviews={reviews.data?.items ?? []} />}

        <section aria-labelledby="detention">
          <Title order={2} size="h3" id="detention">
            Detention episodes
          </Title>
          {c.detentionEpisodes.length === 0 ? (
            <Text>None.</Text>
          ) : (
            <List>
              {c.detentionEpisodes.map((e) => (
                <EpisodeItem key={e.id} episode={e} />
              ))}
            </List>
          )}
        </section>

        {ability.can('read', 'Alert') && (
          <section aria-labelledby="alerts">
            <Title order={2} size="h3" id="alerts">
              Alerts
            </Title>
            <ProblemAlert error={alerts.error} />
            {alerts.data && (
              <AlertList alerts={alerts.data.items} canAcknowledge={ability.can('acknowledge', 'Alert')} />
            )}
          </section>
        )}

        {ability.can('read', 'Review') && (
          <section aria-labelledby="reviews">
            <Title order={2} size="h3" id="reviews">
              Reviews
            </Title>
            <ProblemAlert error={reviews.error} />
            {reviews.data && <ReviewTable reviews={reviews.data.items} />}
          </section>
        )}
      </Stack>
    </>
  );
}

/** An episode with its registered place when it has one (the place's name as the API lists it), else its facility text. */
function EpisodeItem({ episode }: { episode: Episode }) {
  const place = useQuery({
    queryKey: ['/api/v1/places/{id}', episode.placeId],
    enabled: episode.placeId !== null,
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/places/{id}', { params: { path: { id: episode.placeId! } } })),
  });
  return (
    <List.Item>
      <UserText value={place.data?.name ?? episode.facility} /> — from {when(episode.detainedAt)}
      {episode.releasedAt ? ` to ${when(episode.releasedAt)} (${words(episode.releaseReason)})` : ', still detained'};
      legal basis: <UserText value={episode.legalBasis} />
    </List.Item>
  );
}
