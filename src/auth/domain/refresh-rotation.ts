import type { Role } from '../../authz/domain/roles.js';

/** A stored refresh token, as the rotation rule reads it. */
export interface RefreshTokenState {
  role: Role;
  agencyId: string | null;
  /** When the family (the sign-in) began. */
  signedInAt: Date;
  /** When this token was issued: at the sign-in or at the refresh that rotated its predecessor. */
  createdAt: Date;
  /** The family's absolute end. */
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** The account the token speaks for, as it is now. */
export interface TokenHolder {
  disabled: boolean;
  role: Role;
  agencyId: string | null;
  /** Set when a password is set: sessions signed in before it end, as access tokens do. */
  tokensValidAfter: Date | null;
}

export type RefreshRefusal =
  /** The family was revoked (sign-out, reuse, an account change) before. */
  | 'revoked'
  /** The token was rotated already: someone holds a copy of an old cookie. */
  | 'reused'
  /** The family's absolute lifetime is over. */
  | 'expired'
  /** Unused for longer than the idle lifetime. */
  | 'idle'
  /** The account was disabled, its role or agency changed, or its password set since the sign-in. */
  | 'account_changed';

export type RefreshVerdict =
  | { rotate: true }
  | {
      rotate: false;
      reason: RefreshRefusal;
      /** Revoke every token of the family (not needed when it is revoked already). */
      revokeFamily: boolean;
    };

/**
 * What a refresh with this token does (SPEC §15): rotate it, or refuse.
 * A token that was rotated before is a copy in someone else's hands, or the
 * owner's stale one: either way nobody can tell which, so the whole family
 * ends (RFC 9700 §4.14.2, refresh token rotation). Every other refusal ends
 * the family too, so a later reuse meets `revoked` and nothing stays
 * half-alive. Reuse is judged before the lifetimes: an old token replayed
 * after it idled out still says that the family leaked.
 */
export function judgeRefresh(
  token: RefreshTokenState,
  holder: TokenHolder,
  now: Date,
  idleSeconds: number,
): RefreshVerdict {
  const refuse = (reason: RefreshRefusal): RefreshVerdict => ({ rotate: false, reason, revokeFamily: true });
  if (token.revokedAt) return { rotate: false, reason: 'revoked', revokeFamily: false };
  if (token.usedAt) return refuse('reused');
  if (now.getTime() >= token.expiresAt.getTime()) return refuse('expired');
  if (now.getTime() >= token.createdAt.getTime() + idleSeconds * 1000) return refuse('idle');
  if (
    holder.disabled ||
    holder.role !== token.role ||
    holder.agencyId !== token.agencyId ||
    (holder.tokensValidAfter !== null && holder.tokensValidAfter.getTime() > token.signedInAt.getTime())
  ) {
    return refuse('account_changed');
  }
  return { rotate: true };
}

/** Seconds the family has left at `now` (the cookie's Max-Age), never negative. */
export function secondsLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
}
