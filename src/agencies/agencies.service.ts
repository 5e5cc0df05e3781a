import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain } from '../audit/domain/audit-event.js';
import { Conflict, Forbidden, orNotFound } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { uniqueViolationAs } from '../common/database-errors.js';
import { pick } from '../common/pick.js';
import { decodeIdCursor, type Page, type PageQueryDto, pageSize, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AgenciesRepository } from './agencies.repository.js';
import type { AgencyResponse, CreateAgencyDto } from './dto.js';
import { AgencyEntity } from './persistence/agency.entity.js';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly db: DataSource,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditLog,
  ) {}

  async create(ctx: RequestContext, dto: CreateAgencyDto): Promise<AgencyResponse> {
    if (!ctx.ability.can('create', 'Agency')) throw new Forbidden('Only administrators create agencies.');
    const now = new Date();
    const agency = Object.assign(new AgencyEntity(), {
      id: newId(),
      name: dto.name.trim(),
      code: dto.code,
      kind: dto.kind,
      alertEmail: dto.alertEmail?.toLowerCase() ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.db
      .transaction(async (manager) => {
        if (await this.agencies.codeTaken(manager, agency.code)) {
          throw new Conflict('duplicate-code', `An agency with code ${agency.code} exists already.`);
        }
        await this.agencies.insert(manager, agency);
        await this.audit.appendFor(manager, ctx, {
          ...ownChain('agency', agency.id),
          action: 'agency.created',
          payload: { name: agency.name, code: agency.code, kind: agency.kind, alertEmail: agency.alertEmail },
        });
      })
      .catch(uniqueViolationAs(new Conflict('duplicate-code', `An agency with code ${agency.code} exists already.`)));
    return toResponse(agency);
  }

  async list(ctx: RequestContext, query: PageQueryDto): Promise<Page<AgencyResponse>> {
    const limit = pageSize(query);
    const after = decodeIdCursor(query.cursor);
    const rows = await this.agencies.listReadable(ctx.ability, limit, after?.id);
    return toPage(rows, limit, toResponse, (a) => ({ id: a.id }));
  }

  async get(ctx: RequestContext, id: string): Promise<AgencyResponse> {
    const agency = orNotFound(await this.agencies.findReadable(ctx.ability, id), 'The agency');
    return toResponse(agency);
  }
}

function toResponse(a: AgencyEntity): AgencyResponse {
  return { ...pick(a, ['id', 'name', 'code', 'kind', 'alertEmail']), createdAt: a.createdAt.toISOString() };
}
