import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SealedEvent } from '../../audit/domain/audit-event.js';
import type { AppAbility } from '../../authz/domain/abilities.js';
import { accessibleSql, SqlParams, type SqlColumns } from '../../authz/domain/rules-to-sql.js';
import type { Role } from '../../authz/domain/roles.js';
import type { CaseSnapshot } from '../domain/identification.js';

/** How CASL's Case attributes map to columns of `cases c`. */
export const CASE_COLUMNS: SqlColumns<'Case'> = {
  agencyId: 'c.agency_id',
  everReferred: 'c.ever_referred',
  state: 'c.state',
};

export interface CaseRow {
  id: string;
  agency_id: string;
  external_ref: string;
  state: CaseSnapshot['state'];
  version: number;
  pseudonym: string;
  sex: string;
  birth_year: number | null;
  nationality: string | null;
  languages: string[];
  is_child: boolean;
  pii_ciphertext: Buffer | null;
  pii_key_id: string | null;
  encounter_at: Date;
  encounter_location: string;
  encounter_kind: string;
  indicators: string[];
  ever_referred: boolean;
  referred_at: Date | null;
  rg_positive_at: Date | null;
  reconsideration_from: CaseSnapshot['reconsiderationFrom'];
  state_entered_at: Date;
  detained_since: Date | null;
  closed_outcome: CaseSnapshot['closedOutcome'];
  audit_seq: number;
  audit_hash: Buffer;
  created_at: Date;
  updated_at: Date;
}

export interface NewCase {
  id: string;
  agencyId: string;
  externalRef: string;
  subject: {
    pseudonym: string;
    sex: string;
    birthYear: number | null;
    nationality: string | null;
    languages: string[];
    isChild: boolean;
  };
  pii: { ciphertext: Buffer; keyId: string } | null;
  encounter: { at: Date; location: string; kind: string };
  indicators: string[];
  opening: SealedEvent;
  now: Date;
}

export interface DecisionRow {
  id: string;
  caseId: string;
  sequence: number;
  type: string;
  outcome: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  agencyId: string;
  actor: { type: 'user' | 'api_key'; id: string; role: Role; agencyId: string | null };
  reviewId: string | null;
  stateBefore: string;
  stateAfter: string;
  occurredAt: Date;
  recordedAt: Date;
}

export interface EpisodeChange {
  open?: { id: string; detainedAt: Date; facility: string; placeId: string | null; legalBasis: string };
  close?: { releasedAt: Date; reason: string };
}

export interface DecisionRecordRow {
  id: string;
  case_id: string;
  sequence: number;
  type: DecisionRow['type'];
  outcome: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  actor_type: 'user' | 'api_key';
  actor_id: string;
  actor_role: Role;
  actor_agency_id: string | null;
  review_id: string | null;
  occurred_at: Date;
  recorded_at: Date;
  audit_hash: Buffer;
  state_before: string;
  state_after: string;
  actor_agency_code: string | null;
  actor_display_name: string | null;
}

export interface EpisodeRow {
  id: string;
  detained_at: Date;
  facility: string;
  place_id: string | null;
  legal_basis: string;
  released_at: Date | null;
  release_reason: string | null;
}

export interface CaseListFilter {
  state?: string;
  agencyId?: string;
  detained?: boolean;
  externalRef?: string;
  closedOutcome?: string;
  encounterKind?: string;
  indicator?: string;
  isChild?: boolean;
  updatedSince?: Date;
  after?: { updatedAt: string; id: string };
  limit: number;
}

/** Cases and their decision streams. Every read takes the caller's rules and filters in SQL. */
@Injectable()
export class CasesRepository {
  constructor(private readonly db: DataSource) {}

  async insertCase(manager: EntityManager, c: NewCase): Promise<void> {
    await manager.query(
      `INSERT INTO cases (id, agency_id, external_ref, state, version, pseudonym, sex, birth_year, nationality, languages,
                          is_child, pii_ciphertext, pii_key_id, encounter_at, encounter_location, encounter_kind,
                          indicators, ever_referred, state_entered_at, audit_seq, audit_hash, created_at, updated_at)
       VALUES ($1, $2, $3, 'screening', 0, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, false, $12, $16, $17,
               $18, $18)`,
      [
        c.id,
        c.agencyId,
        c.externalRef,
        c.subject.pseudonym,
        c.subject.sex,
        c.subject.birthYear,
        c.subject.nationality,
        c.subject.languages,
        c.subject.isChild,
        c.pii?.ciphertext ?? null,
        c.pii?.keyId ?? null,
        c.encounter.at,
        c.encounter.location,
        c.encounter.kind,
        c.indicators,
        c.opening.content.seq,
        c.opening.hash,
        c.now,
      ],
    );
  }

  /** The case as stored, if the caller may read it (no lock: the version check protects the write). */
  async findReadable(
    manager: EntityManager | DataSource,
    ability: AppAbility,
    id: string,
  ): Promise<CaseRow | undefined> {
    const params = new SqlParams();
    const access = accessibleSql(ability, 'read', 'Case', CASE_COLUMNS, params);
    const rows = await manager.query<CaseRow[]>(
      `SELECT c.* FROM cases c WHERE c.id = ${params.add(id)} AND ${access}`,
      params.values,
    );
    return rows[0];
  }

  /**
   * Writes one decision: the conditional version bump (the optimistic lock,
   * checked by affected rows), the record, its audit event and any detention
   * change. Returns false, having written nothing, when the case moved on.
   */
  async appendDecision(
    manager: EntityManager,
    expectedVersion: number,
    next: CaseSnapshot,
    record: DecisionRow,
    event: SealedEvent,
    episode: EpisodeChange,
  ): Promise<boolean> {
    // One round trip for the version bump, the record, its audit event and any detention change (the hot path of
    // every decision): each write reads `bumped`, so when the case moved on nothing at all is written.
    const c = event.content;
    const [{ bumped }] = await manager.query<{ bumped: number }[]>(
      `WITH bumped AS (
         UPDATE cases SET state = $35, version = $3, ever_referred = $36, referred_at = $37, rg_positive_at = $38,
                          reconsideration_from = $39, state_entered_at = $40, detained_since = $41,
                          closed_outcome = $42, audit_seq = $19, audit_hash = $17, updated_at = $15
          WHERE id = $2 AND version = $43
          RETURNING id
       ), record AS (
         INSERT INTO decision_records (id, case_id, sequence, type, outcome, reason, payload, agency_id, actor_type,
                                       actor_id, actor_role, actor_agency_id, deciding_agency_id, review_id,
                                       occurred_at, recorded_at, audit_event_id, audit_hash, state_before, state_after)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, coalesce($12::uuid, $8::uuid), $13, $14, $15, $16,
                $17, $32, $33
           FROM bumped
       ), event AS (
         INSERT INTO audit_events (id, chain_id, seq, recorded_at, actor_type, actor_id, actor_role, actor_agency_id,
                                   action, subject_type, subject_id, request_id, payload, prev_hash, hash)
         SELECT $16, $18, $19, $20, $9, $10, $11, $12, $21, $22, $2, $23, $24, $25, $17
           FROM bumped
       ), opened AS (
         INSERT INTO detention_episodes (id, case_id, agency_id, detained_at, facility, legal_basis, detain_record_id,
                                         place_id)
         SELECT $26, $2, $8, $27, $28, $29, $1, $34 FROM bumped WHERE $26::uuid IS NOT NULL
       ), closed AS (
         UPDATE detention_episodes SET released_at = $30, release_reason = $31, release_record_id = $1
          WHERE $30::timestamptz IS NOT NULL AND case_id = $2 AND released_at IS NULL
            AND EXISTS (SELECT 1 FROM bumped)
       )
       SELECT count(*)::int AS bumped FROM bumped`,
      [
        record.id,
        record.caseId,
        record.sequence,
        record.type,
        record.outcome,
        record.reason,
        record.payload,
        record.agencyId,
        record.actor.type,
        record.actor.id,
        record.actor.role,
        record.actor.agencyId,
        record.reviewId,
        record.occurredAt,
        record.recordedAt,
        event.id,
        event.hash,
        c.chainId,
        c.seq,
        c.recordedAt,
        c.action,
        c.subject.type,
        c.requestId,
        event.canonicalPayload,
        event.prevHash,
        episode.open?.id ?? null,
        episode.open?.detainedAt ?? null,
        episode.open?.facility ?? null,
        episode.open?.legalBasis ?? null,
        episode.close?.releasedAt ?? null,
        episode.close?.reason ?? null,
        record.stateBefore,
        record.stateAfter,
        episode.open?.placeId ?? null,
        next.state,
        next.everReferred,
        next.referredAt,
        next.rgPositiveAt,
        next.reconsiderationFrom,
        next.stateEnteredAt,
        next.detainedSince,
        next.closedOutcome,
        expectedVersion,
      ],
    );
    if (bumped !== 1) return false;
    return true;
  }

  async listReadable(ability: AppAbility, filter: CaseListFilter): Promise<CaseRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'Case', CASE_COLUMNS, params)];
    if (filter.state) where.push(`c.state = ${params.add(filter.state)}`);
    if (filter.agencyId) where.push(`c.agency_id = ${params.add(filter.agencyId)}`);
    if (filter.detained !== undefined)
      where.push(filter.detained ? 'c.detained_since IS NOT NULL' : 'c.detained_since IS NULL');
    if (filter.externalRef) where.push(`c.external_ref = ${params.add(filter.externalRef)}`);
    if (filter.closedOutcome) where.push(`c.closed_outcome = ${params.add(filter.closedOutcome)}`);
    if (filter.encounterKind) where.push(`c.encounter_kind = ${params.add(filter.encounterKind)}`);
    if (filter.indicator) where.push(`${params.add(filter.indicator)} = ANY(c.indicators)`);
    if (filter.isChild !== undefined) where.push(`c.is_child = ${params.add(filter.isChild)}`);
    if (filter.updatedSince) where.push(`c.updated_at >= ${params.add(filter.updatedSince)}`);
    if (filter.after) {
      where.push(
        `(c.updated_at, c.id) > (${params.add(filter.after.updatedAt)}::timestamptz, ${params.add(filter.after.id)}::uuid)`,
      );
    }
    return this.db.query<CaseRow[]>(
      `SELECT c.* FROM cases c WHERE ${where.join(' AND ')}
        ORDER BY c.updated_at, c.id LIMIT ${params.add(filter.limit + 1)}`,
      params.values,
    );
  }

  /** Cases by id with no access check: context that the caller's rules on another record (a review) grant. */
  async byIds(ids: readonly string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    return this.db.query<CaseRow[]>(`SELECT c.* FROM cases c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  async episodesOfCases(caseIds: readonly string[]): Promise<(EpisodeRow & { case_id: string })[]> {
    if (caseIds.length === 0) return [];
    return this.db.query<(EpisodeRow & { case_id: string })[]>(
      `SELECT case_id, id, detained_at, facility, place_id, legal_basis, released_at, release_reason
         FROM detention_episodes WHERE case_id = ANY($1::uuid[]) ORDER BY detained_at`,
      [caseIds],
    );
  }

  async episodes(caseId: string, manager: EntityManager | DataSource = this.db): Promise<EpisodeRow[]> {
    return manager.query<EpisodeRow[]>(
      `SELECT id, detained_at, facility, place_id, legal_basis, released_at, release_reason
         FROM detention_episodes WHERE case_id = $1 ORDER BY detained_at`,
      [caseId],
    );
  }
}
