import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertWriter } from './alert-writer.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';
import { ComplaintAlerts } from './complaint-alerts.js';
import { Mailer } from './mail/mailer.js';
import { NotificationSender } from './notification-sender.js';
import { OverdueScanner } from './overdue-scanner.js';
import { AlertNotificationEntity } from './persistence/alert-notification.entity.js';
import { AlertEntity } from './persistence/alert.entity.js';
import { OverdueScanRepository } from './persistence/overdue-scan.repository.js';
import { RecommendationAlerts } from './recommendation-alerts.js';

@Module({
  imports: [TypeOrmModule.forFeature([AlertEntity, AlertNotificationEntity])],
  controllers: [AlertsController],
  providers: [
    AlertWriter,
    AlertsService,
    Mailer,
    NotificationSender,
    OverdueScanner,
    OverdueScanRepository,
    RecommendationAlerts,
    ComplaintAlerts,
  ],
  exports: [AlertWriter, Mailer, NotificationSender, OverdueScanner, RecommendationAlerts, ComplaintAlerts],
})
export class AlertsModule {}
