import type { PlaceKind } from '../src/places/domain/place.js';
import type { FrontlineKey } from './case-plans.js';

/**
 * The demo's places of detention (SPEC §11), operated by the two frontline
 * agencies. The case plans detain people at them by key; the seed turns the
 * keys into ids. The first is the busiest on purpose: the walkthrough visits it.
 */
export type DemoPlaceKey =
  | 'bpHolding'
  | 'bpPort'
  | 'bpRemoval'
  | 'bpCrossing'
  | 'bpRail'
  | 'bpAirport'
  | 'bpHighway'
  | 'bpCoach'
  | 'liValley'
  | 'liHarbour'
  | 'liReception'
  | 'liFieldOffice';

export interface DemoPlace {
  key: DemoPlaceKey;
  agency: FrontlineKey;
  name: string;
  kind: PlaceKind;
  region: string;
  capacity?: number;
  /** Registered by DEMO-BP's supervisor (the demo's only agency supervisor) rather than by the administrator. */
  registeredByAgency?: true;
  /** Deactivated by the office as soon as it is registered, before anyone is detained there. */
  closed?: true;
}

export const DEMO_PLACES: readonly DemoPlace[] = [
  {
    key: 'bpHolding',
    agency: 'bp',
    name: 'Northern District holding facility',
    kind: 'holding_room',
    region: 'North',
    capacity: 40,
  },
  {
    key: 'bpPort',
    agency: 'bp',
    name: 'Northhaven port holding rooms',
    kind: 'holding_room',
    region: 'North Coast',
    capacity: 12,
  },
  {
    key: 'bpRemoval',
    agency: 'bp',
    name: 'Central immigration detention centre',
    kind: 'removal_centre',
    region: 'Central',
    capacity: 250,
  },
  {
    key: 'bpCrossing',
    agency: 'bp',
    name: 'Northern crossing border post, custody rooms',
    kind: 'border_post',
    region: 'North',
    capacity: 8,
  },
  {
    key: 'bpRail',
    agency: 'bp',
    name: 'Riverside rail border station, waiting cells',
    kind: 'border_post',
    region: 'Riverside',
    capacity: 6,
  },
  {
    key: 'bpAirport',
    agency: 'bp',
    name: 'Northhaven airport transit zone, interview rooms',
    kind: 'other',
    region: 'North Coast',
    capacity: 10,
  },
  {
    key: 'bpHighway',
    agency: 'bp',
    name: 'Highway 7 checkpoint, temporary cabins',
    kind: 'border_post',
    region: 'North',
    capacity: 4,
    // The cabins were removed when the checkpoint was rebuilt.
    closed: true,
  },
  {
    key: 'bpCoach',
    agency: 'bp',
    name: 'Northhaven coach station, police post',
    kind: 'police_custody',
    region: 'North Coast',
    capacity: 5,
    registeredByAgency: true,
  },
  {
    key: 'liValley',
    agency: 'li',
    name: 'Demo Valley joint-inspection custody suite',
    kind: 'police_custody',
    region: 'Demo Valley',
    capacity: 10,
  },
  {
    key: 'liHarbour',
    agency: 'li',
    name: 'Demo Harbour inspection office, holding room',
    kind: 'holding_room',
    region: 'Demo Harbour',
    capacity: 6,
  },
  {
    key: 'liReception',
    agency: 'li',
    name: 'Worker reception centre, Demo Quarter',
    kind: 'shelter',
    region: 'Demo Quarter',
    capacity: 30,
  },
  {
    key: 'liFieldOffice',
    agency: 'li',
    name: 'Greenhouse district field office',
    kind: 'other',
    region: 'Demo Valley',
    // The inspectorate moved its team to Demo Harbour.
    closed: true,
  },
];

export function demoPlace(key: DemoPlaceKey): DemoPlace {
  return DEMO_PLACES.find((p) => p.key === key)!;
}
