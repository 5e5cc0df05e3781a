import type { CaseSnapshot, CaseState, DecisionType } from './domain/identification.js';
import type {
  CaseContextResponse,
  CaseResponse,
  CaseSummaryResponse,
  DecisionRecordSearchItem,
  DecisionRecordResponse,
  DetentionEpisodeResponse,
} from './dto/case.response.js';
import type { CaseRow, DecisionRecordRow, EpisodeRow } from './persistence/cases.repository.js';
import type { PresentedDecisionRow } from './persistence/decision-records.repository.js';

/** The PII fields of a case, decrypted; never logged, never in a list. */
export interface CasePii {
  name?: string;
  dateOfBirth?: string;
  documentNumber?: string;
  contact?: string;
}

export function snapshotOf(row: CaseRow): CaseSnapshot {
  return {
    state: row.state,
    version: row.version,
    encounterAt: row.encounter_at,
    indicators: row.indicators,
    everReferred: row.ever_referred,
    referredAt: row.referred_at,
    rgPositiveAt: row.rg_positive_at,
    reconsiderationFrom: row.reconsideration_from,
    stateEnteredAt: row.state_entered_at,
    detainedSince: row.detained_since,
    closedOutcome: row.closed_outcome,
  };
}

/** The case row as it stands after a decision, from the projection the state machine returned (no re-read). */
export function rowAfter(row: CaseRow, next: CaseSnapshot, updatedAt: Date): CaseRow {
  return {
    ...row,
    state: next.state,
    version: next.version,
    ever_referred: next.everReferred,
    referred_at: next.referredAt,
    rg_positive_at: next.rgPositiveAt,
    reconsideration_from: next.reconsiderationFrom,
    state_entered_at: next.stateEnteredAt,
    detained_since: next.detainedSince,
    closed_outcome: next.closedOutcome,
    updated_at: updatedAt,
  };
}

export function caseSummary(row: CaseRow): CaseSummaryResponse {
  return {
    id: row.id,
    agencyId: row.agency_id,
    externalRef: row.external_ref,
    state: row.state,
    version: row.version,
    subject: {
      pseudonym: row.pseudonym,
      sex: row.sex,
      birthYear: row.birth_year,
      nationality: row.nationality,
      languages: row.languages,
      isChild: row.is_child,
    },
    encounter: { at: row.encounter_at.toISOString(), location: row.encounter_location, kind: row.encounter_kind },
    indicators: row.indicators,
    detained: row.detained_since !== null,
    detainedSince: row.detained_since?.toISOString() ?? null,
    everReferred: row.ever_referred,
    referredAt: row.referred_at?.toISOString() ?? null,
    closedOutcome: row.closed_outcome,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function caseDetail(
  row: CaseRow,
  pii: CasePii | undefined,
  allowedDecisions: DecisionType[],
  episodes: EpisodeRow[],
): CaseResponse {
  const summary = caseSummary(row);
  return {
    ...summary,
    subject: { ...summary.subject, ...(pii ?? {}) },
    allowedDecisions,
    detentionEpisodes: episodes.map(episodeResponse),
  };
}

export function episodeResponse(e: EpisodeRow): DetentionEpisodeResponse {
  return {
    id: e.id,
    detainedAt: e.detained_at.toISOString(),
    facility: e.facility,
    placeId: e.place_id,
    legalBasis: e.legal_basis,
    releasedAt: e.released_at?.toISOString() ?? null,
    releaseReason: e.release_reason,
  };
}

export function decisionResponse(r: DecisionRecordRow): DecisionRecordResponse {
  return {
    id: r.id,
    caseId: r.case_id,
    sequence: r.sequence,
    type: r.type as DecisionType,
    outcome: r.outcome,
    reason: r.reason,
    payload: r.payload,
    reviewId: r.review_id,
    actor: {
      type: r.actor_type,
      id: r.actor_id,
      role: r.actor_role,
      agencyId: r.actor_agency_id,
      agencyCode: r.actor_agency_code,
      // A user or key deleted outside the API leaves no name; the id still says who.
      displayName: r.actor_display_name ?? r.actor_id,
    },
    stateBefore: r.state_before as CaseState,
    stateAfter: r.state_after as CaseState,
    occurredAt: r.occurred_at.toISOString(),
    recordedAt: r.recorded_at.toISOString(),
    auditHash: r.audit_hash.toString('hex'),
  };
}

export function decisionSearchItem(r: PresentedDecisionRow): DecisionRecordSearchItem {
  return { ...decisionResponse(r), caseAgencyId: r.agency_id, sampled: r.sampled };
}

/** The case without PII, with its detention episodes. */
export function caseContext(row: CaseRow, episodes: EpisodeRow[]): CaseContextResponse {
  return { ...caseSummary(row), detentionEpisodes: episodes.map(episodeResponse) };
}
