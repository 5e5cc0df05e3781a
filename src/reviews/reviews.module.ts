import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { RecordReaders } from '../auth/record-readers.js';
import { DrawVerificationService } from './draw-verification.service.js';
import { CasesRepository } from '../cases/persistence/cases.repository.js';
import { DecisionRecordsRepository } from '../cases/persistence/decision-records.repository.js';
import { ReviewEntity } from './persistence/review.entity.js';
import { ReviewsRepository } from './persistence/reviews.repository.js';
import { SamplingDrawRepository } from './persistence/sampling-draw.repository.js';
import { SamplingRunEntity } from './persistence/sampling-run.entity.js';
import { SamplingStratumEntity } from './persistence/sampling-stratum.entity.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';
import { SamplingRunner } from './sampling-runner.js';
import { SamplingRunsController } from './sampling-runs.controller.js';
import { SamplingRunsService } from './sampling-runs.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SamplingRunEntity, SamplingStratumEntity, ReviewEntity]), AuthModule],
  controllers: [SamplingRunsController, ReviewsController],
  providers: [
    SamplingRunsService,
    SamplingRunner,
    SamplingDrawRepository,
    DrawVerificationService,
    ReviewsService,
    ReviewsRepository,
    // Stateless readers over the case tables: a review embeds the record it reviews and its case's context.
    CasesRepository,
    DecisionRecordsRepository,
  ],
  // ReviewsService: a complaint's triage refers cases to review through it (SPEC §13).
  exports: [SamplingRunsService, SamplingRunner, ReviewsService],
})
export class ReviewsModule {
  constructor(readers: RecordReaders, reviews: ReviewsService) {
    readers.register('Review', (ability, id) => reviews.readable(ability, id));
  }
}
