import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectName } from '../authz/domain/abilities.js';

export const AUTHORIZE = 'oversight:authorize';

export interface RoutePermission {
  /** The caller needs at least one of these actions on some subject of the type. */
  actions: readonly Action[];
  subject: SubjectName;
}

/**
 * Refuses (403) a caller whose rules allow none of `actions` on any `subject`
 * before the body or query is validated, so a caller who may never use a
 * route learns nothing of what it accepts. Checks on the record itself (404
 * when unreadable, 403 when readable but forbidden) stay in the service.
 */
export const Authorize = (actions: Action | readonly Action[], subject: SubjectName): MethodDecorator =>
  SetMetadata(AUTHORIZE, {
    actions: typeof actions === 'string' ? [actions] : actions,
    subject,
  } satisfies RoutePermission);
