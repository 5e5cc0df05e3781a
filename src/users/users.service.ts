import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain } from '../audit/domain/audit-event.js';
import { AccountMail } from '../auth/account-mail.js';
import { PasswordLinks, type IssuedLink } from '../auth/password-links.js';
import { hashPassword } from '../auth/passwords.js';
import { TokenValidity } from '../auth/token-validity.js';
import { canReadPii } from '../authz/domain/pii-roles.js';
import { uniqueViolationAs } from '../common/database-errors.js';
import { Conflict, Forbidden, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { pick } from '../common/pick.js';
import { decodeIdCursor, type Page, type PageQueryDto, pageSize, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { placementErrors } from './domain/user-placement.js';
import type { CreateUserDto, UserResponse } from './dto.js';
import { UserEntity } from './persistence/user.entity.js';
import { defaultDisplayName, UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditLog,
    private readonly links: PasswordLinks,
    private readonly mail: AccountMail,
    private readonly validity: TokenValidity,
  ) {}

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserResponse> {
    if (!ctx.ability.can('create', 'User')) throw new Forbidden('Only administrators create users.');
    const readsPii = canReadPii(dto.role);
    // Separation of duties (SPEC §1, §8): the admin never chooses the password of an account that reads PII.
    if (readsPii && dto.password !== undefined) {
      throw new Unprocessable('password-not-allowed', 'This account sets its own password.', [
        {
          field: 'password',
          message: `a ${dto.role} can read personal data and sets their own password through the link e-mailed to them`,
        },
      ]);
    }
    const email = dto.email.trim().toLowerCase();
    const conflictIds = [...new Set((dto.conflictAgencyIds ?? []).map((id) => id.toLowerCase()))];
    const duplicate = new Conflict('duplicate-email', 'A user with this e-mail address exists already.');
    const passwordHash = dto.password === undefined ? null : await hashPassword(dto.password);
    const now = new Date();
    const user = Object.assign(new UserEntity(), {
      id: newId(),
      email,
      displayName: dto.displayName?.trim() || defaultDisplayName(email),
      passwordHash,
      role: dto.role,
      agencyId: dto.agencyId?.toLowerCase() ?? null,
      conflictAgencyIds: conflictIds,
      createdAt: now,
      updatedAt: now,
      disabledAt: null,
      tokensValidAfter: null,
    });
    let agency: { name: string; code: string } | null = null;
    let link: IssuedLink | undefined;
    await this.db
      .transaction(async (manager) => {
        const known = await this.agencies.findByIds(manager, [
          ...(user.agencyId ? [user.agencyId] : []),
          ...conflictIds,
        ]);
        const errors = placementErrors({
          role: user.role,
          agencyId: user.agencyId ?? undefined,
          agencyKind: known.find((a) => a.id === user.agencyId)?.kind,
          unknownConflictAgencyIds: conflictIds.filter((id) => !known.some((a) => a.id === id)),
        });
        if (errors.length > 0) throw new Unprocessable('invalid-user', 'The user cannot be placed like this.', errors);
        if (await this.users.emailTaken(manager, email)) throw duplicate;
        agency = known.find((a) => a.id === user.agencyId) ?? null;
        await this.users.insert(manager, user);
        if (passwordHash === null) link = await this.links.issue(manager, user.id, 'invitation', now);
        await this.audit.appendFor(manager, ctx, {
          ...ownChain('user', user.id),
          action: 'user.created',
          payload: {
            role: user.role,
            agencyId: user.agencyId,
            conflictAgencyIds: user.conflictAgencyIds,
            password: passwordHash === null ? 'link_mailed' : 'set_by_admin',
          },
        });
      })
      .catch(uniqueViolationAs(duplicate));
    if (link) await this.links.send(email, user.id, link);
    if (readsPii) {
      await this.mail.piiCredentialCreated({
        credential: { kind: 'user', id: user.id, email, role: user.role },
        agency,
        createdBy: { kind: ctx.actor.kind, id: ctx.actor.id, role: ctx.actor.role },
        at: now,
      });
    }
    return toResponse(user);
  }

  async list(ctx: RequestContext, query: PageQueryDto): Promise<Page<UserResponse>> {
    const limit = pageSize(query);
    const after = decodeIdCursor(query.cursor);
    const rows = await this.users.listReadable(ctx.ability, limit, after?.id);
    return toPage(rows, limit, toResponse, (u) => ({ id: u.id }));
  }

  async get(ctx: RequestContext, id: string): Promise<UserResponse> {
    const user = orNotFound(await this.users.findReadable(ctx.ability, id), 'The user');
    return toResponse(user);
  }

  /** SPEC §8: a disabled user's tokens stop working at once; enabling does not bring the old ones back. */
  async setDisabled(ctx: RequestContext, id: string, disabled: boolean): Promise<UserResponse> {
    orNotFound(await this.users.findReadable(ctx.ability, id), 'The user');
    if (!ctx.ability.can('update', 'User')) throw new Forbidden('Only administrators disable and enable users.');
    if (disabled && ctx.actor.kind === 'user' && ctx.actor.id === id) {
      throw new Conflict('disable-self', 'You cannot disable your own account.');
    }
    const user = await this.db.transaction(async (manager) => {
      const changed = orNotFound(await this.users.setDisabled(manager, id, disabled), 'The user');
      await this.audit.appendFor(manager, ctx, {
        ...ownChain('user', id),
        action: disabled ? 'user.disabled' : 'user.enabled',
        payload: { role: changed.role },
      });
      return changed;
    });
    await this.validity.changed(id);
    return toResponse(user);
  }
}

function toResponse(u: UserEntity): UserResponse {
  return {
    ...pick(u, ['id', 'email', 'displayName', 'role', 'agencyId', 'conflictAgencyIds']),
    createdAt: u.createdAt.toISOString(),
    disabledAt: u.disabledAt?.toISOString() ?? null,
  };
}
