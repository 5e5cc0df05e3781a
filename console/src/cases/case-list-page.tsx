import { Badge, Button, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { operations } from '../api/schema';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { UserText } from '../ui/user-text';
import { field } from '../ui/form-field';
import { when, words } from '../ui/format';

type CaseFilters = NonNullable<operations['listCases']['parameters']['query']>;
type CaseState = NonNullable<CaseFilters['state']>;

/** The states the API documents, in the order a case moves through them. */
const STATES: CaseState[] = [
  'screening',
  'referred',
  'not_referred',
  'recovery_period',
  'rg_negative',
  'identified_victim',
  'cg_negative',
  'reconsideration',
  'closed',
];

function filtersFrom(search: URLSearchParams): CaseFilters {
  const state = search.get('state');
  const detained = search.get('detained');
  const externalRef = search.get('externalRef');
  return {
    limit: 50,
    ...(state ? { state: state as CaseState } : {}),
    ...(detained ? { detained: detained === 'true' } : {}),
    ...(externalRef ? { externalRef } : {}),
  };
}

export function CaseListPage() {
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const cases = useInfiniteQuery({
    queryKey: ['/api/v1/cases', filters],
    queryFn: async ({ pageParam }) =>
      dataOrThrow(
        await api.GET('/api/v1/cases', {
          params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle>Cases</PageTitle>
      <CaseFilterForm search={search} />
      <ProblemAlert error={cases.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <Table.Caption>{cases.isPending ? 'Loading…' : `${rows.length} case(s) shown`}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Reference</Table.Th>
              <Table.Th scope="col">Pseudonym</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Detained</Table.Th>
              <Table.Th scope="col">Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={`/cases/${c.id}`}>
                    <UserText value={c.externalRef} />
                  </Link>
                </Table.Td>
                <Table.Td>
                  <UserText value={c.subject.pseudonym} />
                </Table.Td>
                <Table.Td>{words(c.state)}</Table.Td>
                <Table.Td>{c.detained ? <Badge color="red">Detained</Badge> : 'No'}</Table.Td>
                <Table.Td>{when(c.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {cases.hasNextPage && (
        <Button variant="default" mt="md" loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>
          More cases
        </Button>
      )}
    </>
  );
}

function CaseFilterForm({ search }: { search: URLSearchParams }) {
  const [externalRef, setExternalRef] = useState(search.get('externalRef') ?? '');
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['state', 'detained', 'externalRef']) {
      const value = field(form, key).trim();
      if (value) next.set(key, value);
    }
    navigate(`/cases${next.size > 0 ? `?${next}` : ''}`);
  };
  return (
    <form onSubmit={apply} aria-label="Case filters">
      <Group align="end" mb="md">
        <NativeSelect
          label="State"
          name="state"
          defaultValue={search.get('state') ?? ''}
          data={[{ value: '', label: 'Any' }, ...STATES.map((s) => ({ value: s, label: words(s) }))]}
        />
        <NativeSelect
          label="Detained"
          name="detained"
          defaultValue={search.get('detained') ?? ''}
          data={[
            { value: '', label: 'Any' },
            { value: 'true', label: 'Detained now' },
            { value: 'false', label: 'Not detained' },
          ]}
        />
        <TextInput
          label="Reference"
          name="externalRef"
          value={externalRef}
          onChange={(e) => setExternalRef(e.currentTarget.value)}
        />
        <Button type="submit">Filter</Button>
      </Group>
    </form>
  );
}
