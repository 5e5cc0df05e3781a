import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { RequestContext } from '../common/request-context.js';
import type { DashboardResponse } from './dto.js';
import { DashboardQueries } from './persistence/dashboard.queries.js';

/**
 * What needs a person's attention now (SPEC §15), for what the caller may read. A section the caller's role has no
 * business with is null rather than zero: detentions for roles that read no case, visits for anyone outside the
 * commissioner's office (a planned visit is sealed from agencies; a count of them would be a leak).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly queries: DashboardQueries,
    private readonly config: AppConfig,
  ) {}

  async dashboard(ctx: RequestContext): Promise<DashboardResponse> {
    const now = new Date();
    const c = await this.queries.counts(ctx.ability, ctx.actor.id, {
      now,
      screeningMaxHours: this.config.alerts.screeningMaxHours,
      maxDetentionDays: this.config.alerts.maxDetentionDays,
    });
    const office = ctx.actor.agencyKind === 'commissioner_office';
    return {
      asOf: now.toISOString(),
      alerts: { critical: c.alerts_critical, high: c.alerts_high },
      detentions: ctx.ability.can('read', 'Case')
        ? { pastScreeningLimit: c.past_screening_limit, pastMaxDetention: c.past_max_detention }
        : null,
      reviews: { awaitingConclusion: c.reviews_awaiting_conclusion, awaitingResponse: c.reviews_awaiting_response },
      recommendations: {
        awaitingResponse: c.recommendations_awaiting_response,
        pastTarget: c.recommendations_past_target,
      },
      visits: office && ctx.ability.can('read', 'Visit') ? { due: c.visits_due } : null,
    };
  }
}
