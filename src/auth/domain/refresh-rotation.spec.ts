import { judgeRefresh, secondsLeft, type RefreshTokenState, type TokenHolder } from './refresh-rotation.js';

const IDLE = 30 * 60;
const signedIn = new Date('2026-12-03T08:00:00Z');
const issued = new Date('2026-12-03T09:00:00Z');
const at = (minutesAfterIssue: number) => new Date(issued.getTime() + minutesAfterIssue * 60_000);

const token: RefreshTokenState = {
  role: 'reviewer',
  agencyId: '00000000-0000-4000-8000-000000000001',
  signedInAt: signedIn,
  createdAt: issued,
  expiresAt: new Date('2026-12-03T20:00:00Z'),
  usedAt: null,
  revokedAt: null,
};
const holder: TokenHolder = { disabled: false, role: 'reviewer', agencyId: token.agencyId, tokensValidAfter: null };

describe('judgeRefresh', () => {
  it('rotates a live, unused token of an unchanged account', () => {
    expect(judgeRefresh(token, holder, at(5), IDLE)).toEqual({ rotate: true });
  });

  it.each([
    ['revoked before', { revokedAt: at(1) }, {}, 'revoked', false],
    ['used before (reuse)', { usedAt: at(1) }, {}, 'reused', true],
    ['past the absolute end', { expiresAt: at(5) }, {}, 'expired', true],
    ['idle for the whole idle lifetime', {}, {}, 'idle', true],
    ['of a disabled account', {}, { disabled: true }, 'account_changed', true],
    ['of an account whose role changed', {}, { role: 'analyst' }, 'account_changed', true],
    ['of an account moved to another agency', {}, { agencyId: null }, 'account_changed', true],
    ['of an account that set a password after signing in', {}, { tokensValidAfter: at(-1) }, 'account_changed', true],
  ] as const)('refuses a token %s', (_name, tokenChange, holderChange, reason, revokeFamily) => {
    const now = reason === 'idle' ? at(30) : at(5);
    expect(judgeRefresh({ ...token, ...tokenChange }, { ...holder, ...holderChange }, now, IDLE)).toEqual({
      rotate: false,
      reason,
      revokeFamily,
    });
  });

  it('still rotates one second before the idle lifetime ends, and a password set before the sign-in does not count', () => {
    const now = new Date(issued.getTime() + IDLE * 1000 - 1000);
    expect(judgeRefresh(token, { ...holder, tokensValidAfter: new Date(signedIn.getTime() - 1) }, now, IDLE)).toEqual({
      rotate: true,
    });
  });

  it('calls a reused token reuse even after it idled out or the family expired, so the family still ends', () => {
    const used = { ...token, usedAt: at(1) };
    expect(judgeRefresh(used, holder, at(60), IDLE)).toMatchObject({ reason: 'reused', revokeFamily: true });
    expect(judgeRefresh({ ...used, expiresAt: at(2) }, holder, at(60), IDLE)).toMatchObject({ reason: 'reused' });
  });

  it('calls a used token of a revoked family revoked (nothing left to revoke)', () => {
    expect(judgeRefresh({ ...token, usedAt: at(1), revokedAt: at(2) }, holder, at(3), IDLE)).toEqual({
      rotate: false,
      reason: 'revoked',
      revokeFamily: false,
    });
  });
});

describe('secondsLeft', () => {
  it('counts whole seconds to the end and never goes below zero', () => {
    expect(secondsLeft(at(10), at(0))).toBe(600);
    expect(secondsLeft(new Date(at(0).getTime() + 1999), at(0))).toBe(1);
    expect(secondsLeft(at(0), at(1))).toBe(0);
  });
});
