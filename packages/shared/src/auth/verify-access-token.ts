import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { ACCESS_TOKEN } from './access-token';
import { AuthErrors } from './auth-errors';
import { type Identity, ROLES, SELLER_STATUSES } from './identity';

const claims = z.object({
  sub: z.uuid(),
  role: z.enum(ROLES),
  seller_status: z.enum(SELLER_STATUSES).optional(),
});

export type AccessTokenVerifier = (token: string) => Promise<Identity>;

/** Keys fetched from user-service's JWKS, cached, and re-fetched when an unknown `kid` shows up. */
export function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}

/** Verifies signature, issuer, audience and expiry; throws the matching 401 AppError otherwise. */
export function accessTokenVerifier(keys: JWTVerifyGetKey): AccessTokenVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN.algorithm],
        issuer: ACCESS_TOKEN.issuer,
        audience: ACCESS_TOKEN.audience,
      });
      const parsed = claims.safeParse(payload);
      if (!parsed.success) throw AuthErrors.invalidToken('The access token lacks the claims we issue.');
      const { sub, role, seller_status } = parsed.data;
      return { userId: sub, role, ...(seller_status ? { sellerStatus: seller_status } : {}) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw AuthErrors.expiredToken();
      if (error instanceof errors.JOSEError) throw AuthErrors.invalidToken();
      throw error;
    }
  };
}
