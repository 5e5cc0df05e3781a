import fc from 'fast-check';
import type { Action, SubjectAttributes } from '../../src/authz/domain/abilities.js';
import { AGENCY_KINDS, type Actor, ROLES } from '../../src/authz/domain/roles.js';
import { CASE_STATES } from '../../src/cases/domain/identification.js';

/**
 * Random actors and records for the properties that hold the SQL list
 * filters (src/authz/domain/rules-to-sql.ts) equal to the CASL abilities:
 * in memory (the unit spec) and in PostgreSQL (test/e2e/authz-sql.e2e-spec.ts).
 */
export type SqlValue = string | boolean | null | readonly unknown[];

export const AGENCIES = ['ag-1', 'ag-2', 'ag-3'] as const;
export const USERS = ['u-1', 'u-2'] as const;
export const agency = fc.constantFrom(...AGENCIES);

export const actorArb: fc.Arbitrary<Actor> = fc.record({
  kind: fc.constantFrom('user', 'api_key'),
  id: fc.constantFrom(...USERS),
  role: fc.constantFrom(...ROLES),
  agencyId: fc.option(agency, { nil: null }),
  agencyKind: fc.option(fc.constantFrom(...AGENCY_KINDS), { nil: null }),
  conflictAgencyIds: fc.subarray([...AGENCIES]),
});

export interface Sample {
  type: keyof SubjectAttributes;
  actions: readonly Action[];
  attributes: Record<string, SqlValue>;
}
const CASE_ACTIONS: Action[] = [
  'read',
  'create',
  'request_reconsideration',
  'refer',
  'close',
  'detain',
  'reasonable_grounds',
  'reconsider',
];
export const sampleArb: fc.Arbitrary<Sample> = fc.oneof(
  fc
    .record({ agencyId: agency, everReferred: fc.boolean(), state: fc.constantFrom(...CASE_STATES) })
    .map((attributes) => ({ type: 'Case' as const, actions: CASE_ACTIONS, attributes })),
  fc
    .record({
      agencyId: agency,
      caseAgencyId: agency,
      concluded: fc.boolean(),
      assignedReviewerId: fc.option(fc.constantFrom(...USERS), { nil: null }),
    })
    .map((attributes) => ({
      type: 'Review' as const,
      actions: ['read', 'assign', 'conclude', 'respond', 'withdraw', 'close'] as Action[],
      attributes,
    })),
  fc
    .record({ agencyId: agency, commissionerOnly: fc.boolean() })
    .map((attributes) => ({ type: 'Alert' as const, actions: ['read', 'acknowledge'] as Action[], attributes })),
  fc.record({ id: agency }).map((attributes) => ({
    type: 'Agency' as const,
    actions: ['read', 'create', 'manage'] as Action[],
    attributes,
  })),
  fc
    .record({ agencyId: fc.option(agency, { nil: null }) })
    .map((attributes) => ({ type: 'User' as const, actions: ['read', 'create', 'delete'] as Action[], attributes })),
  fc.record({ agencyId: agency }).map((attributes) => ({
    type: 'ApiKey' as const,
    actions: ['read', 'create', 'delete'] as Action[],
    attributes,
  })),
  fc
    .record({ agencyId: agency })
    .map((attributes) => ({ type: 'Report' as const, actions: ['read'] as Action[], attributes })),
  fc.record({ agencyId: agency }).map((attributes) => ({
    type: 'Place' as const,
    actions: ['read', 'create', 'update'] as Action[],
    attributes,
  })),
  fc
    .record({ agencyId: agency, started: fc.boolean(), reported: fc.boolean(), onTeam: fc.boolean() })
    .map((attributes) => ({
      type: 'Visit' as const,
      actions: [
        'read',
        'create',
        'assign_team',
        'start',
        'record_findings',
        'report',
        'cancel',
        'read_roll',
      ] as Action[],
      attributes,
    })),
  fc.record({ agencyId: agency }).map((attributes) => ({
    type: 'Recommendation' as const,
    actions: ['read', 'create', 'respond', 'progress', 'verify', 'withdraw'] as Action[],
    attributes,
  })),
  fc
    .record({ inScope: fc.boolean(), disclosed: fc.boolean(), investigator: fc.boolean(), conflicted: fc.boolean() })
    .map((attributes) => ({
      type: 'Investigation' as const,
      actions: [
        'read',
        'create',
        'assign_investigators',
        'add_evidence',
        'draft',
        'comment',
        'publish',
        'close_without_findings',
      ] as Action[],
      attributes,
    })),
  fc.constantFrom<Sample>(
    { type: 'VisitPlan', actions: ['read', 'create'], attributes: {} },
    { type: 'SamplingRun', actions: ['read', 'create'], attributes: {} },
    { type: 'AuditEvent', actions: ['read', 'verify'], attributes: {} },
    { type: 'AnonymisedExport', actions: ['read'], attributes: {} },
    { type: 'Complaint', actions: ['read', 'create', 'triage'], attributes: {} },
    { type: 'AnnualReport', actions: ['read'], attributes: {} },
    { type: 'Job', actions: ['run'], attributes: {} },
    { type: 'QueueDashboard', actions: ['read'], attributes: {} },
  ),
);
