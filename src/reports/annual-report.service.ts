import { Injectable } from '@nestjs/common';
import { Forbidden, Unprocessable } from '../common/domain-errors.js';
import type { RequestContext } from '../common/request-context.js';
import { ConsistencyService } from './consistency.service.js';
import { annualPeriod, annualReportHtml, type AnnualFunnel } from './domain/annual-report.js';
import { CONSISTENCY_METRICS, funnelTitle } from './domain/consistency.js';
import { AnnualQueries } from './persistence/annual.queries.js';
import { ReportsService } from './reports.service.js';

/**
 * The annual report (SPEC §14): the figures come from the same services as the routes that report them (the agency
 * report, the consistency report), for the calendar year; only the visit counts, which no route totals, have a query
 * of their own. Load → render (pure) → answer.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly consistency: ConsistencyService,
    private readonly queries: AnnualQueries,
  ) {}

  async html(ctx: RequestContext, q: { year?: number }): Promise<string> {
    if (!ctx.ability.can('read', 'AnnualReport')) throw new Forbidden('The annual report is the office’s.');
    const generatedAt = new Date();
    const period = annualPeriod(q.year, generatedAt);
    if ('error' in period)
      throw new Unprocessable('invalid-year', 'There is no report for that year yet.', [period.error]);
    const window = { from: period.from.toISOString(), to: period.to.toISOString() };
    const agencies = await this.reports.agencies(ctx, window);
    const funnels: AnnualFunnel[] = [];
    for (const [i, metric] of CONSISTENCY_METRICS.entries()) {
      const report = await this.consistency.report(ctx, { metric, ...window });
      funnels.push({
        title: funnelTitle(report.metric, report.groupBy),
        numerator: report.numerator,
        denominator: report.denominator,
        funnel: report,
        svg: this.consistency.svg(report, `funnel-${i + 1}`),
      });
    }
    const visits = await this.queries.visits(period.from, period.to);
    const oversight = await this.queries.oversight(period.from, period.to);
    return annualReportHtml({
      year: period.year,
      generatedAt,
      partial: period.to.getTime() > generatedAt.getTime(),
      agencies,
      funnels,
      visits,
      oversight,
    });
  }
}
