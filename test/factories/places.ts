import type { TestApp } from '../support/test-app.js';
import type { Session } from './session.js';

let counter = 0;

export interface Place {
  id: string;
  agencyId: string;
  name: string;
  kind: string;
  region: string;
  capacity: number | null;
  active: boolean;
}

export function placeBody(agencyId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    agencyId,
    name: `Holding room ${process.pid}-${counter}`,
    kind: 'holding_room',
    region: 'North',
    ...overrides,
  };
}

/** A place created by `by` (the commissioner, an admin or a supervisor of the agency). */
export async function createPlace(
  t: TestApp,
  by: Session,
  agencyId: string,
  overrides: Record<string, unknown> = {},
): Promise<Place> {
  const res = await t.http().post('/api/v1/places').set('authorization', by.auth).send(placeBody(agencyId, overrides));
  if (res.status !== 201) throw new Error(`create place failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Place;
}
