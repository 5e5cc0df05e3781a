import { Badge, Button, Checkbox, Group, NativeSelect, Table } from '@mantine/core';
import type { FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import { useCursorPages } from '../ui/cursor-pages';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { UserText } from '../ui/user-text';
import { field } from '../ui/form-field';
import { when, words } from '../ui/format';
import {
  RECOMMENDATIONS_KEY,
  STATES,
  THEMES,
  useAgencies,
  type Recommendation,
  type RecommendationFilters,
  type RecommendationState,
  type Theme,
} from './recommendation-model';

const FILTER_KEYS = ['state', 'agencyId', 'theme', 'overdue'] as const;

function filtersFrom(search: URLSearchParams): RecommendationFilters {
  const state = search.get('state');
  const agencyId = search.get('agencyId');
  const theme = search.get('theme');
  return {
    limit: 50,
    ...(state ? { state: state as RecommendationState } : {}),
    ...(agencyId ? { agencyId } : {}),
    ...(theme ? { theme: theme as Theme } : {}),
    ...(search.get('overdue') === 'true' ? { overdue: true } : {}),
  };
}

/** The register of recommendations this user may read (the API filters), with the filters it supports. */
export function RecommendationListPage({ me }: { me: Me }) {
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const { agencies, nameOf } = useAgencies(me);
  const { query: list, rows } = useCursorPages([RECOMMENDATIONS_KEY, filters], async (cursor) =>
    dataOrThrow(
      await api.GET('/api/v1/recommendations', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  // Only an agency the user may address appears among the filters; agency users read their own agency's only.
  const addressable = agencies.filter((a) => a.kind !== 'commissioner_office');
  return (
    <>
      <Group justify="space-between" align="start">
        <PageTitle>Recommendations</PageTitle>
        {abilityOf(me).can('create', 'Recommendation') && (
          <Link to="/recommendations/new" fw={700}>
            Issue a recommendation
          </Link>
        )}
      </Group>
      <RecommendationFilterForm
        key={search.toString()}
        search={search}
        agencies={addressable.length > 1 ? addressable : []}
      />
      <ProblemAlert error={list.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Caption>{list.isPending ? 'Loading…' : `${rows.length} recommendation(s) shown`}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Recommendation</Table.Th>
              <Table.Th scope="col">Agency</Table.Th>
              <Table.Th scope="col">Theme</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Response due</Table.Th>
              <Table.Th scope="col">Target date</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <RecommendationRow key={r.id} recommendation={r} agencyName={nameOf(r.agencyId)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Button variant="default" mt="md" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          More recommendations
        </Button>
      )}
    </>
  );
}

function RecommendationRow({ recommendation: r, agencyName }: { recommendation: Recommendation; agencyName: string }) {
  return (
    <Table.Tr>
      <Table.Td maw={420}>
        <Link to={`/recommendations/${r.id}`} aria-label={`Recommendation issued ${when(r.issuedAt)}`}>
          {when(r.issuedAt)}
        </Link>
        {r.priority === 'urgent' && (
          <Badge color="red" ml="xs">
            Urgent
          </Badge>
        )}
        <UserText value={r.text} display="block" lineClamp={2} size="sm" />
      </Table.Td>
      <Table.Td>
        <UserText value={agencyName} />
      </Table.Td>
      <Table.Td>{words(r.theme)}</Table.Td>
      <Table.Td>{words(r.state)}</Table.Td>
      <Table.Td>{r.state === 'issued' ? when(r.responseDueAt) : '—'}</Table.Td>
      <Table.Td>{r.targetDate ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

function RecommendationFilterForm({
  search,
  agencies,
}: {
  search: URLSearchParams;
  agencies: { id: string; name: string }[];
}) {
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = field(form, key).trim();
      if (value) next.set(key, value);
    }
    navigate(`/recommendations${next.size > 0 ? `?${next}` : ''}`);
  };
  return (
    <form onSubmit={apply} aria-label="Recommendation filters">
      <Group align="end" mb="md">
        <NativeSelect
          label="State"
          name="state"
          defaultValue={search.get('state') ?? ''}
          data={[{ value: '', label: 'Any' }, ...STATES.map((s) => ({ value: s, label: words(s) }))]}
        />
        {agencies.length > 0 && (
          <NativeSelect
            label="Agency"
            name="agencyId"
            defaultValue={search.get('agencyId') ?? ''}
            data={[{ value: '', label: 'Any' }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
          />
        )}
        <NativeSelect
          label="Theme"
          name="theme"
          defaultValue={search.get('theme') ?? ''}
          data={[{ value: '', label: 'Any' }, ...THEMES.map((s) => ({ value: s, label: words(s) }))]}
        />
        <Checkbox
          label="Overdue: response late or target date passed"
          name="overdue"
          value="true"
          defaultChecked={search.get('overdue') === 'true'}
          mb={8}
        />
        <Button type="submit">Filter</Button>
      </Group>
    </form>
  );
}
