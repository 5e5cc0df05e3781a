import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { open, seal, type Sealed } from './envelope.js';

/** Encrypts and decrypts personal data with the configured keys (the first encrypts, all decrypt). */
@Injectable()
export class PiiCipher {
  constructor(private readonly config: AppConfig) {}

  get activeKeyId(): string {
    return this.config.pii.activeKeyId;
  }

  sealJson(value: unknown, context: string): Sealed {
    const { keys, activeKeyId } = this.config.pii;
    return seal(JSON.stringify(value), keys.get(activeKeyId)!, activeKeyId, context);
  }

  openJson<T>(sealed: Sealed, context: string): T {
    return JSON.parse(open(sealed, this.config.pii.keys, context)) as T;
  }
}
