import { Group, Table } from '@mantine/core';
import type { components } from '../api/schema';
import { Link } from '../ui/link';
import { UserText } from '../ui/user-text';
import { when, words } from '../ui/format';
import { useUser } from '../directory/directory';
import { AssignReview } from './assign-review';
import { ConcludeReview } from './conclude-review';

export type Review = components['schemas']['ReviewResponseDto'];

/**
 * Reviews with what the API lets this user do to each (`allowedCommands`): assign and conclude are offered only
 * when listed. The reviewer column appears when the API tells this user who is assigned (commissioner staff).
 */
export function ReviewTable({ reviews, withCase = false }: { reviews: Review[]; withCase?: boolean }) {
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
              <Table.Td>{words(r.status)}</Table.Td>
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
                <ReviewActions review={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The commands this page can carry out, each only when the API lists it for the review. */
function ReviewActions({ review }: { review: Review }) {
  const can = (command: Review['allowedCommands'][number]) => review.allowedCommands.includes(command);
  if (!can('assign') && !can('conclude')) return <>—</>;
  return (
    <Group gap="xs" wrap="nowrap">
      {can('assign') && <AssignReview review={review} />}
      {can('conclude') && <ConcludeReview review={review} />}
    </Group>
  );
}

function ReviewerName({ id }: { id: string | null | undefined }) {
  const user = useUser(id);
  if (!id) return <>—</>;
  return <UserText value={user.data?.displayName ?? '…'} />;
}
