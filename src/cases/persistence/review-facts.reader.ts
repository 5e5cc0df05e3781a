import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReviewFacts } from '../domain/identification.js';

/** What the `close` and reconsideration guards need to know about a case's independent reviews. */
@Injectable()
export class ReviewFactsReader {
  async forCase(manager: EntityManager, caseId: string): Promise<ReviewFacts> {
    const [facts] = await manager.query<{ awaiting: boolean; hidden: boolean; accepted: string[] }[]>(
      // A disputed finding is as unsettled as an unanswered one: removal stays refused (SPEC §3.2).
      `SELECT coalesce(bool_or(status IN ('awaiting_response', 'disputed')), false) AS awaiting,
              coalesce(bool_or(status IN ('pending', 'assigned')), false) AS hidden,
              coalesce(array_agg(id) FILTER (WHERE finding = 'disagree' AND response = 'accept'), '{}') AS accepted
         FROM reviews WHERE case_id = $1`,
      [caseId],
    );
    return {
      awaitingAgencyResponse: facts.awaiting,
      hiddenFromAgency: facts.hidden,
      acceptedDisagreementIds: facts.accepted,
    };
  }
}

/** Reviews of a case the agency cannot see yet: a removal during one of them alerts the commissioner. */
export async function hiddenReviewIds(manager: EntityManager, caseId: string): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id FROM reviews WHERE case_id = $1 AND status IN ('pending', 'assigned') ORDER BY id`,
    [caseId],
  );
  return rows.map((r) => r.id);
}
