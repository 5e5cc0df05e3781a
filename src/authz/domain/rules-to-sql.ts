import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectAttributes, SubjectName } from './abilities.js';

/**
 * Turns the caller's rules for (action, subject) into a SQL boolean
 * expression, so lists are filtered by the database, never after fetching.
 * Each query supplies how the subject's attributes map to SQL expressions;
 * an attribute a rule uses but the map lacks is an error, not a silently
 * ignored condition. No applicable rule means `FALSE` (no rows), never "no
 * filter".
 */
export type SqlColumns<S extends SubjectName> = { readonly [K in keyof SubjectAttributes[S]]-?: string };

export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function accessibleSql<S extends SubjectName>(
  ability: AppAbility,
  action: Action,
  subject: S,
  columns: SqlColumns<S>,
  params: SqlParams,
): string {
  const ast = rulesToAST(ability, action, subject);
  if (ast === null) return 'FALSE';
  return toSql(ast, columns, params);
}

type Condition = NonNullable<ReturnType<typeof rulesToAST>>;

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

/**
 * SQL's NULL makes `col = $1` unknown, not false, when the column is NULL.
 * Where no NOT is above a comparison that is harmless (unknown filters the
 * row out like false) and keeps plain comparisons that indexes serve. Under a
 * NOT it would drop rows CASL allows, so there each comparison is made
 * two-valued.
 */
function toSql(node: Condition, columns: Record<string, string>, params: SqlParams, negated = false): string {
  const n = node as unknown as AstNode;
  const twoValued = (predicate: string) => (negated ? `coalesce(${predicate}, false)` : predicate);
  switch (n.operator) {
    case 'and':
    case 'or': {
      const parts = (n.value as Condition[]).map((c) => toSql(c, columns, params, negated));
      if (parts.length === 0) return n.operator === 'and' ? 'TRUE' : 'FALSE';
      return `(${parts.join(n.operator === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not': {
      const inner = (n.value as Condition[]).map((c) => toSql(c, columns, params, !negated));
      return `NOT (${inner.join(' AND ') || 'TRUE'})`;
    }
    case 'eq':
      return n.value === null
        ? `(${column(n, columns)} IS NULL)`
        : `(${twoValued(`${column(n, columns)} = ${params.add(n.value)}`)})`;
    case 'ne':
      return n.value === null
        ? `(${column(n, columns)} IS NOT NULL)`
        : `(${column(n, columns)} IS DISTINCT FROM ${params.add(n.value)})`;
    case 'in':
      return `(${inList(n, columns, params, twoValued)})`;
    case 'nin':
      return `(NOT coalesce(${inList(n, columns, params, (p) => p)}, false))`;
    default:
      throw new Error(`rules-to-sql: operator "${n.operator}" is not supported`);
  }
}

function inList(n: AstNode, columns: Record<string, string>, params: SqlParams, wrap: (p: string) => string): string {
  const values = n.value as unknown[];
  const col = column(n, columns);
  const nonNull = values.filter((v) => v !== null);
  const match = wrap(`${col} = ANY(${params.add(nonNull)})`);
  return values.length > nonNull.length ? `${match} OR ${col} IS NULL` : match;
}

function column(n: AstNode, columns: Record<string, string>): string {
  const sql = n.field === undefined ? undefined : columns[n.field];
  if (sql === undefined) throw new Error(`rules-to-sql: no column for attribute "${String(n.field)}"`);
  return sql;
}
