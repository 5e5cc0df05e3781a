import { Global, Module } from '@nestjs/common';
import { AuditCheckpointer } from './audit-checkpointer.js';
import { AuditLog } from './audit-log.js';
import { AuditSigningKey } from './audit-signing-key.js';
import { AuditVerifier } from './audit-verifier.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { AuditVerificationRepository } from './persistence/audit-verification.repository.js';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLog, AuditSigningKey, AuditVerificationRepository, AuditVerifier, AuditCheckpointer, AuditService],
  exports: [AuditLog, AuditCheckpointer, AuditVerifier],
})
export class AuditModule {}
