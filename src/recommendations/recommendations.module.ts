import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RecordReaders } from '../auth/record-readers.js';
import { RecommendationHistoryEntity } from './persistence/recommendation-history.entity.js';
import { RecommendationEntity } from './persistence/recommendation.entity.js';
import { RecommendationsRepository } from './persistence/recommendations.repository.js';
import { RecommendationsController } from './recommendations.controller.js';
import { RecommendationsService } from './recommendations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RecommendationEntity, RecommendationHistoryEntity]), AuthModule, AlertsModule],
  controllers: [RecommendationsController],
  providers: [RecommendationsService, RecommendationsRepository],
  // Publishing an investigation issues recommendations through the same path (SPEC §13).
  exports: [RecommendationsService],
})
export class RecommendationsModule {
  constructor(readers: RecordReaders, recommendations: RecommendationsService) {
    readers.register('Recommendation', (ability, id) => recommendations.readable(ability, id));
  }
}
