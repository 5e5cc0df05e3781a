import './consistency.css';
import { Group, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { operations } from '../api/schema';
import { PageTitle } from '../ui/layout';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { words } from '../ui/format';
import { BAND_WORDS, FunnelPlot, percent, type Consistency } from './funnel-plot';

type ConsistencyQuery = operations['consistencyReportConsistency']['parameters']['query'];
type Metric = ConsistencyQuery['metric'];
type Grouping = NonNullable<ConsistencyQuery['groupBy']>;

/**
 * SPEC §14's metrics as the API documents them (GET /reports/consistency): what each is called and the groupings
 * it takes, the first its default — the console offers the grouping only where there is a choice.
 */
const METRICS: Record<Metric, { title: string; groupings: Grouping[] }> = {
  referral_rate: { title: 'Referral rate', groupings: ['deciding_agency'] },
  detention_rate: { title: 'Detention rate', groupings: ['case_agency'] },
  rg_positive_rate: { title: 'Positive reasonable-grounds rate', groupings: ['case_agency', 'deciding_agency'] },
  cg_positive_rate: { title: 'Positive conclusive-grounds rate', groupings: ['case_agency', 'deciding_agency'] },
  reconsideration_overturn_rate: {
    title: 'Reconsideration overturn rate',
    groupings: ['case_agency', 'deciding_agency'],
  },
  review_disagreement_rate: { title: 'Review concern-or-disagree rate', groupings: ['deciding_agency'] },
};
const GROUPING_WORDS: Record<Grouping, string> = {
  case_agency: 'case’s agency',
  deciding_agency: 'deciding agency',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The API's words for what is counted, without their Markdown code marks. */
const plain = (text: string) => text.replaceAll('`', '');

function queryFrom(search: URLSearchParams): ConsistencyQuery {
  const metric = (search.get('metric') ?? 'referral_rate') as Metric;
  const known = METRICS[metric] ? metric : 'referral_rate';
  const groupBy = search.get('groupBy') as Grouping | null;
  const from = search.get('from');
  const to = search.get('to');
  return {
    metric: known,
    ...(groupBy && METRICS[known].groupings.includes(groupBy) ? { groupBy } : {}),
    ...(from && DATE.test(from) ? { from } : {}),
    ...(to && DATE.test(to) ? { to } : {}),
  };
}

function addressOf(query: ConsistencyQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  return `/consistency?${params.toString()}`;
}

/** Are agencies deciding consistently? One metric's funnel plot, the metric and period chosen here (in the address). */
export function ConsistencyPage() {
  const { search } = useLocation();
  const query = queryFrom(search);
  const report = useQuery({
    queryKey: ['/api/v1/reports/consistency', query],
    queryFn: async (): Promise<Consistency> => {
      // JSON (the default answer): the page draws the plot itself; the SVG alternative is for other clients.
      const data = dataOrThrow(
        await api.GET('/api/v1/reports/consistency', { params: { query }, headers: { accept: 'application/json' } }),
      );
      if (typeof data === 'string') throw new Error('The API answered the plot as SVG, not JSON.');
      return data;
    },
    placeholderData: keepPreviousData,
  });
  const groupings = METRICS[query.metric].groupings;
  const grouping = query.groupBy ?? groupings[0];
  const title = `${METRICS[query.metric].title} by ${GROUPING_WORDS[grouping]}`;
  const change = (next: Partial<ConsistencyQuery>) => {
    const merged = { ...query, ...next };
    if (next.metric) delete merged.groupBy;
    navigate(addressOf(merged));
  };
  const data = report.data;
  const shownFrom = query.from ?? data?.period.from.slice(0, 10) ?? '';
  const shownTo = query.to ?? data?.period.to.slice(0, 10) ?? '';
  return (
    <>
      <PageTitle>Consistency between agencies</PageTitle>
      <Group align="end" mb="md" wrap="wrap">
        <NativeSelect
          label="Metric"
          value={query.metric}
          onChange={(e) => change({ metric: e.currentTarget.value as Metric })}
          data={(Object.keys(METRICS) as Metric[]).map((m) => ({ value: m, label: METRICS[m].title }))}
        />
        {groupings.length > 1 && (
          <NativeSelect
            label="Grouped by"
            value={grouping}
            onChange={(e) => change({ groupBy: e.currentTarget.value as Grouping })}
            data={groupings.map((g) => ({ value: g, label: words(GROUPING_WORDS[g]) }))}
          />
        )}
        <TextInput
          type="date"
          label="From (UTC)"
          value={shownFrom}
          onChange={(e) => DATE.test(e.currentTarget.value) && change({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="To (UTC, not included)"
          value={shownTo}
          onChange={(e) => DATE.test(e.currentTarget.value) && change({ to: e.currentTarget.value })}
        />
      </Group>
      <ProblemAlert error={report.error} />
      {data && (
        <section aria-labelledby="funnel" aria-busy={report.isFetching}>
          <Title order={2} size="h3" id="funnel">
            {title}
          </Title>
          <Text size="sm" mb="xs">
            {plain(data.numerator)} ÷ {plain(data.denominator)}, {data.period.from.slice(0, 10)} to{' '}
            {data.period.to.slice(0, 10)}
            {data.period.defaulted ? ' (the last 12 months)' : ''}. Target{' '}
            {data.target === null ? '—' : percent(data.target)}
            {data.overdispersion.applied ? '; limits widened for over-dispersion' : ''}.
          </Text>
          <div className="funnel-frame">
            <FunnelPlot report={data} title={title} />
          </div>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Caption>Each agency’s point</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Agency</Table.Th>
                  <Table.Th scope="col">Numerator</Table.Th>
                  <Table.Th scope="col">Denominator (n)</Table.Th>
                  <Table.Th scope="col">Rate</Table.Th>
                  <Table.Th scope="col">Band</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.agencies.map((p, i) => (
                  <Table.Tr key={p.agencyId ?? `unnamed-${i}`}>
                    <Table.Td>{p.code ?? 'Another agency'}</Table.Td>
                    <Table.Td>{p.numerator}</Table.Td>
                    <Table.Td>{p.denominator}</Table.Td>
                    <Table.Td>{p.rate === null ? '—' : percent(p.rate)}</Table.Td>
                    <Table.Td>{BAND_WORDS[p.band] ?? p.band}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
    </>
  );
}
