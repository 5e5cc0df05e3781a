import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { AuditLog } from '../audit/audit-log.js';
import { auditActorOf, chains } from '../audit/domain/audit-event.js';
import { hashPassword } from '../auth/passwords.js';
import { uniqueViolationAs } from '../common/database-errors.js';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../common/domain-errors.js';
import { isUuid, newId } from '../common/ids.js';
import { decodeCursor, pageSize, toPage, type Page, type PageQueryDto } from '../common/pagination.js';
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
  ) {}

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserResponse> {
    if (!ctx.ability.can('create', 'User')) throw new Forbidden('Only administrators create users.');
    const email = dto.email.trim().toLowerCase();
    const conflictIds = [...new Set((dto.conflictAgencyIds ?? []).map((id) => id.toLowerCase()))];
    const duplicate = new Conflict('duplicate-email', 'A user with this e-mail address exists already.');
    const passwordHash = await hashPassword(dto.password);
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
    });
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
        await this.users.insert(manager, user);
        await this.audit.append(
          manager,
          { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
          {
            chainId: chains.of('user', user.id),
            action: 'user.created',
            subject: { type: 'user', id: user.id },
            payload: { role: user.role, agencyId: user.agencyId, conflictAgencyIds: user.conflictAgencyIds },
          },
        );
      })
      .catch(uniqueViolationAs(duplicate));
    return toResponse(user);
  }

  async list(ctx: RequestContext, query: PageQueryDto): Promise<Page<UserResponse>> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, ['id'], (p) => isUuid(p.id));
    const rows = await this.users.listReadable(ctx.ability, limit, after?.id);
    return toPage(rows, limit, toResponse, (u) => ({ id: u.id }));
  }

  async get(ctx: RequestContext, id: string): Promise<UserResponse> {
    const user = await this.users.findReadable(ctx.ability, id);
    if (!user) throw new NotFound('The user');
    return toResponse(user);
  }
}

function toResponse(u: UserEntity): UserResponse {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    agencyId: u.agencyId,
    conflictAgencyIds: u.conflictAgencyIds,
    createdAt: u.createdAt.toISOString(),
  };
}
