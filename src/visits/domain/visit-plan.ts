import { createHash, createHmac } from 'node:crypto';

/**
 * The visit plan of SPEC §11: `count` places drawn by keyed weighted sampling
 * without replacement (Efraimidis–Spirakis), each with a working day of the
 * window. Pure: the seed, the plan id, the window and the places with their
 * risk inputs are arguments, so anyone holding the seed can recompute a
 * stored plan from what the plan shows, and without the seed nobody can
 * predict it.
 */

export const MIN_PLAN_SEED_BYTES = 16;
export const MAX_PLAN_SEED_BYTES = 64;
/** A longer window is no plan but a programme; it also bounds the work of listing its days. */
export const MAX_WINDOW_DAYS = 366;

const TWO_POW_53 = 2 ** 53;
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The figures a place's risk comes from, taken when the plan is made and stored with it. */
export interface RiskInputs {
  /** People detained at the place now. */
  detainedNow: number;
  /** Detention alerts raised about people detained there, in the 180 days before the plan. */
  alertsLast180Days: number;
  /** Whole days since the place's last started visit; null when it was never visited. */
  daysSinceLastVisit: number | null;
  /** The operating agency's share (0–1) of `concern`/`disagree` findings among its concluded sampled reviews. */
  agencyConcernShare: number;
}

/** Days since a visit beyond which a place counts as "long ago"; a never-visited place counts as this. */
export const LONG_AGO_DAYS = 365;

/**
 * risk(p), in [0, 20): four terms of at most 5 each, so no single figure
 * swamps the others. Counts saturate (x / (x + k) reaches half its weight at
 * k) because the tenth alert says less than the first; days since the last
 * visit grow linearly up to a year. Only + − × ÷ on doubles, so any language
 * recomputes it bit for bit.
 */
export function risk(inputs: RiskInputs): number {
  const detained = Math.max(0, inputs.detainedNow);
  const alerts = Math.max(0, inputs.alertsLast180Days);
  const days = Math.min(LONG_AGO_DAYS, Math.max(0, inputs.daysSinceLastVisit ?? LONG_AGO_DAYS));
  const share = Math.min(1, Math.max(0, inputs.agencyConcernShare));
  return (5 * detained) / (detained + 10) + (5 * alerts) / (alerts + 5) + (5 * days) / LONG_AGO_DAYS + 5 * share;
}

/** H(label): the first 8 bytes of HMAC-SHA256(seed, UTF-8 label), unsigned big-endian, shifted right by 11. */
export function h(seed: Buffer, label: string): number {
  const mac = createHmac('sha256', seed).update(label, 'utf8').digest();
  return Number(mac.readBigUInt64BE(0) >> 11n);
}

/** U(label) = (H(label) + 0.5) / 2^53, in (0, 1). */
export function u(seed: Buffer, label: string): number {
  return (h(seed, label) + 0.5) / TWO_POW_53;
}

export interface WeightedPlace {
  id: string;
  weight: number;
}

/**
 * The `count` places with the largest keys U("visit-plan:" + planId + ":" + id) ^ (1 / weight), ties by place
 * id; in key order.
 */
export function drawPlaces(seed: Buffer, planId: string, places: readonly WeightedPlace[], count: number): string[] {
  return places
    .map((p) => ({ id: p.id, key: u(seed, `visit-plan:${planId}:${p.id}`) ** (1 / p.weight) }))
    .sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, count)
    .map((p) => p.id);
}

/** The window's Monday–Friday dates (UTC, `YYYY-MM-DD`), in order. */
export function workingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** SHA-256 (hex) of the JSON of the [placeId, day] pairs sorted by place id, without spaces. */
export function planDigest(visits: readonly PlannedVisit[]): string {
  const pairs = [...visits]
    .sort((a, b) => (a.placeId < b.placeId ? -1 : a.placeId > b.placeId ? 1 : 0))
    .map((v) => [v.placeId, v.day]);
  return createHash('sha256').update(JSON.stringify(pairs), 'utf8').digest('hex');
}

export interface PlanRequest {
  planId: string;
  seed: Buffer;
  /** UTC dates `YYYY-MM-DD`, both inclusive. */
  from: string;
  to: string;
  count: number;
  /** Every active place, with its risk inputs. */
  places: readonly { id: string; inputs: RiskInputs }[];
}

export interface ConsideredPlace {
  placeId: string;
  inputs: RiskInputs;
  risk: number;
  weight: number;
}

export interface PlannedVisit {
  placeId: string;
  day: string;
}

export interface VisitPlan {
  considered: ConsideredPlace[];
  /** In draw order (largest key first). */
  visits: PlannedVisit[];
  digest: string;
}

export interface PlanRejection {
  code: 'invalid-window' | 'no-working-day' | 'too-many-visits' | 'invalid-seed';
  field: 'from' | 'to' | 'count' | 'seed';
  message: string;
}

export type PlanOutcome = { ok: true; plan: VisitPlan } | { ok: false; rejection: PlanRejection };

export function planVisits(request: PlanRequest): PlanOutcome {
  const rejected = rejectionOf(request);
  if (rejected) return rejected;
  const days = workingDays(request.from, request.to);
  if (days.length === 0) {
    return reject('no-working-day', 'to', 'The window has no Monday–Friday date to visit on.');
  }
  const considered = [...request.places]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      const r = risk(p.inputs);
      return { placeId: p.id, inputs: p.inputs, risk: r, weight: 1 + r };
    });
  const drawn = drawPlaces(
    request.seed,
    request.planId,
    considered.map((p) => ({ id: p.placeId, weight: p.weight })),
    request.count,
  );
  const visits = drawn.map((placeId) => ({
    placeId,
    day: days[Math.floor(u(request.seed, `visit-day:${request.planId}:${placeId}`) * days.length)],
  }));
  return { ok: true, plan: { considered, visits, digest: planDigest(visits) } };
}

function rejectionOf(r: PlanRequest): PlanOutcome | undefined {
  if (r.seed.length < MIN_PLAN_SEED_BYTES || r.seed.length > MAX_PLAN_SEED_BYTES) {
    return reject('invalid-seed', 'seed', `The seed must be ${MIN_PLAN_SEED_BYTES}–${MAX_PLAN_SEED_BYTES} bytes.`);
  }
  if (!isDate(r.from)) return reject('invalid-window', 'from', 'from must be a date YYYY-MM-DD.');
  if (!isDate(r.to)) return reject('invalid-window', 'to', 'to must be a date YYYY-MM-DD.');
  const span = (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS;
  if (span < 0) return reject('invalid-window', 'to', 'to may not be before from.');
  if (span >= MAX_WINDOW_DAYS)
    return reject('invalid-window', 'to', `The window may span at most ${MAX_WINDOW_DAYS} days.`);
  if (!Number.isInteger(r.count) || r.count < 1) return reject('too-many-visits', 'count', 'count must be 1 or more.');
  if (r.count > r.places.length) {
    return reject(
      'too-many-visits',
      'count',
      `count (${r.count}) is more than the ${r.places.length} active places there are to visit.`,
    );
  }
  return undefined;
}

function reject(code: PlanRejection['code'], field: PlanRejection['field'], message: string): PlanOutcome {
  return { ok: false, rejection: { code, field, message } };
}

/** A real calendar date: `2026-02-30` parses in JavaScript (as March 2) but is no date. */
export function isDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}
