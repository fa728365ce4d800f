import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { ACCESS_TOKEN } from './access-token';
import { AuthErrors } from './auth-errors';
import { type Identity, ROLES, SELLER_STATUSES } from './identity';

const claims = z.object({
  sub: z.uuid(),
  role: z.enum(ROLES),
  seller_status: z.enum(SELLER_STATUSES).optional(),
  exp: z.number(),
  iat: z.number().optional(),
});

export type AccessTokenVerifier = (token: string) => Promise<Identity>;

/** Keys fetched from user-service's JWKS, cached, and re-fetched when an unknown `kid` shows up. */
export function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}

const CACHE_LIMIT = 10_000;

/**
 * Verifies signature, issuer, audience and expiry; throws the matching 401 AppError otherwise.
 * A verified token is remembered until it expires: the signature cannot change, and checking an
 * ES256 signature on every request was the largest cost of a gateway hop.
 */
export function accessTokenVerifier(keys: JWTVerifyGetKey): AccessTokenVerifier {
  const verified = new Map<string, { identity: Identity; expiresAt: number }>();
  return async (token) => {
    const cached = verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.identity;
    if (cached) verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN.algorithm],
        issuer: ACCESS_TOKEN.issuer,
        audience: ACCESS_TOKEN.audience,
        requiredClaims: ['exp'],
      });
      const parsed = claims.safeParse(payload);
      if (!parsed.success) throw AuthErrors.invalidToken('The access token lacks the claims we issue.');
      const { sub, role, seller_status, exp, iat } = parsed.data;
      const identity: Identity = {
        userId: sub,
        role,
        ...(seller_status ? { sellerStatus: seller_status } : {}),
        ...(iat !== undefined ? { issuedAt: new Date(iat * 1000) } : {}),
      };
      // Map keeps insertion order, so the first key is the oldest entry.
      if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value as string);
      verified.set(token, { identity, expiresAt: exp * 1000 });
      return identity;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw AuthErrors.expiredToken();
      if (error instanceof errors.JOSEError) throw AuthErrors.invalidToken();
      throw error;
    }
  };
}
