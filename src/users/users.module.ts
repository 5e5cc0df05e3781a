import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RecordReaders } from '../auth/record-readers.js';
import { BootstrapAdmin } from './bootstrap-admin.js';
import { UserEntity } from './persistence/user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AgenciesModule, AuthModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, BootstrapAdmin],
  exports: [UsersRepository],
})
export class UsersModule {
  constructor(readers: RecordReaders, users: UsersRepository) {
    readers.register('User', async (ability, id) => (await users.findReadable(ability, id)) !== undefined);
  }
}
