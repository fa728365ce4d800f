import { randomUUID } from 'node:crypto';
import type { TokenPairView } from '@sneakers/contracts';
import { ACCESS_TOKEN } from '@sneakers/kit';
import type { Tx } from '../prisma';
import type { User } from '../user/domain/user';
import { issueAccessToken } from './access-token-issuer';
import type { AuthDeps } from './auth.deps';
import { newRefreshToken } from './domain/refresh-token';
import { insertRefreshToken } from './refresh-token.repository';

/** A new access token and a new member of the refresh-token family (a log-in starts a family). */
export async function issueTokenPair(
  db: Tx,
  deps: Pick<AuthDeps, 'signingKeys' | 'refreshTokenTtlSeconds'>,
  user: User,
  familyId: string,
  now: Date,
): Promise<TokenPairView> {
  const { token, tokenHash } = newRefreshToken();
  await insertRefreshToken(db, {
    id: randomUUID(),
    familyId,
    userId: user.id,
    tokenHash,
    expiresAt: new Date(now.getTime() + deps.refreshTokenTtlSeconds * 1000),
    revokedAt: null,
    createdAt: now,
  });
  return {
    tokenType: 'Bearer',
    accessToken: await issueAccessToken(db, deps.signingKeys, user, now),
    expiresIn: ACCESS_TOKEN.ttlSeconds,
    refreshToken: token,
    refreshExpiresIn: deps.refreshTokenTtlSeconds,
  };
}
