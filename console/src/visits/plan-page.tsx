import { Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { PageTitle } from '../ui/layout';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { when } from '../ui/format';
import { DrawnPlan } from './plan-visit-page';
import { usePlaces } from './queries';

/**
 * One visit plan as the API shows it: the visits it drew, and every active place it considered with the figures its
 * risk came from, so the office can show why a place was (or was not) likely to be drawn.
 */
export function PlanPage({ id }: { id: string }) {
  const plan = useQuery({
    queryKey: ['/api/v1/visit-plans/{id}', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/visit-plans/{id}', { params: { path: { id } } })),
  });
  const places = usePlaces(plan.isSuccess);
  if (plan.error) return <ProblemAlert error={plan.error} />;
  if (!plan.data) return <Text>Loading…</Text>;
  const p = plan.data;
  const considered = [...p.places].sort((a, b) => b.risk - a.risk);
  return (
    <>
      <PageTitle>Visit plan</PageTitle>
      <Text size="sm" c="dimmed">
        Drawn {when(p.createdAt)}: {p.count} place(s) to visit.
      </Text>
      <DrawnPlan plan={p} />
      <section aria-labelledby="considered">
        <Title order={2} size="h3" id="considered" mt="lg" mb="xs">
          Places considered
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption>
              Weight = 1 + risk; the risk comes from these figures, taken when the plan was drawn.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Place</Table.Th>
                <Table.Th scope="col">Detained now</Table.Th>
                <Table.Th scope="col">Alerts (180 days)</Table.Th>
                <Table.Th scope="col">Days since last visit</Table.Th>
                <Table.Th scope="col">Agency concern share</Table.Th>
                <Table.Th scope="col">Risk</Table.Th>
                <Table.Th scope="col">Weight</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {considered.map((c) => (
                <Table.Tr key={c.placeId}>
                  <Table.Td>
                    <UserText value={places.data?.get(c.placeId)?.name ?? c.placeId} />
                  </Table.Td>
                  <Table.Td>{c.inputs.detainedNow}</Table.Td>
                  <Table.Td>{c.inputs.alertsLast180Days}</Table.Td>
                  <Table.Td>{c.inputs.daysSinceLastVisit ?? 'Never visited'}</Table.Td>
                  <Table.Td>{Math.round(c.inputs.agencyConcernShare * 100)}%</Table.Td>
                  <Table.Td>{c.risk.toFixed(2)}</Table.Td>
                  <Table.Td>{c.weight.toFixed(2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </>
  );
}
