import { Badge, Button, Stack, Table, Title } from '@mantine/core';
import { api, dataOrThrow } from '../api/client';
import { useCursorPages } from '../ui/cursor-pages';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { when, words } from '../ui/format';
import { period, percent, type SamplingRun } from './sampling-run-facts';
import { StartedBy, useRunStarters } from './started-by';
import { StartSamplingRun } from './start-sampling-run';

/** The sampling runs, newest first; the commissioner (whom the API's rules let create runs) may start one here. */
export function SamplingRunsPage({ me }: { me: Me }) {
  const ability = abilityOf(me);
  const { query: runs, rows } = useCursorPages(
    ['/api/v1/sampling-runs'],
    async (cursor) =>
      dataOrThrow(
        await api.GET('/api/v1/sampling-runs', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }),
      ),
    // While the job draws, ask again every two seconds.
    (runs) => (runs.some((r) => r.status === 'queued' || r.status === 'running') ? 2_000 : false),
  );
  const starters = useRunStarters(ability.can('read', 'AuditEvent'));
  return (
    <>
      <PageTitle>Sampling runs</PageTitle>
      <Stack gap="lg">
        {ability.can('create', 'SamplingRun') && <StartSamplingRun />}
        <section aria-labelledby="runs">
          <Title order={2} size="h3" id="runs" mb="xs">
            Runs
          </Title>
          <ProblemAlert error={runs.error} />
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Caption>{runs.isPending ? 'Loading…' : `${rows.length} run(s) shown`}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Period (end excluded)</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Rates</Table.Th>
                  <Table.Th scope="col">Decisions</Table.Th>
                  <Table.Th scope="col">Drawn</Table.Th>
                  <Table.Th scope="col">Started by</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td>
                      <Link to={`/sampling-runs/${run.id}`}>{period(run)}</Link>
                    </Table.Td>
                    <Table.Td>
                      <RunStatus run={run} />
                    </Table.Td>
                    <Table.Td>
                      {percent(run.rate)}, negative {percent(run.negativeRate)}, at least {run.minPerStratum}
                    </Table.Td>
                    <Table.Td>{run.populationCount ?? '—'}</Table.Td>
                    <Table.Td>{run.sampleCount ?? '—'}</Table.Td>
                    <Table.Td>
                      <StartedBy run={run} starterId={starters.data?.get(run.id)} />
                    </Table.Td>
                    <Table.Td>{when(run.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {runs.hasNextPage && (
            <Button
              variant="default"
              mt="md"
              loading={runs.isFetchingNextPage}
              onClick={() => void runs.fetchNextPage()}
            >
              More runs
            </Button>
          )}
        </section>
      </Stack>
    </>
  );
}

export function RunStatus({ run }: { run: SamplingRun }) {
  return (
    <Badge variant={run.status === 'failed' ? 'filled' : 'outline'} color={run.status === 'failed' ? 'red' : 'dark'}>
      {words(run.status)}
    </Badge>
  );
}
