import {
  AbilityBuilder,
  createMongoAbility,
  subject as tag,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from '@casl/ability';
import { AUTHORITY_DECISIONS, FRONTLINE_DECISIONS, type DecisionType } from '../../common/decision-types.js';
import { ROLE_AGENCY_KIND, ROLES, type Actor, type Role } from './roles.js';
import type { VisitAction } from '../../visits/domain/visit-workflow.js';
import type { InvestigationActionType } from '../../investigations/domain/investigation-workflow.js';
import type { ComplaintActionType } from '../../complaints/domain/complaint-workflow.js';

/**
 * SPEC §2 as data: one function per role, one `defineRulesFor(actor)`. The
 * same rules allow actions (`ability.can`) and filter lists in SQL
 * (`rules-to-sql.ts`), so what a list returns and what a read allows cannot
 * disagree. The field names in conditions are the subjects' attribute names
 * below; each SQL query maps them to columns. This is the one source of who
 * may take which decision: the state machine only says from which state.
 */

export const CASE_PII_FIELDS = [
  'subject.name',
  'subject.dateOfBirth',
  'subject.documentNumber',
  'subject.contact',
] as const;

/** The complainant's personal data (SPEC §13): encrypted at rest, read only with `include=pii`, every read audited. */
export const COMPLAINANT_PII_FIELDS = ['complainant.name', 'complainant.contact'] as const;

/**
 * What of an investigation only the office reads (SPEC §13): an agency in scope sees its title, state, dates, the
 * draft, comments, final text and recommendations — and of those only what concerns it (`otherAgencies`: the
 * proposals, comments and recommendations of the other agencies in scope).
 */
export const INVESTIGATION_OFFICE_FIELDS = [
  'origin',
  'complaintId',
  'scope',
  'termsOfReference',
  'investigators',
  'evidence',
  'openedAt',
  'closedAt',
  'closeReason',
  'otherAgencies',
] as const;

export type Action =
  | 'manage'
  | 'create'
  | 'read'
  | 'update'
  | 'verify'
  | 'run'
  | 'assign'
  | 'conclude'
  | 'respond'
  | 'withdraw'
  | 'close'
  | 'acknowledge'
  | 'delete'
  | VisitAction
  | 'read_roll'
  | 'progress'
  | InvestigationActionType
  | ComplaintActionType
  | DecisionType;

/** Attributes a rule may condition on, per subject. */
export interface SubjectAttributes {
  Agency: { id: string };
  User: { agencyId: string | null };
  ApiKey: { agencyId: string };
  Case: { agencyId: string; everReferred: boolean; state: string };
  SamplingRun: Record<string, never>;
  /** `agencyId` is the deciding agency (whose decision is reviewed); `caseAgencyId` owns the case. */
  Review: { agencyId: string; caseAgencyId: string; concluded: boolean; assignedReviewerId: string | null };
  Alert: { agencyId: string; commissionerOnly: boolean };
  AuditEvent: Record<string, never>;
  Report: { agencyId: string };
  /** `agencyId` is the addressed agency. */
  Recommendation: { agencyId: string };
  AnonymisedExport: Record<string, never>;
  AnnualReport: Record<string, never>;
  Job: Record<string, never>;
  QueueDashboard: Record<string, never>;
  Place: { agencyId: string };
  VisitPlan: Record<string, never>;
  /** `onTeam`: the caller is on the visit's team (a property of the pair, computed for each caller). */
  Visit: { agencyId: string; started: boolean; reported: boolean; onTeam: boolean };
  /**
   * Properties of the pair (investigation, caller), computed for each caller: `inScope`, the caller's agency is in
   * scope; `disclosed`, the agencies in scope see it (from `factual_accuracy` on); `investigator`, the caller is
   * assigned to it; `conflicted`, the caller has a conflict with an agency in scope.
   */
  Investigation: { inScope: boolean; disclosed: boolean; investigator: boolean; conflicted: boolean };
  /** No conditions: the office's staff read every complaint, and nobody else any (SPEC §13). */
  Complaint: Record<string, never>;
}
export type SubjectName = keyof SubjectAttributes;
type TaggedSubject = { [K in SubjectName]: SubjectAttributes[K] & ForcedSubject<K> }[SubjectName];
export type AppAbility = MongoAbility<[Action, SubjectName | 'all' | TaggedSubject]>;

/** A record as a CASL subject, for `ability.can(action, subjectOf('Case', attrs))`. */
export function subjectOf<S extends SubjectName>(type: S, attributes: SubjectAttributes[S]): TaggedSubject {
  return tag(type, { ...attributes }) as unknown as TaggedSubject;
}
type Builder = AbilityBuilder<AppAbility>;

export function defineRulesFor(actor: Actor): RawRuleOf<AppAbility>[] {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  ROLE_RULES[actor.role](builder, actor);
  return builder.rules;
}

export function defineAbilityFor(actor: Actor): AppAbility {
  return createMongoAbility<AppAbility>(defineRulesFor(actor));
}

const ROLE_RULES: Record<Actor['role'], (b: Builder, actor: Actor) => void> = {
  admin,
  commissioner,
  reviewer,
  analyst,
  agency_officer: (b, actor) => frontline(b, actor, { supervisor: false }),
  agency_supervisor: (b, actor) => frontline(b, actor, { supervisor: true }),
  decision_maker: decisionMaker,
};

function admin({ can }: Builder): void {
  // Separation of duties: administers accounts, never reads case data nor holds a credential that could (an API
  // key reads its agency's cases, so the admin lists and revokes keys but never issues one).
  can('manage', ['Agency', 'User']);
  can(['read', 'delete'], 'ApiKey');
  can(['create', 'read', 'update'], 'Place');
  can('verify', 'AuditEvent');
  can('run', 'Job');
  can('read', 'QueueDashboard');
}

function commissionerStaffBase({ can }: Builder): void {
  can('read', [
    'Agency',
    'User',
    'ApiKey',
    'Case',
    'Review',
    'Alert',
    'Report',
    'SamplingRun',
    'Place',
    'Visit',
    'Recommendation',
    'Investigation',
    'Complaint',
    'AnnualReport',
  ]);
  can('read', 'VisitPlan');
}

function commissioner(b: Builder): void {
  const { can } = b;
  commissionerStaffBase(b);
  can('request_reconsideration', 'Case');
  can('create', 'SamplingRun');
  // Recomputing a draw needs its secret seed.
  can('verify', 'SamplingRun');
  can(['assign', 'conclude', 'withdraw', 'close'], 'Review');
  can(['create', 'update'], 'Place');
  can(['create', 'read'], 'VisitPlan');
  can(['create', 'assign_team', 'cancel', 'start', 'record_findings', 'report', 'read_roll'], 'Visit');
  can('acknowledge', 'Alert');
  can(['create', 'verify', 'withdraw'], 'Recommendation');
  can(
    ['create', 'assign_investigators', 'add_evidence', 'draft', 'publish', 'close_without_findings'],
    'Investigation',
  );
  can(['create', 'triage'], 'Complaint');
  can(['read', 'verify'], 'AuditEvent');
  can('read', 'AnonymisedExport');
  can('run', 'Job');
}

function reviewer(b: Builder, actor: Actor): void {
  const { can, cannot } = b;
  commissionerStaffBase(b);
  cannot('read', 'SamplingRun', ['seed']);
  cannot('read', 'VisitPlan', ['seed']);
  can('conclude', 'Review', { assignedReviewerId: actor.id });
  can(['start', 'record_findings', 'report', 'read_roll'], 'Visit', { onTeam: true });
  can('add_evidence', 'Investigation', { investigator: true });
  can('create', 'Complaint');
  if (actor.conflictAgencyIds.length > 0) {
    cannot('conclude', 'Review', { agencyId: { $in: [...actor.conflictAgencyIds] } });
    cannot('conclude', 'Review', { caseAgencyId: { $in: [...actor.conflictAgencyIds] } });
    cannot(['start', 'record_findings', 'report', 'read_roll'], 'Visit', {
      agencyId: { $in: [...actor.conflictAgencyIds] },
    });
    cannot('add_evidence', 'Investigation', { conflicted: true });
  }
}

function analyst(b: Builder): void {
  const { can, cannot } = b;
  commissionerStaffBase(b);
  cannot('read', 'Case', [...CASE_PII_FIELDS]);
  cannot('read', 'Complaint', [...COMPLAINANT_PII_FIELDS]);
  cannot('read', 'SamplingRun', ['seed']);
  cannot('read', 'VisitPlan', ['seed']);
  can('read', 'AnonymisedExport');
}

function ownAgencyDirectory({ can }: Builder, agencyId: string): void {
  can('read', 'Agency', { id: agencyId });
  can('read', ['User', 'ApiKey'], { agencyId });
  can('read', 'Report', { agencyId });
}

function frontline(b: Builder, actor: Actor, { supervisor }: { supervisor: boolean }): void {
  const { can, cannot } = b;
  const agencyId = actor.agencyId;
  if (!agencyId) return;
  ownAgencyDirectory(b, agencyId);
  if (actor.agencyKind === 'frontline') can('create', 'Case', { agencyId });
  can('read', 'Case', { agencyId });
  can([...FRONTLINE_DECISIONS, 'request_reconsideration'], 'Case', { agencyId });
  can('read', 'Review', { agencyId, concluded: true });
  can('read', 'Alert', { agencyId, commissionerOnly: false });
  can('read', 'Place', { agencyId });
  // Visits are unannounced (SPEC §11): the agency learns of one when the team arrives, never who is on it, and
  // what it found only once reported.
  can('read', 'Visit', { agencyId, started: true });
  cannot('read', 'Visit', ['team', 'planId']);
  cannot('read', 'Visit', ['findings', 'summary'], { reported: false });
  can('read', 'Recommendation', { agencyId });
  investigationInScope(b, { comments: supervisor });
  if (supervisor) {
    can(['respond', 'progress'], 'Recommendation', { agencyId });
    can(['create', 'delete'], 'ApiKey', { agencyId });
    // Which places an agency runs, and whether one is in use, is the office's to say (SPEC §11).
    can(['create', 'update'], 'Place', { agencyId });
    cannot('update', 'Place', ['active', 'agencyId']);
    can('respond', 'Review', { agencyId, concluded: true });
    can('acknowledge', 'Alert', { agencyId, commissionerOnly: false });
  }
}

function decisionMaker(b: Builder, actor: Actor): void {
  const { can } = b;
  if (!actor.agencyId) return;
  ownAgencyDirectory(b, actor.agencyId);
  const readable = [{ everReferred: true }, { state: 'reconsideration' }];
  for (const conditions of readable) {
    can(['read', 'request_reconsideration', ...AUTHORITY_DECISIONS], 'Case', conditions);
  }
  // Reviews of the authority's own decisions, like a frontline agency's: once concluded, and answered by it.
  can('read', 'Review', { agencyId: actor.agencyId, concluded: true });
  can('read', 'Recommendation', { agencyId: actor.agencyId });
  // Alerts about the authority itself (an overdue answer to a review or a recommendation), never the office's own.
  can('read', 'Alert', { agencyId: actor.agencyId, commissionerOnly: false });
  if (actor.agencyKind === 'competent_authority') {
    can('respond', 'Review', { agencyId: actor.agencyId, concluded: true });
    // SPEC §12: the addressee of a competent authority is its decision maker (it has no supervisors).
    can(['respond', 'progress'], 'Recommendation', { agencyId: actor.agencyId });
    investigationInScope(b, { comments: true });
    can('acknowledge', 'Alert', { agencyId: actor.agencyId, commissionerOnly: false });
  }
}

/**
 * SPEC §13: an agency in scope reads an investigation once its draft is out, never what the office keeps to
 * itself; those who answer for the agency (supervisors, a competent authority's decision makers) read and make
 * its comments on the facts.
 */
function investigationInScope({ can, cannot }: Builder, { comments }: { comments: boolean }): void {
  can('read', 'Investigation', { inScope: true, disclosed: true });
  cannot('read', 'Investigation', [...INVESTIGATION_OFFICE_FIELDS]);
  if (comments) can('comment', 'Investigation', { inScope: true });
  else cannot('read', 'Investigation', ['comments']);
}

/**
 * The roles with any rule allowing `action` on `subject`, whatever its
 * conditions (for documentation: the README's decision table names them).
 */
export function rolesThatMay(action: Action, subject: SubjectName): Role[] {
  return ROLES.filter((role) =>
    defineAbilityFor({
      kind: 'user',
      id: `any-${role}`,
      role,
      agencyId: ROLE_AGENCY_KIND[role] ? 'an-agency' : null,
      agencyKind: ROLE_AGENCY_KIND[role],
      conflictAgencyIds: [],
    }).can(action, subject),
  );
}
