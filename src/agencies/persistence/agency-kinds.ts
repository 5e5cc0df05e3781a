import type { EntityManager } from 'typeorm';
import type { AgencyKind } from '../../authz/domain/roles.js';

/** The kind of each agency among `ids` that exists (unknown ids are absent from the map). */
export async function agencyKinds(
  manager: Pick<EntityManager, 'query'>,
  ids: string[],
): Promise<Map<string, AgencyKind>> {
  const rows = await manager.query<{ id: string; kind: AgencyKind }[]>(
    `SELECT id, kind FROM agencies WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.kind]));
}
