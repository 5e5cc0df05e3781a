import type pg from 'pg';
import { CANARIES } from './arbitraries.js';

/** The tables a rejected request must leave alone. */
export const COUNTED_TABLES = [
  'agencies',
  'users',
  'api_keys',
  'cases',
  'decision_records',
  'detention_episodes',
  'audit_events',
  'alerts',
  'alert_notifications',
  'sampling_runs',
  'reviews',
  'idempotency_keys',
  'places',
  'visit_plans',
  'visits',
  'visit_findings',
  'recommendations',
  'recommendation_history',
  'investigations',
  'investigation_evidence',
  'investigation_comments',
  'complaints',
  'complaint_reviews',
] as const;

export type RowCounts = Record<(typeof COUNTED_TABLES)[number], number>;

const COUNT_SQL = `SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`;

export async function rowCounts(sql: pg.Pool): Promise<RowCounts> {
  const { rows } = await sql.query<RowCounts>(COUNT_SQL);
  return rows[0];
}

/** `agencies 12→13, audit_events 40→41`, or '' when nothing changed. */
export function countChanges(before: RowCounts, after: RowCounts): string {
  return COUNTED_TABLES.filter((t) => before[t] !== after[t])
    .map((t) => `${t} ${before[t]}→${after[t]}`)
    .join(', ');
}

/** Own property names of the prototypes every object, array and function inherits from. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}

/** Canary properties showing through on a fresh object: prototype pollution. */
export function pollution(): string[] {
  const fresh = {} as Record<string, unknown>;
  return CANARIES.filter((k) => fresh[k] !== undefined || k in Object.prototype);
}

export interface InjectedResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

const STACK = /"stack"|\n\s+at |\bat .+\.(js|ts):\d+/;

/** What is wrong with a response (undefined: nothing): a 5xx, or an error that is not problem details. */
export function responseFault(res: InjectedResponse): string | undefined {
  const status = res.statusCode;
  if (status >= 500) return `status ${status}`;
  if (status < 200 || (status >= 300 && status < 400)) return `unexpected status ${status}`;
  if (status < 400) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/problem\+json\b/.test(type)) return `${status} with content-type ${JSON.stringify(type)}`;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `${status} with a body that is not JSON`;
  }
  const p = body as { type?: unknown; title?: unknown; status?: unknown } | null;
  if (typeof p?.type !== 'string' || typeof p.title !== 'string' || p.status !== status) {
    return `${status} with a body that is not problem details (type, title, status = ${status})`;
  }
  if (STACK.test(res.body)) return `${status} with what looks like a stack trace`;
  return undefined;
}
