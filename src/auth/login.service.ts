import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, AgencyKind, Role } from '../authz/domain/roles.js';
import { defineRulesFor } from '../authz/domain/abilities.js';
import { Unauthenticated } from '../common/domain-errors.js';
import type { RequestContext } from '../common/request-context.js';
import { AccessTokens } from './access-tokens.js';
import { LoginThrottle } from './login-throttle.js';
import type { MeResponse, TokenResponse } from './dto.js';
import { verifyPassword } from './passwords.js';

interface LoginRow {
  id: string;
  password_hash: string | null;
  disabled: boolean;
  role: Role;
  agency_id: string | null;
  agency_kind: AgencyKind | null;
  conflict_agency_ids: string[];
}

@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);

  constructor(
    private readonly db: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokens,
  ) {}

  async login(email: string, password: string, address: string): Promise<TokenResponse> {
    return this.tokens.issue(await this.authenticate(email, password, address));
  }

  /** The account these credentials open, under the login limits; Unauthenticated (401) or TooManyRequests (429). */
  async authenticate(email: string, password: string, address: string): Promise<Actor> {
    const normalised = email.trim().toLowerCase();
    // Counted before the password is checked (and undone only when it was right).
    const ticket = await this.throttle.admit(normalised, address);
    const rows = await this.db.query<LoginRow[]>(
      `SELECT u.id, u.password_hash, u.disabled_at IS NOT NULL AS disabled, u.role, u.agency_id,
              a.kind AS agency_kind, u.conflict_agency_ids
         FROM users u LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE u.email = $1`,
      [normalised],
    );
    const user = rows[0];
    // A disabled account, or one whose password was never set, answers exactly as a wrong password.
    const verified = await verifyPassword(user?.password_hash ?? undefined, password);
    if (!verified || user.disabled) {
      this.logger.warn({ event: 'login_failed' }, 'login failed');
      throw new Unauthenticated('The e-mail address or password is wrong.');
    }
    await this.throttle.succeeded(ticket);
    this.logger.log({ event: 'login_succeeded', userId: user.id }, 'login succeeded');
    return {
      kind: 'user',
      id: user.id,
      role: user.role,
      agencyId: user.agency_id,
      agencyKind: user.agency_kind,
      conflictAgencyIds: user.conflict_agency_ids,
    };
  }

  async me(ctx: RequestContext): Promise<MeResponse> {
    const { actor } = ctx;
    const [agency] = actor.agencyId
      ? await this.db.query<MeResponse['agency'][]>(`SELECT id, name, code, kind FROM agencies WHERE id = $1`, [
          actor.agencyId,
        ])
      : [null];
    const [user] =
      actor.kind === 'user'
        ? await this.db.query<{ email: string }[]>(`SELECT email FROM users WHERE id = $1`, [actor.id])
        : [undefined];
    if (actor.kind === 'user' && !user) throw new Unauthenticated('This account no longer exists.');
    return {
      id: actor.id,
      kind: actor.kind,
      email: user?.email ?? null,
      role: actor.role,
      agency: agency ?? null,
      conflictAgencyIds: [...actor.conflictAgencyIds],
      rules: defineRulesFor(actor),
    };
  }
}
