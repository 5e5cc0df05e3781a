import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { field } from '../ui/form-field';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate } from '../ui/router';

type NewRun = components['schemas']['CreateSamplingRunDto'];

const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Starts a run over a period of whole UTC days (the end day excluded, as the API counts it). Rates left empty take
 * the office's configured defaults; the seed is never typed here: the API draws a random one and keeps it sealed.
 */
export function StartSamplingRun() {
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: async (body: NewRun) => dataOrThrow(await api.POST('/api/v1/sampling-runs', { body })),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: ['/api/v1/sampling-runs'] });
      navigate(`/sampling-runs/${run.id}`);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => (field(form, name).trim() === '' ? {} : { [name]: Number(field(form, name)) });
    start.mutate({
      from: `${field(form, 'from')}T00:00:00Z`,
      to: `${field(form, 'to')}T00:00:00Z`,
      ...number('rate'),
      ...number('negativeRate'),
      ...number('minPerStratum'),
    });
  };
  const today = Date.now();
  return (
    <section aria-labelledby="start-run">
      <Title order={2} size="h3" id="start-run" mb="xs">
        Start a sampling run
      </Title>
      <Text size="sm" mb="sm">
        Decisions that occurred from the first day up to (not including) the last are drawn by a background job. Rates
        left empty take the office’s defaults. The seed is random and sealed.
      </Text>
      <form onSubmit={submit} aria-labelledby="start-run">
        <Stack gap="sm">
          <Group align="end">
            <TextInput type="date" label="From (UTC day)" name="from" required defaultValue={utcDay(today - 7 * DAY)} />
            <TextInput
              type="date"
              label="Until (UTC day, excluded)"
              name="to"
              required
              defaultValue={utcDay(today + DAY)}
            />
          </Group>
          <Group align="end">
            <TextInput
              type="number"
              label="Rate"
              name="rate"
              min={0}
              max={1}
              step="any"
              placeholder="default"
              w={140}
            />
            <TextInput
              type="number"
              label="Negative rate"
              name="negativeRate"
              min={0}
              max={1}
              step="any"
              placeholder="default"
              w={140}
            />
            <TextInput
              type="number"
              label="Minimum per stratum"
              name="minPerStratum"
              min={0}
              max={1000}
              step={1}
              placeholder="default"
              w={180}
            />
          </Group>
          <ProblemAlert error={start.error} />
          <Group>
            <Button type="submit" loading={start.isPending}>
              Start run
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
