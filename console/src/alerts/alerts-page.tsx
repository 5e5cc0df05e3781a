import { Group, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { operations } from '../api/schema';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';
import { AlertList } from './alert-list';

type AlertFilters = NonNullable<operations['listAlerts']['parameters']['query']>;

export function AlertsPage({ me }: { me: Me }) {
  const { search } = useLocation();
  const status = (search.get('status') ?? 'open') as NonNullable<AlertFilters['status']>;
  const severity = search.get('severity') as AlertFilters['severity'] | null;
  const query: AlertFilters = { limit: 100, status, ...(severity ? { severity } : {}) };
  const alerts = useQuery({
    queryKey: ['/api/v1/alerts', query],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/alerts', { params: { query } })),
  });
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`/alerts?${next}`);
  };
  return (
    <>
      <PageTitle>Alerts</PageTitle>
      <Group mb="md">
        <NativeSelect
          label="Status"
          value={status}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'acknowledged', label: 'Acknowledged' },
            { value: 'resolved', label: 'Resolved' },
          ]}
        />
        <NativeSelect
          label="Severity"
          value={severity ?? ''}
          onChange={(e) => setFilter('severity', e.currentTarget.value)}
          data={[
            { value: '', label: 'Any' },
            { value: 'critical', label: 'Critical' },
            { value: 'high', label: 'High' },
          ]}
        />
      </Group>
      <ProblemAlert error={alerts.error} />
      {alerts.data && (
        <AlertList alerts={alerts.data.items} canAcknowledge={abilityOf(me).can('acknowledge', 'Alert')} />
      )}
    </>
  );
}
