import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../authz/domain/roles.js';
import {
  CASE_STATES,
  CLOSE_OUTCOMES,
  DECISION_TYPES,
  type CaseState,
  type DecisionType,
} from '../domain/identification.js';
import { INDICATOR_CATEGORIES, INDICATOR_CODES } from '../domain/indicators.js';
import { ENCOUNTER_KINDS, SEXES } from './create-case.dto.js';

export class SubjectResponse {
  @ApiProperty() pseudonym: string;
  @ApiProperty({ enum: SEXES }) sex: string;
  @ApiProperty({ type: 'integer', nullable: true }) birthYear: number | null;
  @ApiProperty({ nullable: true, type: String }) nationality: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() isChild: boolean;
  @ApiPropertyOptional({
    description: 'PII: only in GET /cases/{id}?include=pii, for roles with PII access (every such read is audited).',
  })
  name?: string;
  @ApiPropertyOptional({ description: 'PII' }) dateOfBirth?: string;
  @ApiPropertyOptional({ description: 'PII' }) documentNumber?: string;
  @ApiPropertyOptional({ description: 'PII' }) contact?: string;
}

export class EncounterResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() location: string;
  @ApiProperty({ enum: ENCOUNTER_KINDS }) kind: string;
}

export class DetentionEpisodeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) detainedAt: string;
  @ApiProperty() facility: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The place (SPEC §11), when one was named.',
  })
  placeId: string | null;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) releasedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) releaseReason: string | null;
}

export class CaseSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() externalRef: string;
  @ApiProperty({ enum: CASE_STATES }) state: CaseState;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Increases by one per decision record; send it back as expectedVersion.',
  })
  version: number;
  @ApiProperty({ type: SubjectResponse, description: 'Lists never include PII fields.' }) subject: SubjectResponse;
  @ApiProperty({ type: EncounterResponse }) encounter: EncounterResponse;
  @ApiProperty({ enum: INDICATOR_CODES, isArray: true }) indicators: string[];
  @ApiProperty() detained: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) detainedSince: string | null;
  @ApiProperty() everReferred: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) referredAt: string | null;
  @ApiProperty({ enum: CLOSE_OUTCOMES, nullable: true, type: String }) closedOutcome: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CaseResponse extends CaseSummaryResponse {
  @ApiProperty({ enum: DECISION_TYPES, isArray: true, description: 'What the caller may decide now.' })
  allowedDecisions: DecisionType[];
  @ApiProperty({ type: [DetentionEpisodeResponse] }) detentionEpisodes: DetentionEpisodeResponse[];
}

export class DecisionActorResponse {
  @ApiProperty({ enum: ['user', 'api_key'] }) type: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The code of the actor’s agency.' })
  agencyCode: string | null;
  @ApiProperty({ description: 'The user’s display name, or the API key’s name.' }) displayName: string;
}

export class DecisionRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The case version after this record.' }) sequence: number;
  @ApiProperty({ enum: DECISION_TYPES }) type: DecisionType;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Type-specific fields (at, facility, …).' })
  payload: Record<string, unknown>;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reviewId: string | null;
  @ApiProperty({ type: DecisionActorResponse }) actor: DecisionActorResponse;
  @ApiProperty({ enum: CASE_STATES, description: 'The case’s state before this record.' }) stateBefore: CaseState;
  @ApiProperty({ enum: CASE_STATES, description: 'The case’s state after it (detain/release leave it).' })
  stateAfter: CaseState;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'SHA-256 (hex) of this record’s event in the case’s audit chain.' }) auditHash: string;
}

/** A case's fields without PII, as context for a decision record or a review. */
export class CaseContextResponse extends CaseSummaryResponse {
  @ApiProperty({ type: [DetentionEpisodeResponse] }) detentionEpisodes: DetentionEpisodeResponse[];
}

export class DecisionRecordSearchItem extends DecisionRecordResponse {
  @ApiProperty({ format: 'uuid', description: 'The agency that owns the case.' }) caseAgencyId: string;
  @ApiProperty({ description: 'A review of this record exists that the caller may read.' }) sampled: boolean;
}

export class DecisionRecordDetailResponse extends DecisionRecordSearchItem {
  @ApiProperty({ type: CaseContextResponse, description: 'The case, without PII.' }) case: CaseContextResponse;
}

export class RecordDecisionResponse {
  @ApiProperty({ type: DecisionRecordResponse }) decision: DecisionRecordResponse;
  @ApiProperty({ type: CaseSummaryResponse }) case: CaseSummaryResponse;
  @ApiProperty({ enum: DECISION_TYPES, isArray: true }) allowedDecisions: DecisionType[];
}

export class IndicatorResponse {
  @ApiProperty({ enum: INDICATOR_CODES }) code: string;
  @ApiProperty({ enum: INDICATOR_CATEGORIES }) category: string;
  @ApiProperty() label: string;
}

export class CaseVerificationResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'The case’s audit chain is intact: every event, link and signed head holds.' })
  ok: boolean;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events of the chain whose hashes were recomputed (up to the first that cannot be trusted).',
  })
  checked: number;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The first event that cannot be trusted (for chain_truncated, the chain’s last one, if any).',
  })
  firstInvalidEventId: string | null;
  @ApiPropertyOptional({
    enum: ['sequence_gap', 'broken_link', 'hash_mismatch', 'checkpoint_mismatch', 'chain_truncated'],
    description:
      'Only when `ok` is false: an event missing (sequence_gap), moved or inserted (broken_link), changed ' +
      '(hash_mismatch), a stretch re-hashed after a signed checkpoint (checkpoint_mismatch), or events cut ' +
      'off the end (chain_truncated).',
  })
  reason?: string;
  @ApiProperty({ format: 'date-time', description: 'When the chain was checked (it is checked on every request).' })
  verifiedAt: string;
}
