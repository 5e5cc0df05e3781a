import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { RecommendationState } from '../domain/recommendation-workflow.js';

/** One dated line of a recommendation's history; append-only (a trigger refuses UPDATE, DELETE, TRUNCATE). Schema only. */
@Entity({ name: 'recommendation_history' })
@Unique('recommendation_history_version_key', ['recommendationId', 'version'])
export class RecommendationHistoryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'recommendation_id' }) recommendationId: string;
  @Column('integer') version: number;
  @Column('timestamptz') at: Date;
  @Column('text') action: string;
  @Column('uuid', { name: 'actor_id' }) actorId: string;
  @Column('text', { name: 'actor_role' }) actorRole: string;
  @Column('text', { name: 'from_state', nullable: true }) fromState: RecommendationState | null;
  @Column('text', { name: 'to_state' }) toState: RecommendationState;
  @Column('jsonb') details: Record<string, string>;
}
