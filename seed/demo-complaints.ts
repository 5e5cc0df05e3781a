import type { DataSource } from 'typeorm';
import type { InvestigationState } from '../src/investigations/domain/investigation-workflow.js';
import { SAMPLED_DECISION_TYPES } from '../src/reviews/domain/sampling.js';
import type { Caller, DemoApi } from './demo-api.js';
import type { DemoAgencyKey } from './demo-cast.js';
import type { DemoPlaceKey } from './demo-places.js';

export interface ComplaintCast {
  commissioner: Caller;
  /** Records complaints and investigates; no conflict with any demo agency. */
  reviewer: Caller & { id: string };
  /** Comments on a draft for DEMO-BP. */
  bpSupervisor: Caller;
}

interface ComplaintAnswer {
  id: string;
  version: number;
  investigationId: string | null;
}

interface InvestigationAnswer {
  id: string;
  version: number;
  state: InvestigationState;
}

const DAY = 86_400_000;

/*
 * Complainants are PII (sealed, shown only with include=pii): the demo's are obviously made up, like its people.
 * No summary, reason or report below says anything about the people in the demo's cases.
 */

/**
 * Complaints and investigations (SPEC §13) through the API: four complaints
 * (one anonymous, one left untriaged long enough to be overdue, one triaged
 * each way), the investigation one of them opens, and three more opened by
 * the commissioner, so that there is one investigation in each state.
 */
export async function driveComplaints(
  api: DemoApi,
  db: DataSource,
  cast: ComplaintCast,
  agencyIds: Record<DemoAgencyKey, string>,
  placeIds: Record<DemoPlaceKey, string>,
): Promise<void> {
  const { commissioner, reviewer } = cast;
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const record = (as: Caller, body: Record<string, unknown>) => api.post<ComplaintAnswer>('/complaints', as, body);
  const triage = (c: ComplaintAnswer, body: Record<string, unknown>) =>
    api.post<ComplaintAnswer>(`/complaints/${c.id}/triage`, commissioner, { ...body, expectedVersion: c.version }, 200);

  // Received three weeks ago and never triaged: the last overdue scan raises complaint_triage_overdue for it.
  await record(reviewer, {
    receivedAt: ago(21),
    channel: 'email',
    anonymous: false,
    complainant: {
      name: 'Demo Caseworker One',
      contact: 'caseworker.one@ngo.demo.oversight.test',
      relationship: 'ngo',
    },
    summary:
      'An outreach worker reports that people held at the Northern District holding facility are not told ' +
      'they can ask for a lawyer.',
    agencyIds: [agencyIds.bp],
  });

  const anonymous = await record(reviewer, {
    receivedAt: ago(6),
    channel: 'web',
    anonymous: true,
    summary: 'Labour inspectors are said to announce their inspections of farms a day ahead.',
    agencyIds: [agencyIds.li],
  });
  await triage(anonymous, {
    outcome: 'no_action',
    reason:
      'Inspections of farms are announced by law where the employer lives on site; the inspectorate gave ' +
      'no notice of the unannounced ones the office has checked.',
  });

  const referred = await record(commissioner, {
    receivedAt: ago(5),
    channel: 'phone',
    anonymous: false,
    complainant: { name: 'Demo Representative Two', contact: '+00 555 0100', relationship: 'representative' },
    summary: 'A legal representative says the border decisions on two of their clients ignored what they reported.',
    agencyIds: [agencyIds.bp],
    caseIds: await reviewableCases(db, agencyIds.bp, 2),
  });
  await triage(referred, {
    outcome: 'refer_to_review',
    reason: 'The decisions named can be reviewed as any sampled one would be.',
  });

  const investigated = await record(commissioner, {
    receivedAt: ago(4),
    channel: 'letter',
    anonymous: false,
    complainant: { name: 'Demo Official Three', contact: 'PO Box 0, Demo City', relationship: 'official' },
    summary:
      'An official writes that referrals from the Northern District wait weeks for a reasonable-grounds ' +
      'decision while the people concerned stay detained.',
    agencyIds: [agencyIds.bp, agencyIds.nrm],
  });
  const opened = await triage(investigated, {
    outcome: 'investigate',
    reason: 'A pattern across two agencies that individual reviews would not show.',
    title: 'Detention while referrals wait for a decision',
    termsOfReference:
      'Whether people referred by the Northern District stay detained until the competent authority decides, ' +
      'and how long that takes.',
  });

  // open: investigators and evidence.
  let inv = await api.get<InvestigationAnswer>(`/investigations/${opened.investigationId}`, commissioner);
  inv = await act(api, commissioner, inv, 'investigators', { reviewerIds: [reviewer.id] });
  const overdueDecision = await firstAlert(db, agencyIds.bp, 'rg_decision_overdue');
  inv = await act(api, reviewer, inv, 'evidence', {
    kind: 'alert',
    id: overdueDecision,
    note: 'A reasonable-grounds decision overdue while the person was held.',
  });
  await act(api, reviewer, inv, 'evidence', {
    kind: 'case',
    id: await detainedCase(db, agencyIds.bp),
    note: 'Referred and still detained.',
  });

  // factual_accuracy: drafted with a proposed recommendation, the agency's supervisor comments.
  inv = await api.post<InvestigationAnswer>('/investigations', commissioner, {
    title: 'Interpreting at first screening',
    origin: 'review_pattern',
    scope: { agencyIds: [agencyIds.bp] },
    termsOfReference: 'Whether screening interviews at the border are held with an interpreter.',
  });
  inv = await act(api, commissioner, inv, 'investigators', { reviewerIds: [reviewer.id] });
  inv = await act(api, commissioner, inv, 'draft', {
    text:
      'Draft: screening interviews held at weekends rarely had an interpreter, and the records do not say ' +
      'which language the interview was held in.',
    proposedRecommendations: [
      {
        agencyId: agencyIds.bp,
        theme: 'identification',
        priority: 'normal',
        text: 'Record the language of every screening interview and whether an interpreter took part.',
      },
    ],
  });
  await act(api, cast.bpSupervisor, inv, 'comment', {
    text: 'Since last month the district has had a telephone interpreting contract that covers weekends.',
  });

  // published: the proposed recommendation becomes a recommendation with source investigation.
  inv = await api.post<InvestigationAnswer>('/investigations', commissioner, {
    title: 'Conditions at the Northern District holding facility',
    origin: 'visit',
    scope: { agencyIds: [agencyIds.bp], placeIds: [placeIds.bpHolding] },
    termsOfReference: 'Follow-up of the unannounced visit: the register and access to lawyers.',
  });
  inv = await act(api, commissioner, inv, 'draft', {
    text: 'Draft: the paper register and the case-management system disagree on who is held.',
    proposedRecommendations: [
      {
        agencyId: agencyIds.bp,
        theme: 'data',
        priority: 'normal',
        text: 'Keep one register of the people held at the facility, the one in the case-management system.',
      },
    ],
  });
  await act(api, commissioner, inv, 'publish', {
    text: 'Final: the paper register and the case-management system disagree on who is held.',
  });

  // closed without findings.
  inv = await api.post<InvestigationAnswer>('/investigations', commissioner, {
    title: 'Harbour inspections at night',
    origin: 'own_initiative',
    scope: { agencyIds: [agencyIds.li] },
    termsOfReference: 'Whether the inspectorate screens workers found on night shifts at the harbour.',
  });
  await act(api, commissioner, inv, 'close_without_findings', {
    reason: 'The inspectorate made no night inspections in the period.',
  });
}

async function act(
  api: DemoApi,
  as: Caller,
  inv: InvestigationAnswer,
  action: string,
  body: Record<string, unknown>,
): Promise<InvestigationAnswer> {
  return api.post<InvestigationAnswer>(
    `/investigations/${inv.id}/${action}`,
    as,
    { ...body, expectedVersion: inv.version },
    200,
  );
}

/** Cases of the agency whose latest decision a review could cover and that no review covers yet, in a stable order. */
async function reviewableCases(db: DataSource, agencyId: string, n: number): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT c.id FROM cases c
       JOIN LATERAL (SELECT d.id, d.type FROM decision_records d WHERE d.case_id = c.id
                      ORDER BY d.sequence DESC LIMIT 1) last ON true
      WHERE c.agency_id = $1 AND last.type = ANY($2)
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.decision_record_id = last.id)
      ORDER BY c.external_ref LIMIT $3`,
    [agencyId, SAMPLED_DECISION_TYPES, n],
  );
  if (rows.length < n) throw new Error(`The demo has fewer than ${n} reviewable cases to name in a complaint.`);
  return rows.map((r) => r.id);
}

async function firstAlert(db: DataSource, agencyId: string, rule: string): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `SELECT id FROM alerts WHERE agency_id = $1 AND rule = $2 ORDER BY raised_at, id LIMIT 1`,
    [agencyId, rule],
  );
  if (!row) throw new Error(`The demo has no ${rule} alert for an investigation to cite.`);
  return row.id;
}

async function detainedCase(db: DataSource, agencyId: string): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `SELECT c.id FROM cases c JOIN detention_episodes e ON e.case_id = c.id AND e.released_at IS NULL
      WHERE c.agency_id = $1 AND c.state = 'referred' ORDER BY c.external_ref LIMIT 1`,
    [agencyId],
  );
  if (!row) throw new Error('The demo has no referred case still detained for an investigation to cite.');
  return row.id;
}
