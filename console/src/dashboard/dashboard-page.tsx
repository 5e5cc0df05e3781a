import { Card, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { when } from '../ui/format';

interface Figure {
  label: string;
  value: number;
  to?: string;
}

/** What needs attention now, one round trip (GET /api/v1/dashboard); a null group is not for this role. */
export function DashboardPage() {
  const { data, error } = useQuery({
    queryKey: ['/api/v1/dashboard'],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/dashboard')),
    refetchInterval: 60_000,
  });
  const figures: Figure[] = data
    ? [
        { label: 'Critical alerts open', value: data.alerts.critical, to: '/alerts?severity=critical' },
        { label: 'High alerts open', value: data.alerts.high, to: '/alerts?severity=high' },
        ...(data.detentions
          ? [
              { label: 'Detained past the screening limit', value: data.detentions.pastScreeningLimit },
              { label: 'Detained past the maximum detention', value: data.detentions.pastMaxDetention },
            ]
          : []),
        {
          label: 'Reviews awaiting a conclusion',
          value: data.reviews.awaitingConclusion,
          to: '/reviews',
        },
        {
          label: 'Reviews awaiting a response',
          value: data.reviews.awaitingResponse,
          to: '/reviews?status=awaiting_response',
        },
        {
          label: 'Recommendations awaiting a response',
          value: data.recommendations.awaitingResponse,
          to: '/recommendations?state=issued',
        },
        {
          label: 'Recommendations past their target',
          value: data.recommendations.pastTarget,
          to: '/recommendations?overdue=true',
        },
        ...(data.visits ? [{ label: 'Visits due', value: data.visits.due }] : []),
      ]
    : [];
  return (
    <>
      <PageTitle>Dashboard</PageTitle>
      <ProblemAlert error={error} />
      {data && (
        <Text size="sm" c="dimmed" mb="sm">
          As of {when(data.asOf)}
        </Text>
      )}
      <ul className="figures">
        {figures.map((f) => (
          <Card key={f.label} withBorder component="li" aria-label={`${f.label}: ${f.value}`}>
            <Text size="xl" fw={700}>
              {f.value}
            </Text>
            {f.to ? <Link to={f.to}>{f.label}</Link> : <Text>{f.label}</Text>}
          </Card>
        ))}
      </ul>
    </>
  );
}
