import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RecordReaders } from '../auth/record-readers.js';
import { InvestigationsModule } from '../investigations/investigations.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';
import { ComplaintEntity, ComplaintReviewEntity } from './persistence/complaint.entities.js';
import { ComplaintsRepository } from './persistence/complaints.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ComplaintEntity, ComplaintReviewEntity]),
    AuthModule,
    AlertsModule,
    InvestigationsModule,
    ReviewsModule,
  ],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, ComplaintsRepository],
})
export class ComplaintsModule {
  constructor(readers: RecordReaders, complaints: ComplaintsService) {
    readers.register('Complaint', (ability, id) => complaints.readable({ ability }, id));
  }
}
