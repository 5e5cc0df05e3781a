import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { validationPipe } from './common/validation.js';
import { AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LimitsModule } from './limits/limits.module.js';
import { loggerParams } from './logging/logger-options.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OpsModule } from './ops/ops.module.js';
import { PiiModule } from './pii/pii.module.js';
import { PlacesModule } from './places/places.module.js';
import { VisitsModule } from './visits/visits.module.js';
import { RecommendationsModule } from './recommendations/recommendations.module.js';
import { InvestigationsModule } from './investigations/investigations.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { UsersModule } from './users/users.module.js';
import { WorkersModule } from './workers/workers.module.js';

@Module({})
class ConfigHolderModule {}

export interface AppModuleOptions {
  /** Run BullMQ processors and schedulers in this process. */
  workers: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions): DynamicModule {
    const configModule: DynamicModule = {
      module: ConfigHolderModule,
      global: true,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
    return {
      module: AppModule,
      imports: [
        configModule,
        LoggerModule.forRoot(loggerParams(config.log)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database, 'app'), autoLoadEntities: true }),
        RedisModule,
        JobsModule,
        AuditModule,
        PiiModule,
        IdempotencyModule,
        HealthModule.forRoot({ workers: options.workers }),
        MetricsModule,
        OpsModule,
        AuthModule,
        LimitsModule,
        AgenciesModule,
        UsersModule,
        ApiKeysModule,
        CasesModule,
        AlertsModule,
        ReviewsModule,
        RecommendationsModule,
        ReportsModule,
        DashboardModule,
        PlacesModule,
        VisitsModule,
        InvestigationsModule,
        ComplaintsModule,
        ...(options.workers ? [WorkersModule] : []),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
