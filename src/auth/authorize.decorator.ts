import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectName } from '../authz/domain/abilities.js';

export const AUTHORIZE = 'oversight:authorize';

export interface RoutePermission {
  /** The caller needs at least one of these actions on some subject of the type. */
  actions: readonly Action[];
  subject: SubjectName;
  /** The record the route acts on: the path parameter naming it, and its type when not `subject`. */
  record?: { param: string; subject?: SubjectName };
}

/**
 * Refuses a caller whose rules allow none of `actions` on any `subject`
 * before the body or query is validated, so a caller who may never use a
 * route learns nothing of what it accepts: 403, or 404 when the route names
 * a record the caller may not read (SPEC §2). Checks of the record against
 * conditions stay in the service.
 */
export const Authorize = (
  actions: Action | readonly Action[],
  subject: SubjectName,
  record?: RoutePermission['record'],
): MethodDecorator =>
  SetMetadata(AUTHORIZE, {
    actions: typeof actions === 'string' ? [actions] : actions,
    subject,
    ...(record ? { record } : {}),
  } satisfies RoutePermission);
