import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { agencyName, useAgencies } from './agencies';
import { InvestigationActions, type Investigation } from './investigation-actions';

/**
 * One investigation as the API shows it to this user: the office sees its file (origin, scope, investigators,
 * evidence); an agency in scope only the draft, its own comments and the final text — the page shows what came.
 */
export function InvestigationPage({ id, me }: { id: string; me: Me }) {
  const found = useQuery({
    queryKey: ['/api/v1/investigations/{id}', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/investigations/{id}', { params: { path: { id } } })),
  });
  const agencies = useAgencies();
  if (found.error) return <ProblemAlert error={found.error} />;
  const i = found.data;
  if (!i) return <Text>Loading…</Text>;
  const name = (agencyId: string) => agencyName(agencies.data, agencyId);
  return (
    <>
      <PageTitle>
        Investigation: <UserText value={i.title} />
      </PageTitle>
      <Group gap="xs" mb="md">
        <Badge variant="outline" color="dark">
          {words(i.state)}
        </Badge>
        {i.origin && (
          <Badge variant="outline" color="dark">
            Origin: {words(i.origin)}
          </Badge>
        )}
      </Group>
      <Stack gap="lg">
        <section aria-labelledby="investigation-actions">
          <Title order={2} size="h3" id="investigation-actions">
            Actions
          </Title>
          {i.allowedActions.length === 0 ? <Text>None for you now.</Text> : null}
          <InvestigationActions investigation={i} />
        </section>

        {(i.scope || i.termsOfReference !== undefined) && (
          <section aria-labelledby="investigation-file">
            <Title order={2} size="h3" id="investigation-file">
              File
            </Title>
            <List listStyleType="none" p={0}>
              {i.openedAt && <List.Item>Opened: {when(i.openedAt)}</List.Item>}
              {i.complaintId && abilityOf(me).can('read', 'Complaint') && (
                <List.Item>
                  <Link to={`/complaints/${i.complaintId}`}>The complaint that opened it</Link>
                </List.Item>
              )}
              {i.scope && (
                <List.Item>
                  Agencies in scope: <UserText value={i.scope.agencyIds.map(name).join(', ')} />
                  {i.scope.placeIds.length > 0 ? `; ${i.scope.placeIds.length} place(s)` : ''}
                </List.Item>
              )}
              {i.termsOfReference !== undefined && (
                <List.Item>
                  Terms of reference: <UserText value={i.termsOfReference} />
                </List.Item>
              )}
              {i.investigators && <Investigators ids={i.investigators} />}
              {i.closedAt && (
                <List.Item>
                  Closed without findings {when(i.closedAt)}: <UserText value={i.closeReason} />
                </List.Item>
              )}
            </List>
          </section>
        )}

        {i.evidence && (
          <section aria-labelledby="investigation-evidence">
            <Title order={2} size="h3" id="investigation-evidence">
              Evidence
            </Title>
            {i.evidence.length === 0 ? (
              <Text>None yet.</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Record</Table.Th>
                      <Table.Th scope="col">Why it matters</Table.Th>
                      <Table.Th scope="col">Added</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {i.evidence.map((e) => (
                      <Table.Tr key={`${e.kind}-${e.id}`}>
                        <Table.Td>
                          {e.kind === 'case' ? <Link to={`/cases/${e.id}`}>{words(e.kind)}</Link> : words(e.kind)}
                        </Table.Td>
                        <Table.Td>
                          <UserText value={e.note} />
                        </Table.Td>
                        <Table.Td>{when(e.addedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
        )}

        <Draft investigation={i} name={name} />

        {i.finalText !== null && (
          <section aria-labelledby="investigation-final">
            <Title order={2} size="h3" id="investigation-final">
              Final report, published {when(i.publishedAt)}
            </Title>
            <Text>
              <UserText value={i.finalText} />
            </Text>
            <Text mt="xs">Recommendations issued: {i.recommendationIds.length}</Text>
          </section>
        )}
      </Stack>
    </>
  );
}

function Draft({ investigation: i, name }: { investigation: Investigation; name: (id: string) => string }) {
  if (!i.draft) return null;
  return (
    <section aria-labelledby="investigation-draft">
      <Title order={2} size="h3" id="investigation-draft">
        Draft report, sent {when(i.draft.at)}
      </Title>
      {i.commentsCloseAt && <Text size="sm">Comments on its facts close {when(i.commentsCloseAt)}.</Text>}
      <Text mt="xs">
        <UserText value={i.draft.text} />
      </Text>
      <Title order={3} size="h4" mt="sm">
        Proposed recommendations
      </Title>
      {i.draft.proposedRecommendations.length === 0 ? (
        <Text>None.</Text>
      ) : (
        <List>
          {i.draft.proposedRecommendations.map((r, n) => (
            <List.Item key={n}>
              <UserText value={name(r.agencyId)} /> — {words(r.theme)}, {words(r.priority)}: <UserText value={r.text} />
            </List.Item>
          ))}
        </List>
      )}
      {i.comments && (
        <>
          <Title order={3} size="h4" mt="sm">
            Comments
          </Title>
          {i.comments.length === 0 ? (
            <Text>None.</Text>
          ) : (
            <List>
              {i.comments.map((c) => (
                <List.Item key={c.id}>
                  <UserText value={name(c.agencyId)} /> ({words(c.by.role)}), {when(c.at)}: <UserText value={c.text} />
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </section>
  );
}

function Investigators({ ids }: { ids: string[] }) {
  const users = useQuery({
    queryKey: ['/api/v1/users', { limit: 200 }],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/users', { params: { query: { limit: 200 } } })).items,
  });
  const names = ids.map((id) => users.data?.find((u) => u.id === id)?.displayName ?? id);
  return (
    <List.Item>Investigators: {ids.length === 0 ? 'none assigned' : <UserText value={names.join(', ')} />}</List.Item>
  );
}
