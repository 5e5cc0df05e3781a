import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { ownChain } from '../audit/domain/audit-event.js';
import { subjectOf } from '../authz/domain/abilities.js';
import { Conflict, Forbidden, NotFound, orNotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { pick } from '../common/pick.js';
import { decodeIdCursor, type Page, pageSize, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { changedFields, deactivates, PLACE_FIELDS, type PlaceFields } from './domain/place.js';
import type { CreatePlaceDto, ListPlacesQuery, PlaceResponse, UpdatePlaceDto } from './dto.js';
import { PlaceEntity } from './persistence/place.entity.js';
import { PlacesRepository } from './persistence/places.repository.js';

@Injectable()
export class PlacesService {
  constructor(
    private readonly db: DataSource,
    private readonly places: PlacesRepository,
    private readonly audit: AuditLog,
  ) {}

  async create(ctx: RequestContext, dto: CreatePlaceDto): Promise<PlaceResponse> {
    const target = subjectOf('Place', { agencyId: dto.agencyId });
    if (!ctx.ability.can('create', target)) throw new Forbidden('You may not add places for this agency.');
    if (dto.active !== undefined && !ctx.ability.can('update', target, 'active')) {
      throw new Forbidden('Only the commissioner’s office sets whether a place is active.');
    }
    const now = new Date();
    const place = Object.assign(new PlaceEntity(), {
      id: newId(),
      agencyId: dto.agencyId,
      name: dto.name,
      kind: dto.kind,
      region: dto.region,
      capacity: dto.capacity ?? null,
      active: dto.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.transaction(async (manager) => {
      await this.requireAgency(manager, place.agencyId);
      await this.places.insert(manager, place);
      await this.record(manager, ctx, place.id, 'place.created', fieldsOf(place));
    });
    return toResponse(place);
  }

  async list(ctx: RequestContext, query: ListPlacesQuery): Promise<Page<PlaceResponse>> {
    const limit = pageSize(query);
    const after = decodeIdCursor(query.cursor);
    const rows = await this.places.listReadable(ctx.ability, {
      agencyId: query.agencyId,
      active: query.active,
      afterId: after?.id,
      limit,
    });
    return toPage(rows, limit, toResponse, (p) => ({ id: p.id }));
  }

  async get(ctx: RequestContext, id: string): Promise<PlaceResponse> {
    const place = orNotFound(await this.places.findReadable(ctx.ability, id), 'The place');
    return toResponse(place);
  }

  async update(ctx: RequestContext, id: string, dto: UpdatePlaceDto): Promise<PlaceResponse> {
    return this.db.transaction(async (manager) => {
      if (!(await this.places.findReadable(ctx.ability, id, manager))) throw new NotFound('The place');
      const place = (await this.places.lockForUpdate(manager, id))!;
      const current = fieldsOf(place);
      const changed = changedFields(current, dto);
      const subject = subjectOf('Place', { agencyId: place.agencyId });
      if (!ctx.ability.can('update', subject)) throw new Forbidden('You may not change this place.');
      const refused = changed.filter((f) => !ctx.ability.can('update', subject, f));
      if (refused.length > 0) {
        throw new Forbidden(`Only the commissioner’s office changes ${refused.join(' and ')} of a place.`);
      }
      if (changed.length === 0) return toResponse(place);
      if (dto.agencyId !== undefined && changed.includes('agencyId')) {
        if (!ctx.ability.can('update', subjectOf('Place', { agencyId: dto.agencyId }))) {
          throw new Forbidden('You may not hand the place to that agency.');
        }
        await this.requireAgency(manager, dto.agencyId);
      }
      if (deactivates(current, dto)) {
        const detained = await this.places.detainedNow(manager, id);
        if (detained > 0) {
          throw new Conflict('place-in-use', 'People are detained at this place now; release them first.', {
            detained,
          });
        }
      }
      const next = Object.assign(new PlaceEntity(), place, {
        ...Object.fromEntries(changed.map((f) => [f, dto[f]])),
        updatedAt: new Date(),
      });
      await this.places.update(manager, next);
      await this.record(
        manager,
        ctx,
        id,
        'place.updated',
        Object.fromEntries(changed.map((f) => [f, fieldsOf(next)[f]])),
      );
      return toResponse(next);
    });
  }

  private async requireAgency(manager: EntityManager, agencyId: string): Promise<void> {
    if (!(await this.places.agencyExists(manager, agencyId))) {
      throw new Unprocessable('unknown-agency', 'There is no such agency.', [
        { field: 'agencyId', message: 'is not an agency' },
      ]);
    }
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    placeId: string,
    action: string,
    fields: Partial<PlaceFields>,
  ): Promise<void> {
    const payload = Object.fromEntries(Object.entries(fields));
    await this.audit.appendFor(manager, ctx, {
      ...ownChain('place', placeId),
      action,
      payload,
    });
  }
}

function fieldsOf(p: PlaceEntity): PlaceFields {
  return pick(p, PLACE_FIELDS);
}

function toResponse(p: PlaceEntity): PlaceResponse {
  return {
    id: p.id,
    ...fieldsOf(p),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
