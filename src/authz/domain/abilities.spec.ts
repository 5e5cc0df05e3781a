import {
  type Action,
  CASE_PII_FIELDS,
  COMPLAINANT_PII_FIELDS,
  defineAbilityFor,
  INVESTIGATION_OFFICE_FIELDS,
  rolesThatMay,
  type SubjectAttributes,
  subjectOf,
} from './abilities.js';
import type { Actor, AgencyKind } from './roles.js';

/*
 * SPEC §2 written out by hand, row by row, NOT derived from the rules: each
 * row is one record and one action, and says for every actor whether it is
 * allowed. Columns, in the SPEC matrix's order (the API key last, it acts as
 * an agency_officer of its agency):
 *
 *   adm  admin (no agency)
 *   com  commissioner      ┐
 *   rev  reviewer          ├ commissioner's office CO; rev and com carry a
 *   ana  analyst           ┘ conflict with agency CONFLICTED (ana too)
 *   off  agency_officer      of frontline agency FL
 *   sup  agency_supervisor   of frontline agency FL
 *   dm   decision_maker      of competent authority CA
 *   key  API key             of frontline agency FL
 *
 * OTHER and CONFLICTED are two more frontline agencies.
 */
const FL = 'agency-frontline';
const OTHER = 'agency-other';
const CONFLICTED = 'agency-conflicted';
const CA = 'agency-competent-authority';
const CO = 'agency-commissioner-office';
const REVIEWER_ID = 'user-reviewer';
const OTHER_REVIEWER_ID = 'user-other-reviewer';

function user(role: Actor['role'], id: string, agencyId: string | null, agencyKind: AgencyKind | null): Actor {
  return { kind: 'user', id, role, agencyId, agencyKind, conflictAgencyIds: [] };
}

const ACTORS = {
  adm: user('admin', 'user-admin', null, null),
  com: { ...user('commissioner', 'user-commissioner', CO, 'commissioner_office'), conflictAgencyIds: [CONFLICTED] },
  rev: { ...user('reviewer', REVIEWER_ID, CO, 'commissioner_office'), conflictAgencyIds: [CONFLICTED] },
  ana: { ...user('analyst', 'user-analyst', CO, 'commissioner_office'), conflictAgencyIds: [CONFLICTED] },
  off: user('agency_officer', 'user-officer', FL, 'frontline'),
  sup: user('agency_supervisor', 'user-supervisor', FL, 'frontline'),
  dm: user('decision_maker', 'user-decision-maker', CA, 'competent_authority'),
  key: { ...user('agency_officer', 'key-1', FL, 'frontline'), kind: 'api_key' },
} satisfies Record<string, Actor>;
const COLUMNS = Object.keys(ACTORS) as (keyof typeof ACTORS)[];

type Record_ = ReturnType<typeof subjectOf>;
interface Row {
  name: string;
  action: Action;
  record: Record_;
  /** One yes/no per column, in COLUMNS order. */
  expected: string;
}

/** One row: who may (in COLUMNS order), then the record and the action. */
function r<S extends keyof SubjectAttributes>(
  expected: string,
  type: S,
  action: Action,
  attributes: SubjectAttributes[S],
  what: string,
): Row {
  return { name: `${type} · ${action} · ${what}`, action, record: subjectOf(type, attributes), expected };
}

const kase = (agencyId: string, state: string, everReferred: boolean): SubjectAttributes['Case'] => ({
  agencyId,
  state,
  everReferred,
});
/** `agencyId` decided; the case belongs to `caseAgencyId` (the same agency unless given). */
const review = (
  agencyId: string,
  concluded: boolean,
  assignedReviewerId: string | null,
  caseAgencyId: string = agencyId,
): SubjectAttributes['Review'] => ({ agencyId, caseAgencyId, concluded, assignedReviewerId });
const alert = (agencyId: string, commissionerOnly: boolean) => ({ agencyId, commissionerOnly });
const inv = (
  inScope: boolean,
  disclosed: boolean,
  investigator: boolean,
  conflicted: boolean,
): SubjectAttributes['Investigation'] => ({ inScope, disclosed, investigator, conflicted });

// prettier-ignore
const rows: Row[] = [
  // Agency, User, ApiKey · manage: admin all; commissioner staff read; the others read their own agency.
  //  adm com rev ana off sup dm  key
  r('yes yes yes yes yes yes no  yes', 'Agency', 'read', { id: FL }, 'own frontline agency'),
  r('yes yes yes yes no  no  yes no ', 'Agency', 'read', { id: CA }, 'the competent authority'),
  r('yes yes yes yes no  no  no  no ', 'Agency', 'read', { id: OTHER }, 'another agency'),
  r('yes no  no  no  no  no  no  no ', 'Agency', 'create', { id: FL }, 'own frontline agency'),
  r('yes no  no  no  no  no  no  no ', 'Agency', 'delete', { id: FL }, 'own frontline agency'),
  r('yes no  no  no  no  no  no  no ', 'Agency', 'manage', { id: FL }, 'own frontline agency'),
  r('yes yes yes yes yes yes no  yes', 'User', 'read', { agencyId: FL }, 'of own frontline agency'),
  r('yes yes yes yes no  no  yes no ', 'User', 'read', { agencyId: CA }, 'of the competent authority'),
  r('yes yes yes yes no  no  no  no ', 'User', 'read', { agencyId: OTHER }, 'of another agency'),
  r('yes yes yes yes no  no  no  no ', 'User', 'read', { agencyId: null }, 'an admin without agency'),
  r('yes no  no  no  no  no  no  no ', 'User', 'create', { agencyId: FL }, 'of own frontline agency'),
  r('yes no  no  no  no  no  no  no ', 'User', 'delete', { agencyId: FL }, 'of own frontline agency'),
  r('yes no  no  no  no  no  no  no ', 'User', 'manage', { agencyId: FL }, 'of own frontline agency'),
  r('yes yes yes yes yes yes no  yes', 'ApiKey', 'read', { agencyId: FL }, 'of own frontline agency'),
  r('yes yes yes yes no  no  no  no ', 'ApiKey', 'read', { agencyId: OTHER }, 'of another agency'),
  // ApiKey · issue: the agency's own supervisor only, never the admin (a key reads its agency's PII, SPEC §1, §2);
  // revoke: admin and that supervisor.
  r('no  no  no  no  no  yes no  no ', 'ApiKey', 'create', { agencyId: FL }, 'of own frontline agency'),
  r('no  no  no  no  no  no  no  no ', 'ApiKey', 'create', { agencyId: OTHER }, 'of another agency'),
  r('yes no  no  no  no  yes no  no ', 'ApiKey', 'delete', { agencyId: FL }, 'of own frontline agency'),
  r('yes no  no  no  no  no  no  no ', 'ApiKey', 'delete', { agencyId: OTHER }, 'of another agency'),
  r('yes no  no  no  no  no  no  no ', 'User', 'update', { agencyId: FL }, 'of own frontline agency (disable, enable)'),

  // Case · create: own agency (frontline kind): officers, supervisors and API keys only.
  //  adm com rev ana off sup dm  key
  r('no  no  no  no  yes yes no  yes', 'Case', 'create', kase(FL, 'screening', false), 'own agency'),
  r('no  no  no  no  no  no  no  no ', 'Case', 'create', kase(OTHER, 'screening', false), 'another agency'),

  // Case · read: commissioner staff all; frontline own agency; decision makers referred-ever or in reconsideration.
  //  adm com rev ana off sup dm  key
  r('no  yes yes yes yes yes no  yes', 'Case', 'read', kase(FL, 'screening', false), 'own agency, screening'),
  r('no  yes yes yes yes yes no  yes', 'Case', 'read', kase(FL, 'closed', false), 'own agency, closed'),
  r('no  yes yes yes yes yes yes yes', 'Case', 'read', kase(FL, 'referred', true), 'own agency, referred'),
  r('no  yes yes yes no  no  no  no ', 'Case', 'read', kase(OTHER, 'screening', false), 'other agency, screening'),
  r('no  yes yes yes no  no  no  no ', 'Case', 'read', kase(CONFLICTED, 'screening', false), 'conflicted agency'),
  r('no  yes yes yes no  no  yes no ', 'Case', 'read', kase(OTHER, 'referred', true), 'other agency, referred'),
  r('no  yes yes yes no  no  yes no ', 'Case', 'read', kase(OTHER, 'identified_victim', true), 'other agency, once referred, now identified'),
  r('no  yes yes yes no  no  yes no ', 'Case', 'read', kase(OTHER, 'rg_negative', true), 'other agency, once referred, now rg_negative'),
  r('no  yes yes yes no  no  yes no ', 'Case', 'read', kase(OTHER, 'closed', true), 'other agency, once referred, now closed'),
  r('no  yes yes yes no  no  no  no ', 'Case', 'read', kase(OTHER, 'not_referred', false), 'other agency, never referred, not_referred'),
  r('no  yes yes yes no  no  yes no ', 'Case', 'read', kase(OTHER, 'reconsideration', false), 'other agency, never referred, in reconsideration'),
  r('no  yes yes yes no  no  no  no ', 'Case', 'read', kase(OTHER, 'closed', false), 'other agency, never referred, closed'),

  // Frontline decisions: own agency, frontline roles only (not the decision maker, who can read referred cases).
  ...(['refer', 'decline_referral', 'detain', 'release', 'close'] as const).flatMap((action) => [
    //  adm com rev ana off sup dm  key
    r('no  no  no  no  yes yes no  yes', 'Case', action, kase(FL, 'screening', false), 'own agency'),
    r('no  no  no  no  yes yes no  yes', 'Case', action, kase(FL, 'referred', true), 'own agency, referred'),
    r('no  no  no  no  no  no  no  no ', 'Case', action, kase(OTHER, 'screening', false), 'other agency'),
    r('no  no  no  no  no  no  no  no ', 'Case', action, kase(OTHER, 'referred', true), 'other agency, referred'),
  ]),

  // request_reconsideration: commissioner all; frontline own agency; decision maker cases they may read.
  //  adm com rev ana off sup dm  key
  r('no  yes no  no  yes yes no  yes', 'Case', 'request_reconsideration', kase(FL, 'not_referred', false), 'own agency, not_referred'),
  r('no  yes no  no  yes yes yes yes', 'Case', 'request_reconsideration', kase(FL, 'rg_negative', true), 'own agency, rg_negative'),
  r('no  yes no  no  no  no  no  no ', 'Case', 'request_reconsideration', kase(OTHER, 'not_referred', false), 'other agency, not_referred'),
  r('no  yes no  no  no  no  yes no ', 'Case', 'request_reconsideration', kase(OTHER, 'rg_negative', true), 'other agency, rg_negative'),
  r('no  yes no  no  no  no  yes no ', 'Case', 'request_reconsideration', kase(OTHER, 'cg_negative', true), 'other agency, cg_negative'),

  // Authority decisions: the decision maker, on cases they may read; nobody else.
  ...(['reasonable_grounds', 'conclusive_grounds', 'reconsider'] as const).flatMap((action) => [
    //  adm com rev ana off sup dm  key
    r('no  no  no  no  no  no  yes no ', 'Case', action, kase(OTHER, 'referred', true), 'other agency, referred'),
    r('no  no  no  no  no  no  yes no ', 'Case', action, kase(FL, 'recovery_period', true), 'own agency, recovery period'),
    r('no  no  no  no  no  no  yes no ', 'Case', action, kase(OTHER, 'reconsideration', false), 'other agency, in reconsideration'),
    r('no  no  no  no  no  no  no  no ', 'Case', action, kase(FL, 'screening', false), 'own agency, screening'),
    r('no  no  no  no  no  no  no  no ', 'Case', action, kase(OTHER, 'not_referred', false), 'other agency, not_referred'),
  ]),

  // SamplingRun.
  //  adm com rev ana off sup dm  key
  r('no  yes no  no  no  no  no  no ', 'SamplingRun', 'create', {}, 'a run'),
  r('no  yes yes yes no  no  no  no ', 'SamplingRun', 'read', {}, 'a run'),
  r('no  yes no  no  no  no  no  no ', 'SamplingRun', 'verify', {}, 'a run (needs the seed)'),

  // Review · read: commissioner staff all; the deciding agency only once concluded (a competent authority too).
  //  adm com rev ana off sup dm  key
  r('no  yes yes yes no  no  no  no ', 'Review', 'read', review(FL, false, REVIEWER_ID), 'own agency, not concluded'),
  r('no  yes yes yes no  no  yes no ', 'Review', 'read', review(CA, true, REVIEWER_ID, FL), 'CA decided on FL case, concluded'),
  r('no  yes yes yes no  no  no  no ', 'Review', 'read', review(CA, false, REVIEWER_ID, FL), 'CA decided on FL case, not concluded'),
  r('no  yes yes yes yes yes no  yes', 'Review', 'read', review(FL, true, REVIEWER_ID), 'own agency, concluded'),
  r('no  yes yes yes no  no  no  no ', 'Review', 'read', review(OTHER, true, REVIEWER_ID), 'other agency, concluded'),
  r('no  yes yes yes no  no  no  no ', 'Review', 'read', review(OTHER, false, null), 'unassigned'),
  r('no  yes no  no  no  no  no  no ', 'Review', 'assign', review(FL, false, null), 'unassigned'),
  // conclude: the commissioner always; a reviewer only when assigned to them and without a conflict.
  r('no  yes yes no  no  no  no  no ', 'Review', 'conclude', review(FL, false, REVIEWER_ID), 'assigned to the reviewer'),
  r('no  yes no  no  no  no  no  no ', 'Review', 'conclude', review(FL, false, OTHER_REVIEWER_ID), 'assigned to someone else'),
  r('no  yes no  no  no  no  no  no ', 'Review', 'conclude', review(FL, false, null), 'unassigned'),
  r('no  yes no  no  no  no  no  no ', 'Review', 'conclude', review(CONFLICTED, false, REVIEWER_ID), 'assigned to the reviewer, conflicted agency'),
  r('no  yes no  no  no  no  no  no ', 'Review', 'conclude', review(CA, false, REVIEWER_ID, CONFLICTED), 'assigned to the reviewer, conflicted case agency'),
  // close a dispute: the commissioner only.
  r('no  yes no  no  no  no  no  no ', 'Review', 'close', review(FL, true, REVIEWER_ID), 'disputed'),
  // respond: own agency's supervisor. A review the agency cannot see yet (SPEC §5) has nothing to respond to.
  r('no  no  no  no  no  yes no  no ', 'Review', 'respond', review(FL, true, REVIEWER_ID), 'own agency, concluded'),
  r('no  no  no  no  no  no  no  no ', 'Review', 'respond', review(FL, false, REVIEWER_ID), 'own agency, not concluded'),
  r('no  no  no  no  no  no  no  no ', 'Review', 'respond', review(OTHER, true, REVIEWER_ID), 'other agency, concluded'),
  r('no  no  no  no  no  no  yes no ', 'Review', 'respond', review(CA, true, REVIEWER_ID, FL), 'CA decided on FL case, concluded'),
  r('no  no  no  no  no  no  no  no ', 'Review', 'respond', review(CA, false, REVIEWER_ID, FL), 'CA decided on FL case, not concluded'),

  // Alert: commissioner-only alerts (removal_during_review, SPEC §3.2/§4) never reach the agency; an agency's
  // supervisor (a competent authority's decision maker) acknowledges its own (SPEC §2, §12).
  //  adm com rev ana off sup dm  key
  r('no  yes yes yes yes yes no  yes', 'Alert', 'read', alert(FL, false), 'own agency'),
  r('no  yes yes yes no  no  no  no ', 'Alert', 'read', alert(OTHER, false), 'other agency'),
  r('no  yes yes yes no  no  no  no ', 'Alert', 'read', alert(FL, true), 'own agency, commissioner-only'),
  r('no  yes yes yes no  no  yes no ', 'Alert', 'read', alert(CA, false), 'the competent authority'),
  r('no  yes yes yes no  no  no  no ', 'Alert', 'read', alert(CA, true), 'the competent authority, commissioner-only'),
  r('no  yes no  no  no  yes no  no ', 'Alert', 'acknowledge', alert(FL, false), 'own agency'),
  r('no  yes no  no  no  no  no  no ', 'Alert', 'acknowledge', alert(OTHER, false), 'other agency'),
  r('no  yes no  no  no  no  no  no ', 'Alert', 'acknowledge', alert(FL, true), 'own agency, commissioner-only'),
  r('no  yes no  no  no  no  yes no ', 'Alert', 'acknowledge', alert(CA, false), 'the competent authority'),
  r('no  yes no  no  no  no  no  no ', 'Alert', 'acknowledge', alert(CA, true), 'the competent authority, commissioner-only'),

  // AuditEvent: the admin verifies only; the commissioner reads and verifies.
  //  adm com rev ana off sup dm  key
  r('no  yes no  no  no  no  no  no ', 'AuditEvent', 'read', {}, 'the log'),
  r('yes yes no  no  no  no  no  no ', 'AuditEvent', 'verify', {}, 'the log'),

  // Report: commissioner staff all agencies; everyone else their own agency.
  //  adm com rev ana off sup dm  key
  r('no  yes yes yes yes yes no  yes', 'Report', 'read', { agencyId: FL }, 'own frontline agency'),
  r('no  yes yes yes no  no  yes no ', 'Report', 'read', { agencyId: CA }, 'the competent authority'),
  r('no  yes yes yes no  no  no  no ', 'Report', 'read', { agencyId: OTHER }, 'another agency'),

  // Place (SPEC §11): the office any; supervisors create and update their own agency's (not active, agencyId).
  //  adm com rev ana off sup dm  key
  r('yes yes yes yes yes yes no  yes', 'Place', 'read', { agencyId: FL }, 'own agency'),
  r('yes yes yes yes no  no  no  no ', 'Place', 'read', { agencyId: OTHER }, 'another agency'),
  r('yes yes no  no  no  yes no  no ', 'Place', 'create', { agencyId: FL }, 'own agency'),
  r('yes yes no  no  no  no  no  no ', 'Place', 'create', { agencyId: OTHER }, 'another agency'),
  r('yes yes no  no  no  yes no  no ', 'Place', 'update', { agencyId: FL }, 'own agency'),
  r('yes yes no  no  no  no  no  no ', 'Place', 'update', { agencyId: OTHER }, 'another agency'),
  // Recommendation (SPEC §2, §12): the office issues, verifies and withdraws; commissioner staff read all; the
  // addressed agency reads, and its supervisor (a competent authority's decision maker) answers.
  //  adm com rev ana off sup dm  key
  r('no  yes yes yes yes yes no  yes', 'Recommendation', 'read', { agencyId: FL }, 'addressed to the frontline agency'),
  r('no  yes yes yes no  no  yes no ', 'Recommendation', 'read', { agencyId: CA }, 'addressed to the competent authority'),
  r('no  yes yes yes no  no  no  no ', 'Recommendation', 'read', { agencyId: OTHER }, 'addressed to another agency'),
  ...(['create', 'verify', 'withdraw'] as const).flatMap((action) => [
    r('no  yes no  no  no  no  no  no ', 'Recommendation', action, { agencyId: FL }, 'addressed to the frontline agency'),
    r('no  yes no  no  no  no  no  no ', 'Recommendation', action, { agencyId: CA }, 'addressed to the competent authority'),
  ]),
  ...(['respond', 'progress'] as const).flatMap((action) => [
    r('no  no  no  no  no  yes no  no ', 'Recommendation', action, { agencyId: FL }, 'addressed to the frontline agency'),
    r('no  no  no  no  no  no  yes no ', 'Recommendation', action, { agencyId: CA }, 'addressed to the competent authority'),
    r('no  no  no  no  no  no  no  no ', 'Recommendation', action, { agencyId: OTHER }, 'addressed to another agency'),
  ]),

  // Investigation (SPEC §2, §13): the commissioner opens and takes every action; investigators (reviewers assigned,
  // no conflict) add evidence; the office reads all; an agency in scope reads from factual_accuracy on, and its
  // supervisor (a competent authority's decision maker) comments. `inv(inScope, disclosed, investigator, conflicted)`
  // is for the caller: "in scope" means the caller's agency.
  //  adm com rev ana off sup dm  key
  r('no  yes yes yes no  no  no  no ', 'Investigation', 'read', inv(false, false, false, false), 'open, not in scope'),
  r('no  yes yes yes no  no  no  no ', 'Investigation', 'read', inv(true, false, false, false), 'open, in scope'),
  r('no  yes yes yes no  no  no  no ', 'Investigation', 'read', inv(false, true, false, false), 'drafted, not in scope'),
  r('no  yes yes yes yes yes yes yes', 'Investigation', 'read', inv(true, true, false, false), 'drafted, in scope'),
  r('no  yes no  no  no  no  no  no ', 'Investigation', 'create', inv(false, false, false, false), 'a new one'),
  ...(['assign_investigators', 'draft', 'publish', 'close_without_findings'] as const).map((action) =>
    r('no  yes no  no  no  no  no  no ', 'Investigation', action, inv(true, true, true, false), 'in scope, investigator'),
  ),
  r('no  yes no  no  no  no  no  no ', 'Investigation', 'add_evidence', inv(false, false, false, false), 'not assigned'),
  r('no  yes yes no  no  no  no  no ', 'Investigation', 'add_evidence', inv(false, false, true, false), 'assigned to the caller'),
  r('no  yes no  no  no  no  no  no ', 'Investigation', 'add_evidence', inv(false, false, true, true), 'assigned, conflicted'),
  r('no  no  no  no  no  yes yes no ', 'Investigation', 'comment', inv(true, true, false, false), 'in scope'),
  r('no  no  no  no  no  no  no  no ', 'Investigation', 'comment', inv(false, true, false, false), 'not in scope'),

  // Complaint (SPEC §2, §13): the office records and reads them (the analyst reads without the complainant's personal
  // data), the commissioner triages; no agency, API key or admin learns that one exists.
  //  adm com rev ana off sup dm  key
  r('no  yes yes yes no  no  no  no ', 'Complaint', 'read', {}, 'a complaint'),
  r('no  yes yes no  no  no  no  no ', 'Complaint', 'create', {}, 'a new one'),
  r('no  yes no  no  no  no  no  no ', 'Complaint', 'triage', {}, 'a complaint'),

  // §7 anonymised export (commissioner, analyst); §4 overdue scan (commissioner, admin); §8 queue dashboard (admins).
  //  adm com rev ana off sup dm  key
  r('no  yes no  yes no  no  no  no ', 'AnonymisedExport', 'read', {}, 'the export'),
  // §14 annual report: the office's staff.
  r('no  yes yes yes no  no  no  no ', 'AnnualReport', 'read', {}, 'the annual report'),
  r('yes yes no  no  no  no  no  no ', 'Job', 'run', {}, 'an overdue scan'),
  r('yes no  no  no  no  no  no  no ', 'QueueDashboard', 'read', {}, 'the dashboard'),
];

describe('SPEC §2 permission matrix', () => {
  const abilities = COLUMNS.map((column) => defineAbilityFor(ACTORS[column]));
  const normalise = (expected: string) => expected.trim().split(/\s+/).join(' ');

  it('has one yes/no per actor in every row', () => {
    for (const r of rows) expect(normalise(r.expected).split(' ')).toHaveLength(COLUMNS.length);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const actual = abilities.map((ability) => (ability.can(r.action, r.record) ? 'yes' : 'no')).join(' ');
    expect(`${COLUMNS.join(' ')}\n${actual}`).toBe(`${COLUMNS.join(' ')}\n${normalise(r.expected)}`);
  });
});

describe('field rules', () => {
  const ownCase = subjectOf('Case', kase(FL, 'referred', true));
  const run = subjectOf('SamplingRun', {});

  it('lets an analyst read a case but none of its four PII fields', () => {
    const analyst = defineAbilityFor(ACTORS.ana);
    expect(analyst.can('read', ownCase)).toBe(true);
    expect(analyst.can('read', ownCase, 'subject.pseudonym')).toBe(true);
    expect(analyst.can('read', ownCase, 'indicators')).toBe(true);
    for (const field of CASE_PII_FIELDS) expect(analyst.can('read', ownCase, field)).toBe(false);
    expect(CASE_PII_FIELDS).toEqual([
      'subject.name',
      'subject.dateOfBirth',
      'subject.documentNumber',
      'subject.contact',
    ]);
  });

  it.each(['com', 'rev', 'off', 'sup', 'dm', 'key'] as const)(
    'lets %s read the PII fields of a case it may read',
    (column) => {
      const ability = defineAbilityFor(ACTORS[column]);
      for (const field of CASE_PII_FIELDS) expect(ability.can('read', ownCase, field)).toBe(true);
    },
  );

  it('keeps the sampling seed from reviewers and analysts and shows it to the commissioner', () => {
    expect(defineAbilityFor(ACTORS.rev).can('read', run, 'seed')).toBe(false);
    expect(defineAbilityFor(ACTORS.ana).can('read', run, 'seed')).toBe(false);
    expect(defineAbilityFor(ACTORS.com).can('read', run, 'seed')).toBe(true);
    expect(defineAbilityFor(ACTORS.rev).can('read', run, 'period')).toBe(true);
    expect(defineAbilityFor(ACTORS.ana).can('read', run)).toBe(true);
  });

  it("keeps a place's active flag and operator to the office", () => {
    const place = subjectOf('Place', { agencyId: FL });
    const supervisor = defineAbilityFor(ACTORS.sup);
    expect(supervisor.can('update', place, 'name')).toBe(true);
    expect(supervisor.can('update', place, 'active')).toBe(false);
    expect(supervisor.can('update', place, 'agencyId')).toBe(false);
    for (const office of [ACTORS.adm, ACTORS.com]) {
      expect(defineAbilityFor(office).can('update', place, 'active')).toBe(true);
      expect(defineAbilityFor(office).can('update', place, 'agencyId')).toBe(true);
    }
  });

  it('lets the commissioner and reviewers read a complainant’s personal data, the analyst none of it', () => {
    const complaint = subjectOf('Complaint', {});
    for (const column of ['com', 'rev'] as const) {
      for (const field of COMPLAINANT_PII_FIELDS)
        expect(defineAbilityFor(ACTORS[column]).can('read', complaint, field)).toBe(true);
    }
    const analyst = defineAbilityFor(ACTORS.ana);
    expect(analyst.can('read', complaint, 'summary')).toBe(true);
    for (const field of COMPLAINANT_PII_FIELDS) expect(analyst.can('read', complaint, field)).toBe(false);
    expect(COMPLAINANT_PII_FIELDS).toEqual(['complainant.name', 'complainant.contact']);
  });

  it('keeps what the office keeps to itself from every agency reader of an investigation, and comments from officers', () => {
    const drafted = subjectOf('Investigation', inv(true, true, false, false));
    for (const column of ['off', 'sup', 'dm', 'key'] as const) {
      const ability = defineAbilityFor(ACTORS[column]);
      expect(ability.can('read', drafted, 'title')).toBe(true);
      expect(ability.can('read', drafted, 'draft')).toBe(true);
      for (const field of INVESTIGATION_OFFICE_FIELDS)
        expect([column, field, ability.can('read', drafted, field)]).toEqual([column, field, false]);
      expect([column, ability.can('read', drafted, 'comments')]).toEqual([column, column === 'sup' || column === 'dm']);
    }
    for (const column of ['com', 'rev', 'ana'] as const) {
      const ability = defineAbilityFor(ACTORS[column]);
      for (const field of [...INVESTIGATION_OFFICE_FIELDS, 'comments'])
        expect(ability.can('read', drafted, field)).toBe(true);
    }
  });

  it('lets the admin read no Case, Review, Alert, Report or AnonymisedExport at all', () => {
    const admin = defineAbilityFor(ACTORS.adm);
    for (const type of ['Case', 'Review', 'Alert', 'Report', 'AnonymisedExport', 'SamplingRun'] as const) {
      expect(admin.can('read', type)).toBe(false);
    }
    expect(admin.can('read', ownCase)).toBe(false);
    expect(admin.can('read', ownCase, 'subject.name')).toBe(false);
    expect(admin.can('read', ownCase, 'subject.pseudonym')).toBe(false);
    expect(admin.can('read', subjectOf('Review', review(FL, true, null)))).toBe(false);
    expect(admin.can('read', subjectOf('Alert', { agencyId: FL, commissionerOnly: false }))).toBe(false);
    expect(admin.can('read', subjectOf('Report', { agencyId: FL }))).toBe(false);
    expect(admin.can('read', 'AuditEvent')).toBe(false);
  });
});

describe('agency kind', () => {
  const own = (agencyId: string) => subjectOf('Case', kase(agencyId, 'screening', false));

  it.each<AgencyKind | null>(['frontline', 'commissioner_office', null])(
    'lets a decision maker of a %s agency read its recommendations but not answer them',
    (agencyKind) => {
      const ability = defineAbilityFor(user('decision_maker', 'dm-x', CA, agencyKind));
      const addressed = subjectOf('Recommendation', { agencyId: CA });
      expect(ability.can('read', addressed)).toBe(true);
      expect(ability.can('respond', addressed)).toBe(false);
      expect(ability.can('progress', addressed)).toBe(false);
    },
  );

  it.each<[Actor['kind'], AgencyKind | null]>([
    ['user', 'competent_authority'],
    ['user', 'commissioner_office'],
    ['user', null],
    ['api_key', 'competent_authority'],
    ['api_key', 'commissioner_office'],
  ])('keeps a %s officer of a %s agency from creating cases, but lets it read its own', (kind, agencyKind) => {
    const ability = defineAbilityFor({ ...user('agency_officer', 'officer-x', CA, agencyKind), kind });
    expect(ability.can('create', own(CA))).toBe(false);
    expect(ability.can('read', own(CA))).toBe(true);
  });

  it('lets an officer of a frontline agency create cases for it and only for it', () => {
    const ability = defineAbilityFor(user('agency_officer', 'officer-x', FL, 'frontline'));
    expect(ability.can('create', own(FL))).toBe(true);
    expect(ability.can('create', own(OTHER))).toBe(false);
  });

  it.each(['agency_officer', 'agency_supervisor', 'decision_maker'] as const)(
    'gives a %s without an agency nothing',
    (role) => {
      const ability = defineAbilityFor(user(role, 'x', null, null));
      expect(ability.rules).toEqual([]);
    },
  );
});

describe('rolesThatMay (the README decision table\'s "by" column)', () => {
  it.each([
    ['refer', ['agency_officer', 'agency_supervisor']],
    ['close', ['agency_officer', 'agency_supervisor']],
    ['reasonable_grounds', ['decision_maker']],
    ['request_reconsideration', ['commissioner', 'agency_officer', 'agency_supervisor', 'decision_maker']],
  ] as const)('%s: %j', (action, roles) => {
    expect(rolesThatMay(action, 'Case')).toEqual(roles);
  });
});
