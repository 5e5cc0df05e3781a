import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { signingKeyFromSeed, verifyKeyFromRaw, type SigningKey, type VerifyKey } from './domain/checkpoint.js';

/**
 * The checkpoint signing key, derived once from AUDIT_SIGNING_KEY (never
 * stored in the database), and every key checkpoints are verified with: the
 * signing key's public half and the retired keys of AUDIT_VERIFY_KEYS, by id.
 */
@Injectable()
export class AuditSigningKey {
  readonly key: SigningKey;
  readonly verifyKeys: ReadonlyMap<string, VerifyKey>;
  constructor(config: AppConfig) {
    this.key = signingKeyFromSeed(config.audit.signingKeySeed);
    const keys = new Map<string, VerifyKey>([[this.key.keyId, this.key]]);
    for (const raw of config.audit.verifyPublicKeys) {
      const key = verifyKeyFromRaw(raw);
      if (!keys.has(key.keyId)) keys.set(key.keyId, key);
    }
    this.verifyKeys = keys;
  }
}
