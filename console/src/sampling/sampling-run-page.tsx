import { Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { abilityOf, type Me } from '../auth/me';
import { useAgencies } from '../directory/directory';
import { AutoAssign } from '../reviews/auto-assign';
import { ReviewTable } from '../reviews/review-table';
import { PageTitle } from '../ui/layout';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { period, percent, stillDrawing, type SamplingRun } from './sampling-run-facts';
import { RunStatus } from './sampling-runs-page';
import { StartedBy, useRunStarters } from './started-by';

/** One run: its period and rates, what the job drew per stratum, and the reviews it made (assign them here). */
export function SamplingRunPage({ id, me }: { id: string; me: Me }) {
  const ability = abilityOf(me);
  const found = useQuery({
    queryKey: ['/api/v1/sampling-runs/{id}', id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/sampling-runs/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (stillDrawing(query.state.data) ? 2_000 : false),
  });
  const run = found.data;
  const reviewsQuery = { runId: id, limit: 200 };
  const reviews = useQuery({
    queryKey: ['/api/v1/reviews', reviewsQuery],
    enabled: run?.status === 'completed' && ability.can('read', 'Review'),
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/reviews', { params: { query: reviewsQuery } })),
  });
  const starters = useRunStarters(ability.can('read', 'AuditEvent'));
  if (found.error) return <ProblemAlert error={found.error} />;
  if (!run) return <Text>Loading…</Text>;
  return (
    <>
      <PageTitle>Sampling run {period(run)}</PageTitle>
      <Stack gap="lg">
        <section aria-labelledby="run-facts">
          <Title order={2} size="h3" id="run-facts">
            The run
          </Title>
          <List listStyleType="none" p={0}>
            <List.Item>
              Status: <RunStatus run={run} />
              {stillDrawing(run) && ' — the background job is drawing the sample…'}
            </List.Item>
            {run.failure && (
              <List.Item>
                Failure: <UserText value={run.failure} />
              </List.Item>
            )}
            <List.Item>
              Rates: {percent(run.rate)}, negative decisions {percent(run.negativeRate)}, at least {run.minPerStratum}{' '}
              per stratum
            </List.Item>
            <List.Item>
              Started by: <StartedBy run={run} starterId={starters.data?.get(run.id)} />, {when(run.createdAt)}
            </List.Item>
            <List.Item>Drawn: {when(run.completedAt)}</List.Item>
            <List.Item>
              Decisions in the period: {run.populationCount ?? '—'}; drawn for review: {run.sampleCount ?? '—'}
            </List.Item>
            <List.Item>
              <SealedSeed run={run} />
            </List.Item>
          </List>
        </section>

        {run.strata && run.strata.length > 0 && <Strata run={run} />}

        {ability.can('read', 'Review') && run.status === 'completed' && (
          <section aria-labelledby="run-reviews">
            <Group justify="space-between" align="end" mb="xs">
              <Title order={2} size="h3" id="run-reviews">
                Reviews of this run
              </Title>
              {ability.can('assign', 'Review') && <AutoAssign runId={run.id} />}
            </Group>
            <ProblemAlert error={reviews.error} />
            {reviews.data && <ReviewTable reviews={reviews.data.items} withCase />}
          </section>
        )}
      </Stack>
    </>
  );
}

/**
 * The seed decides what is drawn: the API gives it to the commissioner only, and the page keeps it out of sight
 * (and out of screenshots) until asked.
 */
function SealedSeed({ run }: { run: SamplingRun }) {
  const [shown, { toggle }] = useDisclosure(false);
  if (run.seed === undefined) return <>Seed: sealed</>;
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <span>Seed: {shown ? <code className="user-text">{run.seed}</code> : 'sealed'}</span>
      <Button variant="default" size="compact-xs" onClick={toggle} aria-expanded={shown}>
        {shown ? 'Hide seed' : 'Show seed'}
      </Button>
    </Group>
  );
}

function Strata({ run }: { run: SamplingRun }) {
  const agencies = useAgencies();
  const name = (agencyId: string) => agencies.data?.find((a) => a.id === agencyId)?.name ?? agencyId;
  return (
    <section aria-labelledby="strata">
      <Title order={2} size="h3" id="strata">
        Strata
      </Title>
      <Text size="sm">
        By {run.strataAgency === 'case' ? 'the agency owning the case (an older run)' : 'the deciding agency'} and
        decision.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Agency</Table.Th>
              <Table.Th scope="col">Decision</Table.Th>
              <Table.Th scope="col">Rate</Table.Th>
              <Table.Th scope="col">Decisions</Table.Th>
              <Table.Th scope="col">Drawn</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.strata!.map((s) => (
              <Table.Tr key={`${s.agencyId}:${s.decisionType}:${s.outcome ?? ''}`}>
                <Table.Td>
                  <UserText value={name(s.agencyId)} />
                </Table.Td>
                <Table.Td>
                  {words(s.decisionType)}
                  {s.outcome ? ` (${words(s.outcome)})` : ''}
                  {s.negative ? ', negative' : ''}
                </Table.Td>
                <Table.Td>{percent(s.rate)}</Table.Td>
                <Table.Td>{s.population}</Table.Td>
                <Table.Td>{s.sampled}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
