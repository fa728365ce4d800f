import type { TokenPairView } from '@sneakers/contracts';
import { findUserById } from '../../../user/user.repository';
import type { AuthDeps } from '../../auth.deps';
import { hashRefreshToken } from '../../domain/refresh-token';
import { RefreshTokenErrors } from '../../domain/refresh-token.errors';
import { lockRefreshToken, revokeRefreshToken, revokeRefreshTokenFamily } from '../../refresh-token.repository';
import { issueTokenPair } from '../../token-pair';

type Deps = Pick<AuthDeps, 'runInTransaction' | 'signingKeys' | 'refreshTokenTtlSeconds' | 'now'>;

/**
 * Rotation: the presented token is revoked and a new one joins its family. A revoked token coming
 * back means two parties hold copies (one of them a thief), so the whole family is revoked. That
 * revocation must commit, hence the transaction returns its verdict and the error is thrown after.
 * The user is read afresh, so the new access token carries the current role and seller status.
 */
export async function refreshSession(deps: Deps, refreshToken: string): Promise<TokenPairView> {
  const now = deps.now();
  const pair = await deps.runInTransaction(async (tx) => {
    const current = await lockRefreshToken(tx, hashRefreshToken(refreshToken));
    if (!current) return null;
    if (current.revokedAt) {
      await revokeRefreshTokenFamily(tx, current.familyId, now);
      return null;
    }
    const user = await findUserById(tx, current.userId);
    if (!user || current.expiresAt <= now) return null;
    await revokeRefreshToken(tx, current.id, now);
    return issueTokenPair(tx, deps, user, current.familyId, now);
  });
  if (!pair) throw RefreshTokenErrors.invalid();
  return pair;
}
