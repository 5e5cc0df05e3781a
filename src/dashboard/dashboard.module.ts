import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardQueries } from './persistence/dashboard.queries.js';

@Module({ controllers: [DashboardController], providers: [DashboardService, DashboardQueries] })
export class DashboardModule {}
