import { Button, Card, Checkbox, Group, List, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { field } from '../ui/form-field';
import { when, words } from '../ui/format';
import { usePlaceName, useVisit, useVisitAction, type Visit } from './queries';
import { VisitStateBadge } from './visit-list-page';

type RollEntry = components['schemas']['RollEntryResponse'];
type Finding = components['schemas']['RecordFindingDto'];
const SEVERITIES: Finding['severity'][] = ['info', 'concern', 'serious'];
/** A finding or a report keeps its line breaks (set through the DOM's style object, which the CSP allows). */
const PARAGRAPHS = { whiteSpace: 'pre-wrap' } as const;

/**
 * One visit as the API shows it to this user: its facts, and for each part (team, roll, findings, report) what the
 * API returns and the actions it lists in `allowedActions`. Nothing of the visit is asked for, nor shown, until the
 * API has answered that this user may read it.
 */
export function VisitPage({ id, me }: { id: string; me: Me }) {
  const found = useVisit(id);
  if (found.error) return <ProblemAlert error={found.error} />;
  if (!found.data) return <Text>Loading…</Text>;
  return <VisitDetails visit={found.data} me={me} />;
}

function VisitDetails({ visit, me }: { visit: Visit; me: Me }) {
  const placeName = usePlaceName(visit.placeId);
  const ability = abilityOf(me);
  const allowed = new Set(visit.allowedActions);
  // The roll is the team's and the commissioner's while the visit is in progress; the API refuses anyone else.
  const showRoll = visit.state === 'in_progress' && ability.can('read_roll', 'Visit');
  return (
    <>
      <PageTitle>
        Visit to <UserText value={placeName ?? '…'} />
      </PageTitle>
      <Group gap="xs" mb="md">
        <VisitStateBadge state={visit.state} />
        <Text>Day: {visit.day}</Text>
      </Group>
      <Stack gap="lg">
        <section aria-labelledby="visit-facts">
          <Title order={2} size="h3" id="visit-facts">
            Progress
          </Title>
          <List listStyleType="none" p={0}>
            <List.Item>Started: {when(visit.startedAt)}</List.Item>
            <List.Item>Reported: {when(visit.reportedAt)}</List.Item>
            {visit.cancelledAt && <List.Item>Cancelled: {when(visit.cancelledAt)}</List.Item>}
            {visit.cancelReason && (
              <List.Item>
                Reason: <UserText value={visit.cancelReason} />
              </List.Item>
            )}
          </List>
          <Group mt="sm" align="start">
            {allowed.has('start') && <StartVisit visit={visit} />}
            {allowed.has('cancel') && <CancelVisit visit={visit} />}
          </Group>
        </section>

        {visit.team !== undefined && (
          <Team visit={visit} canRead={ability.can('read', 'User')} canAssign={allowed.has('assign_team')} />
        )}

        {showRoll && <Roll visit={visit} canRecord={allowed.has('record_findings')} />}
        {!showRoll && (visit.findings !== undefined || allowed.has('record_findings')) && (
          <Findings visit={visit} roll={[]} canRecord={allowed.has('record_findings')} />
        )}

        {(visit.summary != null || allowed.has('report')) && <Report visit={visit} canReport={allowed.has('report')} />}
      </Stack>
    </>
  );
}

function StartVisit({ visit }: { visit: Visit }) {
  const start = useVisitAction(visit, async (id, body: { expectedVersion: number }) =>
    dataOrThrow(await api.POST('/api/v1/visits/{id}/start', { params: { path: { id } }, body })),
  );
  return (
    <Stack gap="xs">
      <Button onClick={() => start.mutate({ expectedVersion: visit.version })} loading={start.isPending}>
        Start the visit
      </Button>
      <Text size="sm" c="dimmed">
        Records the arrival now; from then the operating agency sees the visit.
      </Text>
      <ProblemAlert error={start.error} />
    </Stack>
  );
}

function CancelVisit({ visit }: { visit: Visit }) {
  const cancel = useVisitAction(visit, async (id, body: { expectedVersion: number; reason: string }) =>
    dataOrThrow(await api.POST('/api/v1/visits/{id}/cancel', { params: { path: { id } }, body })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    cancel.mutate({ expectedVersion: visit.version, reason: field(new FormData(event.currentTarget), 'reason') });
  };
  return (
    <form onSubmit={submit} aria-label="Cancel the visit">
      <Group align="end">
        <Textarea label="Reason to cancel" name="reason" maxLength={2000} required autosize minRows={1} w={320} />
        <Button type="submit" variant="default" loading={cancel.isPending}>
          Cancel the visit
        </Button>
      </Group>
      <ProblemAlert error={cancel.error} />
    </form>
  );
}

function useUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['/api/v1/users', { limit: 200 }],
    enabled,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/users', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
}

/** The team (the office sees it; agencies never do). Members are named from the user directory the API lets this user read. */
function Team({ visit, canRead, canAssign }: { visit: Visit; canRead: boolean; canAssign: boolean }) {
  const users = useUsers(canRead);
  const byId = new Map((users.data?.items ?? []).map((u) => [u.id, u]));
  const team = visit.team ?? [];
  return (
    <section aria-labelledby="visit-team">
      <Title order={2} size="h3" id="visit-team">
        Team
      </Title>
      <ProblemAlert error={users.error} />
      {team.length === 0 ? (
        <Text>No one yet.</Text>
      ) : (
        <List>
          {team.map((memberId) => {
            const member = byId.get(memberId);
            return (
              <List.Item key={memberId}>
                {member ? (
                  <>
                    <UserText value={member.displayName} /> (<UserText value={member.email} />)
                  </>
                ) : (
                  memberId
                )}
              </List.Item>
            );
          })}
        </List>
      )}
      {canAssign && users.data && (
        <TeamForm
          visit={visit}
          reviewers={users.data.items.filter((u) => u.role === 'reviewer' && u.disabledAt === null)}
        />
      )}
    </section>
  );
}

type UserItem = components['schemas']['UserResponse'];

function TeamForm({ visit, reviewers }: { visit: Visit; reviewers: UserItem[] }) {
  const [chosen, setChosen] = useState<string[]>(visit.team ?? []);
  const assign = useVisitAction(visit, async (id, body: { expectedVersion: number; reviewerIds: string[] }) =>
    dataOrThrow(await api.POST('/api/v1/visits/{id}/team', { params: { path: { id } }, body })),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ expectedVersion: visit.version, reviewerIds: chosen });
  };
  return (
    <form onSubmit={submit} aria-label="Choose the team">
      <Checkbox.Group
        label="Reviewers on the team"
        description="Saving replaces the team. The API refuses a reviewer with a conflict with the operating agency."
        value={chosen}
        onChange={setChosen}
        mt="sm"
      >
        <Stack gap={4} mt="xs">
          {reviewers.length === 0 && <Text size="sm">No reviewers.</Text>}
          {reviewers.map((r) => (
            <Checkbox
              key={r.id}
              value={r.id}
              label={
                <>
                  <UserText value={r.displayName} /> (<UserText value={r.email} />)
                  {r.conflictAgencyIds.includes(visit.agencyId) ? ' — declared a conflict with this agency' : ''}
                </>
              }
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Button type="submit" mt="sm" loading={assign.isPending}>
        Save the team
      </Button>
      <ProblemAlert error={assign.error} />
    </form>
  );
}

/** Everyone detained at the place now, as the API lists it (no personal data is asked for), then the findings. */
function Roll({ visit, canRecord }: { visit: Visit; canRecord: boolean }) {
  const roll = useQuery({
    queryKey: ['/api/v1/visits/{id}/roll', visit.id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/visits/{id}/roll', { params: { path: { id: visit.id } } })),
  });
  const entries = roll.data?.detained ?? [];
  return (
    <>
      <section aria-labelledby="visit-roll">
        <Title order={2} size="h3" id="visit-roll">
          Detention roll
        </Title>
        <ProblemAlert error={roll.error} />
        {roll.data && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Caption>
                {entries.length} person(s) detained here, as of {when(roll.data.takenAt)}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Case</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Detained since</Table.Th>
                  <Table.Th scope="col">Hours</Table.Th>
                  <Table.Th scope="col">Open alerts</Table.Th>
                  <Table.Th scope="col">Legal basis</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.caseId}>
                    <Table.Td>
                      <Link to={`/cases/${e.caseId}`}>
                        <UserText value={e.externalRef} />
                      </Link>
                    </Table.Td>
                    <Table.Td>{words(e.state)}</Table.Td>
                    <Table.Td>{when(e.detainedSince)}</Table.Td>
                    <Table.Td>{e.hoursDetained}</Table.Td>
                    <Table.Td>{e.openAlerts}</Table.Td>
                    <Table.Td>
                      <UserText value={e.legalBasis} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
      <Findings visit={visit} roll={entries} canRecord={canRecord} />
    </>
  );
}

function Findings({ visit, roll, canRecord }: { visit: Visit; roll: RollEntry[]; canRecord: boolean }) {
  const findings = visit.findings ?? [];
  const refs = new Map(roll.map((e) => [e.caseId, e.externalRef]));
  return (
    <section aria-labelledby="visit-findings">
      <Title order={2} size="h3" id="visit-findings">
        Findings
      </Title>
      {findings.length === 0 ? (
        <Text>None recorded.</Text>
      ) : (
        <Stack component="ul" p={0} m={0} gap="sm">
          {findings.map((f) => (
            <Card key={f.id} withBorder component="li" aria-label={`Finding (${f.severity})`}>
              <Text fw={700}>{words(f.severity)}</Text>
              <Text style={PARAGRAPHS}>
                <UserText value={f.text} />
              </Text>
              <Text size="sm" c="dimmed">
                Recorded {when(f.recordedAt)}
              </Text>
              {f.caseIds.length > 0 && (
                <Text size="sm">
                  Cases:{' '}
                  {f.caseIds.map((caseId, i) => (
                    <span key={caseId}>
                      {i > 0 && ', '}
                      <Link to={`/cases/${caseId}`}>
                        <UserText value={refs.get(caseId) ?? caseId} />
                      </Link>
                    </span>
                  ))}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
      {canRecord && <FindingForm key={visit.version} visit={visit} roll={roll} />}
    </section>
  );
}

function FindingForm({ visit, roll }: { visit: Visit; roll: RollEntry[] }) {
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const record = useVisitAction(visit, async (id, body: Finding) =>
    dataOrThrow(await api.POST('/api/v1/visits/{id}/findings', { params: { path: { id } }, body })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    record.mutate({
      expectedVersion: visit.version,
      text: field(form, 'text'),
      severity: field(form, 'severity') as Finding['severity'],
      ...(caseIds.length > 0 ? { caseIds } : {}),
    });
  };
  return (
    <form onSubmit={submit} aria-label="Record a finding">
      <Stack mt="sm" maw={720}>
        <Textarea label="Finding" name="text" maxLength={4000} required autosize minRows={3} />
        <NativeSelect
          label="Severity"
          name="severity"
          w={200}
          data={SEVERITIES.map((s) => ({ value: s, label: words(s) }))}
        />
        {roll.length > 0 && (
          <Checkbox.Group label="Cases it concerns (optional)" value={caseIds} onChange={setCaseIds}>
            <Group gap="md" mt="xs">
              {roll.map((e) => (
                <Checkbox key={e.caseId} value={e.caseId} label={<UserText value={e.externalRef} />} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <ProblemAlert error={record.error} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            Record the finding
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The report: its summary once written; writing it freezes the findings, so the form says so. */
function Report({ visit, canReport }: { visit: Visit; canReport: boolean }) {
  const report = useVisitAction(visit, async (id, body: { expectedVersion: number; summary: string }) =>
    dataOrThrow(await api.POST('/api/v1/visits/{id}/report', { params: { path: { id } }, body })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    report.mutate({ expectedVersion: visit.version, summary: field(new FormData(event.currentTarget), 'summary') });
  };
  return (
    <section aria-labelledby="visit-report">
      <Title order={2} size="h3" id="visit-report">
        Report
      </Title>
      {visit.summary != null && (
        <Text style={PARAGRAPHS}>
          <UserText value={visit.summary} />
        </Text>
      )}
      {canReport && (
        <form onSubmit={submit} aria-label="Report the visit">
          <Stack maw={720}>
            <Textarea
              label="Summary"
              name="summary"
              description="Reporting freezes the findings: none can be added or changed afterwards."
              maxLength={20000}
              required
              autosize
              minRows={4}
            />
            <ProblemAlert error={report.error} />
            <Group>
              <Button type="submit" loading={report.isPending}>
                Issue the report
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}
