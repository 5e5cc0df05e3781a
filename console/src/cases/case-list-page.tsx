import { Badge, Button, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import { useCursorPages } from '../ui/cursor-pages';
import type { operations } from '../api/schema';
import { useAgencies } from '../directory/directory';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { UserText } from '../ui/user-text';
import { field } from '../ui/form-field';
import { when, words } from '../ui/format';

type CaseFilters = NonNullable<operations['listCases']['parameters']['query']>;
type CaseState = NonNullable<CaseFilters['state']>;
type EncounterKind = NonNullable<CaseFilters['encounterKind']>;
type ClosedOutcome = NonNullable<CaseFilters['closedOutcome']>;

const ENCOUNTER_KINDS: EncounterKind[] = ['border_entry', 'border_exit', 'inland', 'workplace_inspection', 'other'];
const CLOSED_OUTCOMES: ClosedOutcome[] = [
  'support_provided',
  'assisted_return',
  'removed',
  'released',
  'lost_contact',
  'transferred',
];
/** The query parameters the filter form keeps in the address (each one the API's case list takes). */
const FILTER_KEYS = [
  'state',
  'agencyId',
  'detained',
  'isChild',
  'encounterKind',
  'indicator',
  'closedOutcome',
  'externalRef',
] as const;

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
  const text = (key: (typeof FILTER_KEYS)[number]) => search.get(key) || undefined;
  const flag = (key: 'detained' | 'isChild') => (search.get(key) ? search.get(key) === 'true' : undefined);
  const filters: CaseFilters = {
    limit: 50,
    state: text('state') as CaseState | undefined,
    agencyId: text('agencyId'),
    detained: flag('detained'),
    isChild: flag('isChild'),
    encounterKind: text('encounterKind') as EncounterKind | undefined,
    indicator: text('indicator') as CaseFilters['indicator'],
    closedOutcome: text('closedOutcome') as ClosedOutcome | undefined,
    externalRef: text('externalRef'),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

export function CaseListPage() {
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const { query: cases, rows } = useCursorPages(['/api/v1/cases', filters], async (cursor) =>
    dataOrThrow(await api.GET('/api/v1/cases', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
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
  const agencies = useAgencies();
  const indicators = useQuery({
    queryKey: ['/api/v1/indicators'],
    staleTime: Infinity,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/indicators')),
  });
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = field(form, key).trim();
      if (value) next.set(key, value);
    }
    navigate(`/cases${next.size > 0 ? `?${next}` : ''}`);
  };
  const any = { value: '', label: 'Any' };
  const yesNo = (yes: string, no: string) => [any, { value: 'true', label: yes }, { value: 'false', label: no }];
  return (
    <form onSubmit={apply} aria-label="Case filters">
      <Group align="end" mb="md">
        <NativeSelect
          label="State"
          name="state"
          defaultValue={search.get('state') ?? ''}
          data={[any, ...STATES.map((s) => ({ value: s, label: words(s) }))]}
        />
        {/* Only when the API lets this user read more than their own agency. */}
        {(agencies.data?.length ?? 0) > 1 && (
          <NativeSelect
            label="Agency"
            name="agencyId"
            defaultValue={search.get('agencyId') ?? ''}
            data={[any, ...agencies.data!.map((a) => ({ value: a.id, label: a.name }))]}
          />
        )}
        <NativeSelect
          label="Detained"
          name="detained"
          defaultValue={search.get('detained') ?? ''}
          data={yesNo('Detained now', 'Not detained')}
        />
        <NativeSelect
          label="Child"
          name="isChild"
          defaultValue={search.get('isChild') ?? ''}
          data={yesNo('Children', 'Adults')}
        />
        <NativeSelect
          label="Encounter"
          name="encounterKind"
          defaultValue={search.get('encounterKind') ?? ''}
          data={[any, ...ENCOUNTER_KINDS.map((k) => ({ value: k, label: words(k) }))]}
        />
        {indicators.data && (
          <NativeSelect
            label="Indicator"
            name="indicator"
            defaultValue={search.get('indicator') ?? ''}
            data={[any, ...indicators.data.map((i) => ({ value: i.code, label: i.label }))]}
          />
        )}
        <NativeSelect
          label="Closed with"
          name="closedOutcome"
          defaultValue={search.get('closedOutcome') ?? ''}
          data={[any, ...CLOSED_OUTCOMES.map((o) => ({ value: o, label: words(o) }))]}
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
