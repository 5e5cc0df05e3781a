/** Places of detention (SPEC §11): what a place is and which changes to one need the office's rights. */
export const PLACE_KINDS = [
  'border_post',
  'holding_room',
  'removal_centre',
  'police_custody',
  'shelter',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceFields {
  agencyId: string;
  name: string;
  kind: PlaceKind;
  region: string;
  capacity: number | null;
  active: boolean;
}

/** The fields of a place that can change, in the order changes are listed and recorded. */
export const PLACE_FIELDS: readonly (keyof PlaceFields)[] = [
  'agencyId',
  'name',
  'kind',
  'region',
  'capacity',
  'active',
];

export type PlacePatch = Partial<PlaceFields>;

/**
 * The fields a patch really changes, in a fixed order. Sending a field with
 * its current value is no change, so a supervisor may echo back `active`
 * and `agencyId` from a read without being refused.
 */
export function changedFields(current: PlaceFields, patch: PlacePatch): (keyof PlaceFields)[] {
  return PLACE_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== current[f]);
}

/** Deactivating a place that holds people would hide them from the roll and the plan. */
export function deactivates(current: PlaceFields, patch: PlacePatch): boolean {
  return current.active && patch.active === false;
}
