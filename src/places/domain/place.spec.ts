import { changedFields, deactivates, type PlaceFields } from './place.js';

const PLACE: PlaceFields = {
  agencyId: 'a-1',
  name: 'North holding room',
  kind: 'holding_room',
  region: 'North',
  capacity: 12,
  active: true,
};

describe('place changes', () => {
  it('names only the fields whose value differs', () => {
    expect(changedFields(PLACE, { ...PLACE })).toEqual([]);
    expect(changedFields(PLACE, { name: 'South', active: true })).toEqual(['name']);
    expect(changedFields(PLACE, { agencyId: 'a-2', capacity: null, active: false })).toEqual([
      'agencyId',
      'capacity',
      'active',
    ]);
  });

  it('treats an absent field as unchanged and a cleared capacity as a change', () => {
    expect(changedFields(PLACE, {})).toEqual([]);
    expect(changedFields({ ...PLACE, capacity: null }, { capacity: null })).toEqual([]);
    expect(changedFields(PLACE, { capacity: null })).toEqual(['capacity']);
  });

  it('deactivates only an active place set inactive', () => {
    expect(deactivates(PLACE, { active: false })).toBe(true);
    expect(deactivates(PLACE, { active: true })).toBe(false);
    expect(deactivates(PLACE, {})).toBe(false);
    expect(deactivates({ ...PLACE, active: false }, { active: false })).toBe(false);
  });
});
