import { Badge, Button, Group, NativeSelect, Table } from '@mantine/core';
import { api, dataOrThrow } from '../api/client';
import { useCursorPages } from '../ui/cursor-pages';
import type { operations } from '../api/schema';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { OpenInvestigation } from './open-investigation';

type InvestigationFilters = NonNullable<operations['listInvestigations']['parameters']['query']>;
type InvestigationState = NonNullable<InvestigationFilters['state']>;
const STATES: InvestigationState[] = ['open', 'factual_accuracy', 'published', 'closed'];

/** The investigations this user may read (an agency in scope: only from the draft on, as the API filters them). */
export function InvestigationListPage({ me }: { me: Me }) {
  const { search } = useLocation();
  const state = search.get('state') as InvestigationState | null;
  const filters: InvestigationFilters = { limit: 50, ...(state ? { state } : {}) };
  const { query: investigations, rows } = useCursorPages(['/api/v1/investigations', filters], async (cursor) =>
    dataOrThrow(
      await api.GET('/api/v1/investigations', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  return (
    <>
      <PageTitle>Investigations</PageTitle>
      <Group align="end" justify="space-between" mb="md">
        <NativeSelect
          label="State"
          w={240}
          value={state ?? ''}
          onChange={(e) =>
            navigate(e.currentTarget.value ? `/investigations?state=${e.currentTarget.value}` : '/investigations')
          }
          data={[{ value: '', label: 'Any' }, ...STATES.map((s) => ({ value: s, label: words(s) }))]}
        />
        {abilityOf(me).can('create', 'Investigation') && <OpenInvestigation />}
      </Group>
      <ProblemAlert error={investigations.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Caption>
            {investigations.isPending ? 'Loading…' : `${rows.length} investigation(s) shown`}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Draft sent</Table.Th>
              <Table.Th scope="col">Published</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Link to={`/investigations/${i.id}`}>
                    <UserText value={i.title} />
                  </Link>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="dark">
                    {words(i.state)}
                  </Badge>
                </Table.Td>
                <Table.Td>{when(i.draft?.at)}</Table.Td>
                <Table.Td>{when(i.publishedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {investigations.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void investigations.fetchNextPage()}
          loading={investigations.isFetchingNextPage}
        >
          More investigations
        </Button>
      )}
    </>
  );
}
