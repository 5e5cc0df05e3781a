import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { AuthModule } from '../auth/auth.module.js';
import { RecordReaders } from '../auth/record-readers.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyEntity } from './persistence/api-key.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity]), AgenciesModule, AuthModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysService],
})
export class ApiKeysModule {
  constructor(readers: RecordReaders, agencies: AgenciesRepository) {
    readers.register('Agency', async (ability, id) => (await agencies.findReadable(ability, id)) !== undefined);
  }
}
