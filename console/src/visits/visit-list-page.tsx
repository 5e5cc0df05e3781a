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
import { usePlaces, type Visit } from './queries';

type VisitFilters = NonNullable<operations['listVisits']['parameters']['query']>;
type VisitState = NonNullable<VisitFilters['state']>;

/** The states the API documents, in the order a visit moves through them. */
export const VISIT_STATES: VisitState[] = ['planned', 'in_progress', 'reported', 'cancelled'];

export function VisitListPage({ me }: { me: Me }) {
  const { search } = useLocation();
  const state = search.get('state') as VisitState | null;
  const filters: VisitFilters = { limit: 50, ...(state ? { state } : {}) };
  const { query: visits, rows } = useCursorPages(['/api/v1/visits', filters], async (cursor) =>
    dataOrThrow(await api.GET('/api/v1/visits', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
  const places = usePlaces();
  const ability = abilityOf(me);
  const canPlan = ability.can('create', 'Visit') || ability.can('create', 'VisitPlan');
  return (
    <>
      <PageTitle>Visits</PageTitle>
      <Group align="end" justify="space-between" mb="md">
        <NativeSelect
          label="State"
          w={240}
          value={state ?? ''}
          onChange={(e) => navigate(e.currentTarget.value ? `/visits?state=${e.currentTarget.value}` : '/visits')}
          data={[{ value: '', label: 'Any' }, ...VISIT_STATES.map((s) => ({ value: s, label: words(s) }))]}
        />
        {canPlan && <Link to="/visits/plan">Plan a visit</Link>}
      </Group>
      <ProblemAlert error={visits.error ?? places.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <Table.Caption>{visits.isPending ? 'Loading…' : `${rows.length} visit(s) shown`}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Place</Table.Th>
              <Table.Th scope="col">Day</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">Reported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Link to={`/visits/${v.id}`}>
                    <UserText value={places.data?.get(v.placeId)?.name ?? `Visit ${v.id.slice(0, 8)}`} />
                  </Link>
                </Table.Td>
                <Table.Td>{v.day}</Table.Td>
                <Table.Td>
                  <VisitStateBadge state={v.state} />
                </Table.Td>
                <Table.Td>{when(v.startedAt)}</Table.Td>
                <Table.Td>{when(v.reportedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {visits.hasNextPage && (
        <Button
          variant="default"
          mt="md"
          loading={visits.isFetchingNextPage}
          onClick={() => void visits.fetchNextPage()}
        >
          More visits
        </Button>
      )}
    </>
  );
}

/** A visit's state as a word (outlined, dark: a state is no warning). */
export function VisitStateBadge({ state }: { state: Visit['state'] }) {
  return (
    <Badge variant="outline" color="dark">
      {words(state)}
    </Badge>
  );
}
