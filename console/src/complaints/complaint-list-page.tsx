import { Badge, Group, NativeSelect, Table } from '@mantine/core';
import { Button } from '@mantine/core';
import { api, dataOrThrow } from '../api/client';
import { useCursorPages } from '../ui/cursor-pages';
import type { operations } from '../api/schema';
import { abilityOf, type Me } from '../auth/me';
import { agencyName, useAgencies } from '../investigations/agencies';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { RecordComplaint } from './record-complaint';

type ComplaintFilters = NonNullable<operations['listComplaints']['parameters']['query']>;
type ComplaintState = NonNullable<ComplaintFilters['state']>;
const STATES: ComplaintState[] = ['received', 'triaged'];

/** Complaints the office has recorded (the API lists them to the office only), newest filter in the address. */
export function ComplaintListPage({ me }: { me: Me }) {
  const { search } = useLocation();
  const state = search.get('state') as ComplaintState | null;
  const filters: ComplaintFilters = { limit: 50, ...(state ? { state } : {}) };
  const { query: complaints, rows } = useCursorPages(['/api/v1/complaints', filters], async (cursor) =>
    dataOrThrow(
      await api.GET('/api/v1/complaints', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  const agencies = useAgencies();
  const canRecord = abilityOf(me).can('create', 'Complaint');
  return (
    <>
      <PageTitle>Complaints</PageTitle>
      <Group align="end" justify="space-between" mb="md">
        <NativeSelect
          label="State"
          w={240}
          value={state ?? ''}
          onChange={(e) =>
            navigate(e.currentTarget.value ? `/complaints?state=${e.currentTarget.value}` : '/complaints')
          }
          data={[{ value: '', label: 'Any' }, ...STATES.map((s) => ({ value: s, label: words(s) }))]}
        />
        {canRecord && <RecordComplaint />}
      </Group>
      <ProblemAlert error={complaints.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Caption>{complaints.isPending ? 'Loading…' : `${rows.length} complaint(s) shown`}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Received</Table.Th>
              <Table.Th scope="col">Channel</Table.Th>
              <Table.Th scope="col">About</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Triage due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={`/complaints/${c.id}`}>{when(c.receivedAt)}</Link>
                </Table.Td>
                <Table.Td>
                  {words(c.channel)}
                  {c.anonymous ? ' (anonymous)' : ''}
                </Table.Td>
                <Table.Td>
                  <UserText value={c.agencyIds.map((id) => agencyName(agencies.data, id)).join(', ')} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="dark">
                    {words(c.state)}
                  </Badge>
                  {c.triage ? ` ${words(c.triage.outcome)}` : ''}
                </Table.Td>
                <Table.Td>{c.state === 'received' ? when(c.triageDueAt) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {complaints.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void complaints.fetchNextPage()}
          loading={complaints.isFetchingNextPage}
        >
          More complaints
        </Button>
      )}
    </>
  );
}
