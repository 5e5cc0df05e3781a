import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';

export type AlertItem = components['schemas']['AlertResponse'];

/** Alerts as cards; `canAcknowledge` comes from the API's rules for this user (GET /me), never decided here. */
export function AlertList({ alerts, canAcknowledge }: { alerts: AlertItem[]; canAcknowledge: boolean }) {
  if (alerts.length === 0) return <Text>No alerts.</Text>;
  return (
    <Stack component="ul" p={0} m={0} gap="sm">
      {alerts.map((alert) => (
        <Card key={alert.id} withBorder component="li" aria-label={alert.title}>
          <Group justify="space-between" wrap="wrap">
            <Text fw={700}>{alert.title}</Text>
            <Group gap="xs">
              <Badge color={alert.severity === 'critical' ? 'red' : 'blue'}>{words(alert.severity)}</Badge>
              <Badge variant="outline" color="dark">
                {words(alert.status)}
              </Badge>
            </Group>
          </Group>
          <Text size="sm">{alert.basis}</Text>
          <Text size="sm">
            Since {when(alert.since)} · raised {when(alert.raisedAt)}
            {alert.caseId && (
              <>
                {' · '}
                <Link to={`/cases/${alert.caseId}`}>Open the case</Link>
              </>
            )}
          </Text>
          {alert.note && (
            <Text size="sm">
              Note: <UserText value={alert.note} />
            </Text>
          )}
          {canAcknowledge && alert.status === 'open' && <AcknowledgeForm alert={alert} />}
        </Card>
      ))}
    </Stack>
  );
}

function AcknowledgeForm({ alert }: { alert: AlertItem }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const acknowledge = useMutation({
    mutationFn: async () =>
      dataOrThrow(
        await api.POST('/api/v1/alerts/{id}/acknowledge', {
          params: { path: { id: alert.id } },
          body: note.trim() ? { note } : {},
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/api/v1/alerts'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    acknowledge.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={`Acknowledge: ${alert.title}`}>
      <Group align="end" mt="sm">
        <TextInput
          label="Note (optional)"
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button type="submit" loading={acknowledge.isPending}>
          Acknowledge
        </Button>
      </Group>
      <ProblemAlert error={acknowledge.error} />
    </form>
  );
}
