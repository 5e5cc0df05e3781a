import type { AgencyKind } from '../../authz/domain/roles.js';
import type { FieldError } from '../../common/domain-errors.js';
import {
  funnel,
  type FunnelBand,
  type FunnelCurvePoint,
  type FunnelLimits,
  type OverdispersionMode,
} from './funnel.js';

/**
 * The consistency report (SPEC §14): which rate, counted under which agency,
 * and what an agency may learn of the others. The counting itself is SQL
 * (`persistence/consistency.queries.ts`); the limits are `funnel.ts`.
 */

export const CONSISTENCY_METRICS = [
  'referral_rate',
  'detention_rate',
  'rg_positive_rate',
  'cg_positive_rate',
  'reconsideration_overturn_rate',
  'review_disagreement_rate',
] as const;
export type ConsistencyMetric = (typeof CONSISTENCY_METRICS)[number];

/** Whose point a count lands on: the agency that owns the case, or the one that made the decision. */
export const CONSISTENCY_GROUPINGS = ['case_agency', 'deciding_agency'] as const;
export type ConsistencyGrouping = (typeof CONSISTENCY_GROUPINGS)[number];

export interface MetricDefinition {
  metric: ConsistencyMetric;
  title: string;
  numerator: string;
  denominator: string;
  /** The first grouping is the default; a metric that lists one refuses `groupBy` for any other. */
  groupings: readonly ConsistencyGrouping[];
}

const AUTHORITY_GROUPINGS = ['case_agency', 'deciding_agency'] as const;

export const METRICS: Record<ConsistencyMetric, MetricDefinition> = {
  referral_rate: {
    metric: 'referral_rate',
    title: 'Referral rate',
    numerator: '`refer` decisions',
    denominator: '`refer` and `decline_referral` decisions',
    groupings: ['deciding_agency'],
  },
  detention_rate: {
    metric: 'detention_rate',
    title: 'Detention rate',
    numerator: 'cases encountered in the period with at least one `detain`',
    denominator: 'cases encountered in the period',
    groupings: ['case_agency'],
  },
  rg_positive_rate: {
    metric: 'rg_positive_rate',
    title: 'Positive reasonable-grounds rate',
    numerator: 'positive reasonable-grounds decisions',
    denominator: 'reasonable-grounds decisions',
    groupings: AUTHORITY_GROUPINGS,
  },
  cg_positive_rate: {
    metric: 'cg_positive_rate',
    title: 'Positive conclusive-grounds rate',
    numerator: 'positive conclusive-grounds decisions',
    denominator: 'conclusive-grounds decisions',
    groupings: AUTHORITY_GROUPINGS,
  },
  reconsideration_overturn_rate: {
    metric: 'reconsideration_overturn_rate',
    title: 'Reconsideration overturn rate',
    numerator: '`reconsider` decisions that overturned',
    denominator: '`reconsider` decisions',
    groupings: AUTHORITY_GROUPINGS,
  },
  review_disagreement_rate: {
    metric: 'review_disagreement_rate',
    title: 'Review concern-or-disagree rate',
    numerator: 'concluded sampled reviews finding `concern` or `disagree`',
    denominator: 'concluded sampled reviews',
    groupings: ['deciding_agency'],
  },
};

/** What a plot of the metric is called, e.g. "Referral rate by deciding agency". */
export function funnelTitle(metric: ConsistencyMetric, grouping: ConsistencyGrouping): string {
  return `${METRICS[metric].title} by ${grouping === 'deciding_agency' ? 'deciding agency' : 'case’s agency'}`;
}

/**
 * The agencies a metric compares: those that can own a point under the grouping. Frontline agencies own the cases
 * and take the frontline decisions; only the competent authority takes the authority decisions; a review belongs to
 * whichever of the two made the decision.
 */
export function comparedKinds(metric: ConsistencyMetric, grouping: ConsistencyGrouping): readonly AgencyKind[] {
  if (metric === 'review_disagreement_rate') return ['frontline', 'competent_authority'];
  if (grouping === 'deciding_agency' && METRICS[metric].groupings.length > 1) return ['competent_authority'];
  return ['frontline'];
}

/** The grouping asked for, or the metric's own; a field error when the metric has only another one. */
export function groupingOf(
  metric: ConsistencyMetric,
  asked: ConsistencyGrouping | undefined,
): { grouping: ConsistencyGrouping } | { error: FieldError } {
  const allowed = METRICS[metric].groupings;
  if (asked === undefined) return { grouping: allowed[0] };
  if (allowed.includes(asked)) return { grouping: asked };
  return {
    error: {
      field: 'groupBy',
      message:
        allowed.length === 1
          ? `${metric} is always counted by ${allowed[0]}; leave groupBy out`
          : `groupBy must be one of: ${allowed.join(', ')}`,
    },
  };
}

export interface AgencyCount {
  agencyId: string;
  code: string;
  numerator: number;
  denominator: number;
}

export interface ConsistencyPoint {
  /** Absent on another agency's point when the caller is an agency. */
  agencyId?: string;
  code?: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  limits: FunnelLimits | null;
  band: FunnelBand;
}

export interface ConsistencyFunnel {
  target: number | null;
  overdispersion: { phi: number | null; tau2: number; applied: boolean };
  agencies: ConsistencyPoint[];
  curve: FunnelCurvePoint[];
}

/**
 * The funnel over every compared agency, with the points the caller may not name stripped of who they are.
 * `named(agencyId)` says whether the caller may see that agency's name (its Report · read rules). When any point is
 * anonymous, all points are ordered by n (then rate), so an agency cannot find another by its place in the list;
 * otherwise by code.
 */
export function consistencyFunnel(
  counts: readonly AgencyCount[],
  named: (agencyId: string) => boolean,
  overdispersion: OverdispersionMode,
): ConsistencyFunnel {
  const f = funnel(
    counts.map((c) => ({ id: c, numerator: c.numerator, denominator: c.denominator })),
    { overdispersion },
  );
  const anonymous = counts.some((c) => !named(c.agencyId));
  const points = f.points.map((p) => ({ count: p.id, point: p }));
  points.sort((a, b) =>
    anonymous
      ? a.point.denominator - b.point.denominator ||
        a.point.numerator - b.point.numerator ||
        Number(named(b.count.agencyId)) - Number(named(a.count.agencyId))
      : a.count.code.localeCompare(b.count.code, 'en') || a.count.agencyId.localeCompare(b.count.agencyId),
  );
  return {
    target: f.target,
    overdispersion: f.overdispersion,
    agencies: points.map(({ count, point }) => ({
      ...(named(count.agencyId) ? { agencyId: count.agencyId, code: count.code } : {}),
      numerator: point.numerator,
      denominator: point.denominator,
      rate: point.rate,
      limits: point.limits,
      band: point.band,
    })),
    curve: f.curve,
  };
}
