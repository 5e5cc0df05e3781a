import type { AppAbility } from '../authz/domain/abilities.js';
import type { Actor } from '../authz/domain/roles.js';

/** Who asks, what they may do, and the request id: passed explicitly from controllers to services. */
export interface RequestContext {
  actor: Actor;
  ability: AppAbility;
  requestId: string;
}
