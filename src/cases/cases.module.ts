import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { PlacesModule } from '../places/places.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { CaseEntity } from './persistence/case.entity.js';
import { CasesRepository } from './persistence/cases.repository.js';
import { DecisionRecordEntity } from './persistence/decision-record.entity.js';
import { DetentionEpisodeEntity } from './persistence/detention-episode.entity.js';
import { ReviewFactsReader } from './persistence/review-facts.reader.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, DecisionRecordEntity, DetentionEpisodeEntity]), AlertsModule, PlacesModule],
  controllers: [CasesController, IndicatorsController],
  providers: [CasesService, CasesRepository, ReviewFactsReader],
  exports: [CasesRepository],
})
export class CasesModule {}
