import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertSettler } from './alert-settler.js';
import { AlertWriter } from './alert-writer.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';
import { Mailer } from './mail/mailer.js';
import { NotificationSender } from './notification-sender.js';
import { OverdueScanner } from './overdue-scanner.js';
import { AlertNotificationEntity } from './persistence/alert-notification.entity.js';
import { AlertEntity } from './persistence/alert.entity.js';
import { OverdueScanRepository } from './persistence/overdue-scan.repository.js';

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
    AlertSettler,
  ],
  exports: [AlertWriter, Mailer, NotificationSender, OverdueScanner, AlertSettler],
})
export class AlertsModule {}
