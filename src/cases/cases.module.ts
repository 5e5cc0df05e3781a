import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RecordReaders } from '../auth/record-readers.js';
import { PlacesModule } from '../places/places.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { DecisionRecordsController } from './decision-records.controller.js';
import { DecisionRecordsService } from './decision-records.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { CaseEntity } from './persistence/case.entity.js';
import { CasesRepository } from './persistence/cases.repository.js';
import { DecisionRecordEntity } from './persistence/decision-record.entity.js';
import { DetentionEpisodeEntity } from './persistence/detention-episode.entity.js';
import { DecisionRecordsRepository } from './persistence/decision-records.repository.js';
import { ReviewFactsReader } from './persistence/review-facts.reader.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseEntity, DecisionRecordEntity, DetentionEpisodeEntity]),
    AlertsModule,
    AuthModule,
    PlacesModule,
  ],
  controllers: [CasesController, DecisionRecordsController, IndicatorsController],
  providers: [CasesService, CasesRepository, DecisionRecordsRepository, DecisionRecordsService, ReviewFactsReader],
  exports: [CasesRepository],
})
export class CasesModule {
  constructor(readers: RecordReaders, cases: CasesRepository, db: DataSource) {
    readers.register('Case', async (ability, id) => (await cases.findReadable(db, ability, id)) !== undefined);
  }
}
