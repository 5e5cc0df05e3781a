import { Group, Table } from '@mantine/core';
import type { components } from '../api/schema';
import { abilityOf, useMe } from '../auth/me';
import { Link } from '../ui/link';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { useUser } from '../directory/directory';
import { AssignReview } from './assign-review';
import { ConcludeReview } from './conclude-review';
import { RespondToReview } from './respond-review';

export type Review = components['schemas']['ReviewResponseDto'];

/**
 * Reviews with what the API lets this user do to each (`allowedCommands`): assign, conclude and respond are offered
 * only when listed. The reviewer column appears when the API tells this user who is assigned (commissioner staff).
 */
export function ReviewTable({ reviews, withCase = false }: { reviews: Review[]; withCase?: boolean }) {
  const me = useMe().data;
  // The office may base a recommendation on a concern or disagreement (SPEC §12); the API checks the review again.
  const canRecommend = me ? abilityOf(me).can('create', 'Recommendation') : false;
  if (reviews.length === 0) return <p>No reviews.</p>;
  const withReviewer = reviews.some((r) => r.assignedReviewerId !== undefined);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            {withCase && <Table.Th scope="col">Case</Table.Th>}
            <Table.Th scope="col">Decision reviewed</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            {withReviewer && <Table.Th scope="col">Reviewer</Table.Th>}
            <Table.Th scope="col">Finding</Table.Th>
            <Table.Th scope="col">Response due</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviews.map((r) => (
            <Table.Tr key={r.id}>
              {withCase && (
                <Table.Td>
                  <Link to={`/cases/${r.caseId}`}>
                    <UserText value={r.case?.externalRef ?? r.caseId} />
                  </Link>
                </Table.Td>
              )}
              <Table.Td>
                {words(r.decisionType)}
                {r.decisionOutcome ? ` (${words(r.decisionOutcome)})` : ''}
              </Table.Td>
              <Table.Td>
                {words(r.status)}
                {r.response && (
                  <>
                    {' '}
                    (response: {words(r.response)}
                    {r.responseText && (
                      <>
                        , <UserText value={r.responseText} />
                      </>
                    )}
                    )
                  </>
                )}
              </Table.Td>
              {withReviewer && (
                <Table.Td>
                  <ReviewerName id={r.assignedReviewerId} />
                </Table.Td>
              )}
              <Table.Td>
                {r.finding ? words(r.finding) : '—'}
                {r.rationale && (
                  <>
                    : <UserText value={r.rationale} />
                  </>
                )}
              </Table.Td>
              <Table.Td>{when(r.responseDueAt)}</Table.Td>
              <Table.Td>
                <ReviewActions review={r} canRecommend={canRecommend} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What the API lists for this user (`allowedCommands`), and for the office a recommendation based on the finding. */
function ReviewActions({ review: r, canRecommend }: { review: Review; canRecommend: boolean }) {
  const recommend = canRecommend && (r.finding === 'concern' || r.finding === 'disagree');
  const assign = r.allowedCommands.includes('assign');
  const conclude = r.allowedCommands.includes('conclude');
  const respond = r.allowedCommands.includes('respond');
  if (!assign && !conclude && !respond && !recommend) return '—';
  return (
    <Group gap="xs" wrap="nowrap">
      {assign && <AssignReview review={r} />}
      {conclude && <ConcludeReview review={r} />}
      {respond && <RespondToReview review={r} />}
      {recommend && (
        <Link to={`/recommendations/new?agencyId=${r.agencyId}&sourceKind=review&sourceId=${r.id}`} size="sm">
          Recommend
        </Link>
      )}
    </Group>
  );
}
function ReviewerName({ id }: { id: string | null | undefined }) {
  const user = useUser(id);
  if (!id) return <>—</>;
  return <UserText value={user.data?.displayName ?? '…'} />;
}
