import { Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, dataOrThrow } from '../api/client';
import { abilityOf, type Me } from '../auth/me';
import { agencyName, useAgencies } from '../investigations/agencies';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { TriageComplaint } from './triage-complaint';

/** One complaint as the API answers it; the triage form only when the API lists `triage` for this user. */
export function ComplaintPage({ id, me }: { id: string; me: Me }) {
  const found = useQuery({
    queryKey: ['/api/v1/complaints/{id}', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/complaints/{id}', { params: { path: { id } } })),
  });
  const agencies = useAgencies();
  if (found.error) return <ProblemAlert error={found.error} />;
  const c = found.data;
  if (!c) return <Text>Loading…</Text>;
  return (
    <>
      <PageTitle>Complaint received {when(c.receivedAt)}</PageTitle>
      <Group gap="xs" mb="md">
        <Badge variant="outline" color="dark">
          {words(c.state)}
        </Badge>
        <Badge variant="outline" color="dark">
          {words(c.channel)}
        </Badge>
        {c.anonymous && (
          <Badge variant="outline" color="dark">
            Anonymous
          </Badge>
        )}
      </Group>
      <Stack gap="lg">
        <section aria-labelledby="complaint-facts">
          <Title order={2} size="h3" id="complaint-facts">
            What it says
          </Title>
          <Text>
            <UserText value={c.summary} />
          </Text>
          <List listStyleType="none" p={0} mt="sm">
            <List.Item>
              About: <UserText value={c.agencyIds.map((a) => agencyName(agencies.data, a)).join(', ')} />
            </List.Item>
            <List.Item>
              Cases:{' '}
              {c.caseIds.length === 0
                ? 'none named'
                : c.caseIds.map((caseId, i) => (
                    <span key={caseId}>
                      {i > 0 && ', '}
                      <Link to={`/cases/${caseId}`}>case {i + 1}</Link>
                    </span>
                  ))}
            </List.Item>
            {c.state === 'received' && <List.Item>Triage due: {when(c.triageDueAt)}</List.Item>}
          </List>
        </section>
        {!c.anonymous && <Complainant id={id} me={me} />}
        <section aria-labelledby="complaint-triage">
          <Title order={2} size="h3" id="complaint-triage">
            Triage
          </Title>
          {c.triage ? (
            <List listStyleType="none" p={0}>
              <List.Item>
                Outcome: {words(c.triage.outcome)}, {when(c.triage.at)}
              </List.Item>
              <List.Item>
                Reason: <UserText value={c.triage.reason} />
              </List.Item>
              {c.investigationId && (
                <List.Item>
                  <Link to={`/investigations/${c.investigationId}`}>The investigation it opened</Link>
                </List.Item>
              )}
              {c.reviewIds.length > 0 && <List.Item>Reviews of its cases: {c.reviewIds.length}</List.Item>}
            </List>
          ) : (
            <Text>Not triaged yet.</Text>
          )}
          {c.allowedActions.includes('triage') && <TriageComplaint complaint={c} />}
        </section>
      </Stack>
    </>
  );
}

/**
 * The complainant's name and contact: asked for (`include=pii`, audited by the API) only on request, and offered
 * only when the API's rules let this user read those fields.
 */
function Complainant({ id, me }: { id: string; me: Me }) {
  const [asked, setAsked] = useState(false);
  const mayRead = abilityOf(me).can('read', 'Complaint', 'complainant.name');
  const withPii = useQuery({
    queryKey: ['/api/v1/complaints/{id}', id, 'pii'],
    enabled: asked,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/complaints/{id}', { params: { path: { id }, query: { include: 'pii' } } })),
  });
  if (!mayRead) return null;
  const who = withPii.data?.complainant;
  return (
    <section aria-labelledby="complainant">
      <Title order={2} size="h3" id="complainant">
        Complainant
      </Title>
      <ProblemAlert error={withPii.error} />
      {who ? (
        <List listStyleType="none" p={0}>
          <List.Item>Relationship: {words(who.relationship)}</List.Item>
          <List.Item>
            Name: <UserText value={who.name} />
          </List.Item>
          <List.Item>
            Contact: <UserText value={who.contact} />
          </List.Item>
        </List>
      ) : (
        <Button variant="default" size="xs" onClick={() => setAsked(true)} loading={withPii.isFetching}>
          Show the complainant (the reading is audited)
        </Button>
      )}
    </section>
  );
}
