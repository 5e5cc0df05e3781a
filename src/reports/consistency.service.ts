import { Injectable } from '@nestjs/common';
import { subjectOf } from '../authz/domain/abilities.js';
import { Forbidden, ValidationFailed } from '../common/domain-errors.js';
import type { RequestContext } from '../common/request-context.js';
import {
  comparedKinds,
  consistencyFunnel,
  funnelTitle,
  groupingOf,
  METRICS,
  type ConsistencyFunnel,
} from './domain/consistency.js';
import type { ConsistencyGrouping, ConsistencyMetric } from './domain/consistency.js';
import { funnelSvg } from './domain/funnel-svg.js';
import { reportPeriod } from './domain/report-period.js';
import { instantOf, orderedPeriod } from './period.js';
import { ConsistencyQueries } from './persistence/consistency.queries.js';
import type { ConsistencyQuery } from './consistency.dto.js';

export interface ConsistencyReport extends ConsistencyFunnel {
  metric: ConsistencyMetric;
  groupBy: ConsistencyGrouping;
  numerator: string;
  denominator: string;
  period: { from: string; to: string; defaulted: boolean };
}

/**
 * Are agencies deciding consistently (SPEC §14)? Counts from SQL, limits from the pure funnel. Every caller who
 * reads reports sees every compared agency's point; it sees the names only of agencies whose report it may read
 * (its `Report · read` rules), so an agency finds itself and nobody else.
 */
@Injectable()
export class ConsistencyService {
  constructor(private readonly queries: ConsistencyQueries) {}

  async report(ctx: RequestContext, q: ConsistencyQuery): Promise<ConsistencyReport> {
    if (!ctx.ability.can('read', 'Report')) throw new Forbidden('Your role does not read reports.');
    const grouping = groupingOf(q.metric, q.groupBy);
    if ('error' in grouping) throw new ValidationFailed([grouping.error]);
    const period = orderedPeriod(reportPeriod(instantOf(q.from), instantOf(q.to), new Date()));
    const counts = await this.queries.counts(q.metric, grouping.grouping, comparedKinds(q.metric, grouping.grouping), {
      from: period.from,
      to: period.to,
    });
    const named = (agencyId: string) => ctx.ability.can('read', subjectOf('Report', { agencyId }));
    return {
      metric: q.metric,
      groupBy: grouping.grouping,
      numerator: METRICS[q.metric].numerator,
      denominator: METRICS[q.metric].denominator,
      period: { from: period.from.toISOString(), to: period.to.toISOString(), defaulted: period.defaulted },
      ...consistencyFunnel(counts, named, q.overdispersion ?? 'auto'),
    };
  }

  svg(report: ConsistencyReport, idPrefix?: string): string {
    return funnelSvg(report, {
      title: funnelTitle(report.metric, report.groupBy),
      period: `${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}`,
      idPrefix,
    });
  }
}
