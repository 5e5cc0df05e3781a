import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import { hashPassword } from '../auth/passwords.js';
import { AppConfig } from '../config/app-config.js';
import { newId } from '../common/ids.js';
import { UserEntity } from './persistence/user.entity.js';
import { defaultDisplayName, UsersRepository } from './users.repository.js';

/**
 * First start: with no user at all, the admin named by BOOTSTRAP_ADMIN_* is
 * created; without those variables, a warning says how to create one.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.bootstrapAdmin;
    if (!admin) {
      if (!(await this.users.anyExists(this.db.manager))) {
        this.logger.warn(
          { event: 'no_user' },
          'No user exists yet, so nobody can sign in. Create the first administrator: set BOOTSTRAP_ADMIN_EMAIL and ' +
            'BOOTSTRAP_ADMIN_PASSWORD (12+ characters; or BOOTSTRAP_ADMIN_PASSWORD_FILE) and restart; it is created ' +
            'at start while no user exists. With docker compose this is automatic (README, "First start").',
        );
      }
      return;
    }
    const passwordHash = await hashPassword(admin.password);
    const created = await this.db.transaction(async (manager) => {
      // Serialises concurrent first starts of several processes.
      await manager.query(`SELECT pg_advisory_xact_lock(7270002)`);
      if (await this.users.anyExists(manager)) return false;
      const now = new Date();
      const user = Object.assign(new UserEntity(), {
        id: newId(),
        email: admin.email,
        displayName: defaultDisplayName(admin.email),
        passwordHash,
        role: 'admin',
        agencyId: null,
        conflictAgencyIds: [],
        createdAt: now,
        updatedAt: now,
      });
      await this.users.insert(manager, user);
      await this.audit.append(
        manager,
        { actor: SYSTEM_ACTOR, requestId: null },
        {
          ...ownChain('user', user.id),
          action: 'user.bootstrapped',
          payload: { role: 'admin' },
        },
      );
      return true;
    });
    if (created) this.logger.log({ event: 'bootstrap_admin_created' }, 'bootstrap admin created');
  }
}
