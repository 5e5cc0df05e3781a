import { Card, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiProblem, type Problem } from '../api/client';
import { currentAccessToken } from '../auth/session';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { when } from '../ui/format';

/**
 * GET /api/v1/dashboard as agreed with the lead (SPEC §15): counts the caller may read; null = not for this role.
 * Declared here only until the route is on main; then it comes from the generated schema like every other type.
 */
interface Dashboard {
  asOf: string;
  alerts: { critical: number; high: number };
  detentions: { pastScreeningLimit: number; pastMaxDetention: number } | null;
  reviews: { awaitingConclusion: number; awaitingResponse: number };
  recommendations: { awaitingResponse: number; pastTarget: number };
  visits: { due: number } | null;
}

async function loadDashboard(): Promise<Dashboard> {
  const res = await fetch('/api/v1/dashboard', {
    headers: { authorization: `Bearer ${currentAccessToken() ?? ''}` },
  });
  if (!res.ok) throw new ApiProblem(res.status, (await res.json().catch(() => undefined)) as Problem | undefined);
  return (await res.json()) as Dashboard;
}

interface Figure {
  label: string;
  value: number;
  to?: string;
}

export function DashboardPage() {
  const { data, error } = useQuery({
    queryKey: ['/api/v1/dashboard'],
    queryFn: loadDashboard,
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
          to: '/reviews?status=assigned',
        },
        {
          label: 'Reviews awaiting a response',
          value: data.reviews.awaitingResponse,
          to: '/reviews?status=awaiting_response',
        },
        { label: 'Recommendations awaiting a response', value: data.recommendations.awaitingResponse },
        { label: 'Recommendations past their target', value: data.recommendations.pastTarget },
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
