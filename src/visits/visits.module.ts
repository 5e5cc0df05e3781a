import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VisitEntity, VisitFindingEntity, VisitPlanEntity } from './persistence/visit.entities.js';
import { VisitsRepository } from './persistence/visits.repository.js';
import { VisitPlansController, VisitsController } from './visits.controller.js';
import { VisitsService } from './visits.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([VisitPlanEntity, VisitEntity, VisitFindingEntity])],
  controllers: [VisitPlansController, VisitsController],
  providers: [VisitsService, VisitsRepository],
})
export class VisitsModule {}
