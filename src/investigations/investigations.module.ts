import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { RecordReaders } from '../auth/record-readers.js';
import { RecommendationsModule } from '../recommendations/recommendations.module.js';
import { InvestigationsController } from './investigations.controller.js';
import { InvestigationsService } from './investigations.service.js';
import {
  InvestigationCommentEntity,
  InvestigationEntity,
  InvestigationEvidenceEntity,
} from './persistence/investigation.entities.js';
import { InvestigationsRepository } from './persistence/investigations.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([InvestigationEntity, InvestigationEvidenceEntity, InvestigationCommentEntity]),
    AuthModule,
    RecommendationsModule,
  ],
  controllers: [InvestigationsController],
  providers: [InvestigationsService, InvestigationsRepository],
  exports: [InvestigationsService],
})
export class InvestigationsModule {
  constructor(readers: RecordReaders, investigations: InvestigationsService) {
    readers.register('Investigation', (ability, id, actor) => investigations.readable({ ability, actor }, id));
  }
}
