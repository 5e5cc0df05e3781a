import { Module } from '@nestjs/common';
import { DashboardSessions } from './dashboard-sessions.js';
import { OpsController } from './ops.controller.js';

@Module({ controllers: [OpsController], providers: [DashboardSessions], exports: [DashboardSessions] })
export class OpsModule {}
