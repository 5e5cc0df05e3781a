import { Injectable } from '@nestjs/common';
import { orNotFound, ValidationFailed } from '../common/domain-errors.js';
import { decodeTimeIdCursor, pageSize, toPage, type Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { caseContext, decisionSearchItem } from './case-presenter.js';
import type { DecisionRecordDetailResponse, DecisionRecordSearchItem } from './dto/case.response.js';
import type { ListDecisionRecordsQuery } from './dto/list-decision-records.query.js';
import { CasesRepository } from './persistence/cases.repository.js';
import { DecisionRecordsRepository } from './persistence/decision-records.repository.js';

/** Decision records across cases, for the commissioner's office and, within their rules, everyone who reads cases. */
@Injectable()
export class DecisionRecordsService {
  constructor(
    private readonly records: DecisionRecordsRepository,
    private readonly cases: CasesRepository,
  ) {}

  async search(ctx: RequestContext, q: ListDecisionRecordsQuery): Promise<Page<DecisionRecordSearchItem>> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from.getTime() >= to.getTime()) {
      throw new ValidationFailed([{ field: 'to', message: 'to must be after from' }]);
    }
    const limit = pageSize(q);
    const before = decodeTimeIdCursor(q.cursor, 'occurredAt');
    const rows = await this.records.search(ctx.ability, {
      type: q.type,
      outcome: q.outcome,
      decidingAgencyId: q.agencyId,
      caseAgencyId: q.caseAgencyId,
      actorId: q.actorId,
      from,
      to,
      sampled: q.sampled,
      before,
      limit,
    });
    return toPage(rows, limit, decisionSearchItem, (r) => ({ occurredAt: r.occurred_at.toISOString(), id: r.id }));
  }

  async get(ctx: RequestContext, id: string): Promise<DecisionRecordDetailResponse> {
    const record = orNotFound(await this.records.findReadable(ctx.ability, id), 'The decision record');
    const [row] = await this.cases.byIds([record.case_id]);
    return { ...decisionSearchItem(record), case: caseContext(row, await this.cases.episodes(row.id)) };
  }
}
