import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { AlertList } from './alert-list';

/** One alert, where its e-mail links (`/console/alerts/<id>`): the API decides whether this user may read it. */
export function AlertPage({ id, me }: { id: string; me: Me }) {
  const alert = useQuery({
    queryKey: ['/api/v1/alerts', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/alerts/{id}', { params: { path: { id } } })),
  });
  return (
    <>
      <PageTitle>Alert</PageTitle>
      <ProblemAlert error={alert.error} />
      {alert.data && <AlertList alerts={[alert.data]} canAcknowledge={abilityOf(me).can('acknowledge', 'Alert')} />}
      <Link to="/alerts" mt="md" display="inline-block">
        All alerts
      </Link>
    </>
  );
}
