import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { subjectOf } from '../authz/domain/abilities.js';
import { AuditLog } from '../audit/audit-log.js';
import { chains } from '../audit/domain/audit-event.js';
import { AccountMail } from '../auth/account-mail.js';
import { newApiKeySecret } from '../auth/api-key-secret.js';
import { Forbidden, NotFound, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import type { RequestContext } from '../common/request-context.js';
import type { ApiKeyResponse, CreateApiKeyDto, IssuedApiKeyResponse } from './dto.js';
import { ApiKeyEntity } from './persistence/api-key.entity.js';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: DataSource,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditLog,
    private readonly mail: AccountMail,
  ) {}

  async issue(ctx: RequestContext, agencyId: string, dto: CreateApiKeyDto): Promise<IssuedApiKeyResponse> {
    const agency = orNotFound(await this.agencies.findReadable(ctx.ability, agencyId), 'The agency');
    // SPEC §2: only the agency's own supervisor issues its keys; the admin may list and revoke, never issue.
    if (!ctx.ability.can('create', subjectOf('ApiKey', { agencyId }))) {
      throw new Forbidden('Only the agency’s own supervisor issues its API keys.');
    }
    if (agency.kind !== 'frontline') {
      throw new Unprocessable(
        'api-key-agency-kind',
        'API keys act as agency officers, which only frontline agencies have.',
        [{ field: 'agencyId', message: `agency is ${agency.kind}, not frontline` }],
      );
    }
    const id = newId();
    const { token, secretHash } = newApiKeySecret(id);
    const key = Object.assign(new ApiKeyEntity(), {
      id,
      agencyId,
      name: dto.name.trim(),
      secretHash,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      createdAt: new Date(),
      revokedAt: null,
    });
    await this.db.transaction(async (manager) => {
      await manager.insert(ApiKeyEntity, key);
      await this.audit.appendFor(manager, ctx, {
        chainId: chains.of('agency', agencyId),
        action: 'api_key.issued',
        subject: { type: 'api_key', id },
        payload: { agencyId, name: key.name },
      });
    });
    // A key reads its agency's cases, personal data included: the commissioner's office hears of every one.
    await this.mail.piiCredentialCreated({
      credential: { kind: 'api_key', id, name: key.name },
      agency: { name: agency.name, code: agency.code },
      createdBy: { kind: ctx.actor.kind, id: ctx.actor.id, role: ctx.actor.role },
      at: key.createdAt,
    });
    return { ...toResponse(key), key: token };
  }

  async list(ctx: RequestContext, agencyId: string): Promise<ApiKeyResponse[]> {
    const agency = await this.agencies.findReadable(ctx.ability, agencyId);
    if (!agency || !ctx.ability.can('read', subjectOf('ApiKey', { agencyId }))) {
      throw new NotFound('The agency');
    }
    const keys = await this.db.getRepository(ApiKeyEntity).find({ where: { agencyId }, order: { id: 'ASC' } });
    return keys.map(toResponse);
  }

  async revoke(ctx: RequestContext, agencyId: string, keyId: string): Promise<void> {
    orNotFound(await this.agencies.findReadable(ctx.ability, agencyId), 'The agency');
    if (!ctx.ability.can('delete', subjectOf('ApiKey', { agencyId })))
      throw new Forbidden('Only administrators and the agency’s own supervisor revoke its API keys.');
    await this.db.transaction(async (manager) => {
      const rows = await manager.query<[unknown[], number]>(
        `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
          WHERE id = $1 AND agency_id = $2 RETURNING id`,
        [keyId, agencyId],
      );
      if (rows[1] === 0) throw new NotFound('The API key');
      await this.audit.appendFor(manager, ctx, {
        chainId: chains.of('agency', agencyId),
        action: 'api_key.revoked',
        subject: { type: 'api_key', id: keyId },
        payload: { agencyId },
      });
    });
  }
}

function toResponse(k: ApiKeyEntity): ApiKeyResponse {
  return {
    id: k.id,
    agencyId: k.agencyId,
    name: k.name,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
