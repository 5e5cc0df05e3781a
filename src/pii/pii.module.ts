import { Global, Module } from '@nestjs/common';
import { PiiCipher } from './pii-cipher.js';

@Global()
@Module({ providers: [PiiCipher], exports: [PiiCipher] })
export class PiiModule {}
