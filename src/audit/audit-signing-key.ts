import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { signingKeyFromSeed, type SigningKey } from './domain/checkpoint.js';

/** The checkpoint signing key, derived once from AUDIT_SIGNING_KEY (never stored in the database). */
@Injectable()
export class AuditSigningKey {
  readonly key: SigningKey;
  constructor(config: AppConfig) {
    this.key = signingKeyFromSeed(config.audit.signingKeySeed);
  }
}
