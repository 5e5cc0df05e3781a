import './recommendations.css';
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import { abilityOf, type Me } from '../auth/me';
import { PageTitle } from '../ui/layout';
import { Link } from '../ui/link';
import { ProblemAlert } from '../ui/problem-alert';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { RecommendationActions } from './recommendation-actions';
import { RECOMMENDATIONS_KEY, useAgencies, type HistoryLine, type Recommendation } from './recommendation-model';

/** One recommendation: what it asks, of whom, by when, its dated history, and the actions the API lists. */
export function RecommendationPage({ id, me }: { id: string; me: Me }) {
  const found = useQuery({
    queryKey: [`${RECOMMENDATIONS_KEY}/{id}`, id],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/recommendations/{id}', { params: { path: { id } } })),
  });
  const { nameOf } = useAgencies(me);
  if (found.error) return <ProblemAlert error={found.error} />;
  const r = found.data;
  if (!r) return <Text>Loading…</Text>;
  return (
    <>
      <PageTitle>Recommendation to {nameOf(r.agencyId)}</PageTitle>
      <Group gap="xs" mb="md">
        <Badge variant="outline" color="dark">
          {words(r.state)}
        </Badge>
        {r.priority === 'urgent' && <Badge color="red">Urgent</Badge>}
        <Badge variant="outline" color="dark">
          Theme: {words(r.theme)}
        </Badge>
      </Group>
      <Stack gap="lg">
        <section aria-labelledby="text">
          <Title order={2} size="h3" id="text">
            What the office asks
          </Title>
          <Text className="pre-wrap">
            <UserText value={r.text} />
          </Text>
        </section>
        <Facts recommendation={r} agencyName={nameOf(r.agencyId)} me={me} />
        <RecommendationActions recommendation={r} />
        <section aria-labelledby="history">
          <Title order={2} size="h3" id="history">
            History
          </Title>
          <List type="ordered" spacing="sm">
            {(r.history ?? []).map((h) => (
              <HistoryItem key={h.version} line={h} />
            ))}
          </List>
        </section>
      </Stack>
    </>
  );
}

function Facts({ recommendation: r, agencyName, me }: { recommendation: Recommendation; agencyName: string; me: Me }) {
  return (
    <section aria-labelledby="facts">
      <Title order={2} size="h3" id="facts">
        Details
      </Title>
      <dl className="facts">
        <dt>Addressed to</dt>
        <dd>
          <UserText value={agencyName} />
        </dd>
        <dt>Source</dt>
        <dd>
          {words(r.source.kind)}
          {r.source.id ? ` ${r.source.id}` : ''}
        </dd>
        <dt>Issued</dt>
        <dd>{when(r.issuedAt)}</dd>
        <dt>Response due</dt>
        <dd>{when(r.responseDueAt)}</dd>
        <dt>Target date</dt>
        <dd>{r.targetDate ?? '—'}</dd>
        {abilityOf(me).can('create', 'Recommendation') && (
          <>
            <dt>Repeat it</dt>
            <dd>
              <Link to={`/recommendations/new?agencyId=${r.agencyId}&repeatOf=${r.id}`}>
                Issue a recommendation that repeats this one
              </Link>
            </dd>
          </>
        )}
        {r.repeatOf && (
          <>
            <dt>Repeats</dt>
            <dd>
              <Link to={`/recommendations/${r.repeatOf}`}>an earlier recommendation</Link>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

const DETAILS: [key: 'reason' | 'note' | 'evidence', label: string][] = [
  ['reason', 'Reason'],
  ['note', 'Note'],
  ['evidence', 'Evidence'],
];

function HistoryItem({ line: h }: { line: HistoryLine }) {
  const choice = h.response ?? h.status ?? h.outcome;
  return (
    <List.Item>
      <Text fw={600}>
        {words(h.action)}
        {choice ? `: ${words(choice)}` : ''} — {when(h.at)}, by {words(h.by.role).toLowerCase()}
      </Text>
      <Text size="sm">
        {h.fromState ? `${words(h.fromState)} → ${words(h.toState)}` : words(h.toState)}
        {h.targetDate ? ` · target date ${h.targetDate}` : ''}
      </Text>
      {DETAILS.map(([key, label]) =>
        h[key] ? (
          <Text size="sm" key={key} className="pre-wrap">
            {label}: <UserText value={h[key]} />
          </Text>
        ) : null,
      )}
    </List.Item>
  );
}
