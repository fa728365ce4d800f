import type { AuthDeps } from '../../auth.deps';
import { hashRefreshToken } from '../../domain/refresh-token';
import { findRefreshToken, revokeRefreshTokenFamily } from '../../refresh-token.repository';

type Deps = Pick<AuthDeps, 'db' | 'now'>;

/**
 * Ends the session the token belongs to (its whole family). An unknown or already revoked token
 * is not an error: the caller's goal, that the token no longer works, holds either way.
 */
export async function logOut(deps: Deps, refreshToken: string): Promise<void> {
  const token = await findRefreshToken(deps.db, hashRefreshToken(refreshToken));
  if (token) await revokeRefreshTokenFamily(deps.db, token.familyId, deps.now());
}
