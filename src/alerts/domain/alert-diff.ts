import type { AlertRule } from './alert-rules.js';

/** An alert that is open or acknowledged: still maintained by the scan. */
export interface UnresolvedAlert {
  id: string;
  rule: AlertRule;
  subjectId: string;
  /** Besides the subject, what tells this rule's alerts apart ('' where the subject alone does). */
  subjectKey: string;
}

/**
 * What a scan changes: candidates without an unresolved alert are raised
 * (the database's (rule, subject, key) constraint still refuses one already
 * resolved), and unresolved alerts no candidate holds up any more are
 * resolved. Everything else stays as it is.
 */
export function diffAlerts<C extends { rule: AlertRule; subjectId: string; subjectKey?: string }>(
  candidates: readonly C[],
  unresolved: readonly UnresolvedAlert[],
): { toRaise: C[]; toResolve: string[] } {
  const keyOf = (rule: AlertRule, subjectId: string, subjectKey: string) =>
    `${rule}\u0000${subjectId}\u0000${subjectKey}`;
  const held = new Set(candidates.map((c) => keyOf(c.rule, c.subjectId, c.subjectKey ?? '')));
  const open = new Set(unresolved.map((a) => keyOf(a.rule, a.subjectId, a.subjectKey)));
  return {
    toRaise: candidates.filter((c) => !open.has(keyOf(c.rule, c.subjectId, c.subjectKey ?? ''))),
    toResolve: unresolved.filter((a) => !held.has(keyOf(a.rule, a.subjectId, a.subjectKey))).map((a) => a.id),
  };
}
