import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { isAgencyKind, isRole, type Actor, type AgencyKind, type Role } from '../authz/domain/roles.js';
import { isUuid } from '../common/ids.js';
import { TokenValidity } from './token-validity.js';

interface AccessClaims {
  iat?: number;
  sub: string;
  role: Role;
  agency: string | null;
  agencyKind: AgencyKind | null;
  conflicts: string[];
}

/**
 * Access tokens: HS256 only (pinned on both sides, so `alg: none` or an RSA
 * public key used as an HMAC secret are refused), with issuer, audience and
 * expiry checked. They carry the role and agency the permissions need, so a
 * request costs no database read; a changed role takes effect when the token
 * expires (JWT_EXPIRES_IN_SECONDS, 15 minutes by default). Disabling a user,
 * or setting their password, ends their tokens at once ({@link TokenValidity}).
 */
@Injectable()
export class AccessTokens {
  /** Built once: given a string, jsonwebtoken would first try (and fail) to read it as a public key on every call. */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly validity: TokenValidity,
  ) {
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
  }

  async issue(actor: Actor): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const claims: AccessClaims = {
      sub: actor.id,
      role: actor.role,
      agency: actor.agencyId,
      agencyKind: actor.agencyKind,
      conflicts: [...actor.conflictAgencyIds],
    };
    const a = this.config.auth;
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.key as unknown as string,
      algorithm: 'HS256',
      issuer: a.jwtIssuer,
      audience: a.jwtAudience,
      expiresIn: a.jwtExpiresInSeconds,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: a.jwtExpiresInSeconds };
  }

  /** The actor the token speaks for, or undefined for any token this service did not issue. */
  async verify(token: string): Promise<Actor | undefined> {
    const a = this.config.auth;
    // Unknown until checked below: a token this service signed may still predate a change of roles.
    let claims: Partial<Record<keyof AccessClaims | 'exp', unknown>>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
        issuer: a.jwtIssuer,
        audience: a.jwtAudience,
      });
    } catch {
      return undefined;
    }
    if (
      // jsonwebtoken checks `exp` only when present: a token without one would never expire.
      typeof claims.exp !== 'number' ||
      typeof claims.iat !== 'number' ||
      !isUuid(claims.sub) ||
      !isRole(claims.role) ||
      !(claims.agency === null || isUuid(claims.agency)) ||
      !(claims.agencyKind === null || isAgencyKind(claims.agencyKind)) ||
      !Array.isArray(claims.conflicts) ||
      !claims.conflicts.every(isUuid)
    ) {
      return undefined;
    }
    if (!(await this.validity.accepts(claims.sub, claims.iat))) return undefined;
    return {
      kind: 'user',
      id: claims.sub,
      role: claims.role,
      agencyId: claims.agency,
      agencyKind: claims.agencyKind,
      conflictAgencyIds: claims.conflicts,
    };
  }
}
