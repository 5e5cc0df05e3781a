import {
  Button,
  Code,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate } from '../ui/router';
import { UserText } from '../ui/user-text';
import { field } from '../ui/form-field';
import { when } from '../ui/format';
import { usePlaces } from './queries';

type NewVisit = components['schemas']['CreateVisitDto'];
type NewPlan = components['schemas']['CreateVisitPlanDto'];
type Plan = components['schemas']['VisitPlanResponse'];

/**
 * Planning, as the API models it: an ad-hoc visit to one place on one day, or a plan the API draws — `count` places
 * weighted by risk, each on a working day of the window. Each form is shown when the API's rules allow it.
 */
export function PlanVisitPage({ me }: { me: Me }) {
  const ability = abilityOf(me);
  return (
    <>
      <PageTitle>Plan a visit</PageTitle>
      <Stack gap="xl">
        {ability.can('create', 'Visit') && <AdHocVisitForm />}
        {ability.can('create', 'VisitPlan') && <DrawPlanForm />}
        {ability.can('read', 'VisitPlan') && <PlanList />}
      </Stack>
    </>
  );
}

function AdHocVisitForm() {
  const places = usePlaces();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async (body: NewVisit) => dataOrThrow(await api.POST('/api/v1/visits', { body })),
    onSuccess: async (visit) => {
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/visits'] });
      navigate(`/visits/${visit.id}`);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ placeId: field(form, 'placeId'), day: field(form, 'day') });
  };
  const active = [...(places.data?.values() ?? [])].filter((p) => p.active);
  return (
    <section aria-labelledby="ad-hoc">
      <Title order={2} size="h3" id="ad-hoc" mb="xs">
        One visit
      </Title>
      <Text size="sm" mb="sm">
        An unannounced visit to one active place on a day you choose. The operating agency learns of it only when the
        team starts it.
      </Text>
      <ProblemAlert error={places.error} />
      <form onSubmit={submit} aria-label="Arrange a visit">
        <Group align="end">
          <NativeSelect
            label="Place"
            name="placeId"
            required
            miw={280}
            data={[
              { value: '', label: places.isPending ? 'Loading…' : 'Choose a place' },
              ...active.map((p) => ({ value: p.id, label: `${p.name} (${p.region})` })),
            ]}
          />
          <TextInput label="Day" name="day" type="date" required />
          <Button type="submit" loading={create.isPending}>
            Arrange the visit
          </Button>
        </Group>
      </form>
      <ProblemAlert error={create.error} />
    </section>
  );
}

function DrawPlanForm() {
  const queryClient = useQueryClient();
  const draw = useMutation({
    mutationFn: async (body: NewPlan) => dataOrThrow(await api.POST('/api/v1/visit-plans', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['/api/v1/visits'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/visit-plans'] }),
      ]),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const seed = field(form, 'seed').trim();
    draw.mutate({
      from: field(form, 'from'),
      to: field(form, 'to'),
      count: Number(field(form, 'count')),
      ...(seed ? { seed } : {}),
    });
  };
  return (
    <section aria-labelledby="draw-plan">
      <Title order={2} size="h3" id="draw-plan" mb="xs">
        A plan drawn by risk
      </Title>
      <Text size="sm" mb="sm">
        The API draws this many active places, weighted by risk (people detained, recent alerts, time since the last
        visit, the agency&apos;s review findings), each on a Monday–Friday of the window. Dates are UTC, both inclusive.
      </Text>
      <form onSubmit={submit} aria-label="Draw a visit plan">
        <Group align="end">
          <TextInput label="From" name="from" type="date" required />
          <TextInput label="To" name="to" type="date" required />
          <NumberInput label="Places to visit" name="count" min={1} max={1000} defaultValue={1} required w={140} />
          <TextInput
            label="Seed (optional)"
            name="seed"
            description="32–128 hex digits; random when empty. Keep it secret."
            pattern="([0-9a-fA-F]{2}){16,64}"
            w={320}
          />
          <Button type="submit" loading={draw.isPending}>
            Draw the plan
          </Button>
        </Group>
      </form>
      <ProblemAlert error={draw.error} />
      {draw.data && <DrawnPlan plan={draw.data} />}
    </section>
  );
}

export function DrawnPlan({ plan }: { plan: Plan }) {
  const places = usePlaces();
  return (
    <section aria-labelledby="drawn-plan">
      <Title order={3} size="h4" id="drawn-plan" mt="md" mb="xs">
        Plan drawn: {plan.from} to {plan.to}
      </Title>
      <Text size="sm">
        Digest <Code>{plan.digest}</Code> (recorded in the audit log).
        {plan.seed && (
          <>
            {' '}
            Seed <Code>{plan.seed}</Code>.
          </>
        )}
      </Text>
      <List mt="xs">
        {plan.visits.map((v) => (
          <List.Item key={v.id}>
            <Link to={`/visits/${v.id}`}>
              <UserText value={places.data?.get(v.placeId)?.name ?? v.placeId} /> on {v.day}
            </Link>
          </List.Item>
        ))}
      </List>
    </section>
  );
}

function PlanList() {
  const plans = useQuery({
    queryKey: ['/api/v1/visit-plans', { limit: 20 }],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/visit-plans', { params: { query: { limit: 20 } } })),
  });
  return (
    <section aria-labelledby="plans">
      <Title order={2} size="h3" id="plans" mb="xs">
        Recent plans
      </Title>
      <ProblemAlert error={plans.error} />
      {plans.data && plans.data.items.length === 0 && <Text>No plans yet.</Text>}
      {plans.data && plans.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Window</Table.Th>
                <Table.Th scope="col">Places</Table.Th>
                <Table.Th scope="col">Drawn</Table.Th>
                <Table.Th scope="col">Digest</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Link to={`/visits/plans/${p.id}`}>
                      {p.from} to {p.to}
                    </Link>
                  </Table.Td>
                  <Table.Td>{p.count}</Table.Td>
                  <Table.Td>{when(p.createdAt)}</Table.Td>
                  <Table.Td>
                    <Code>{p.digest.slice(0, 16)}…</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
