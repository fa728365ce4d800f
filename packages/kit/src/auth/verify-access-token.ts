import { KeyObject, verify } from 'node:crypto';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ACCESS_TOKEN } from './access-token';
import { AuthErrors } from './auth-errors';
import { type Identity, ROLES, SELLER_STATUSES } from './identity';

const header = z.object({ alg: z.enum(ACCESS_TOKEN.acceptedAlgorithms), kid: z.string() });

const claims = z.object({
  iss: z.literal(ACCESS_TOKEN.issuer),
  aud: z.union([
    z.literal(ACCESS_TOKEN.audience),
    z.array(z.string()).refine((aud) => aud.includes(ACCESS_TOKEN.audience)),
  ]),
  sub: z.uuid(),
  role: z.enum(ROLES),
  seller_status: z.enum(SELLER_STATUSES).optional(),
  exp: z.number(),
  nbf: z.number().optional(),
  iat: z.number().optional(),
});

export type AccessTokenVerifier = (token: string) => Promise<Identity>;

/** Keys fetched from user-service's JWKS, cached, and re-fetched when an unknown `kid` shows up. */
export function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}

const CACHE_LIMIT = 10_000;

/** How each accepted algorithm checks a signature with node:crypto, and on which kind of key. */
const SIGNATURE_CHECKS = {
  RS256: { keyType: 'rsa', dsaEncoding: undefined },
  ES256: { keyType: 'ec', dsaEncoding: 'ieee-p1363' },
} as const;

/**
 * Verifies signature, issuer, audience and expiry; throws the matching 401 AppError otherwise.
 * jose finds the key by `kid` in the JWKS (fetching and caching it); the signature is checked with
 * node:crypto itself, which costs a fraction of jose's whole verify (per RS256 token on this
 * machine: 0.03 ms against 0.16; ES256: 0.16 against 0.25). A verified token is remembered until it
 * expires: the signature cannot change.
 */
export function accessTokenVerifier(keys: JWTVerifyGetKey): AccessTokenVerifier {
  const verified = new Map<string, { identity: Identity; expiresAt: number }>();
  // The key set hands back the same imported key for a kid, so its KeyObject is made once.
  const keyObjects = new WeakMap<CryptoKey, KeyObject>();
  const keyObjectOf = (key: unknown): KeyObject => {
    if (key instanceof KeyObject) return key;
    if (!(key instanceof CryptoKey)) throw AuthErrors.invalidToken();
    let keyObject = keyObjects.get(key);
    if (!keyObject) {
      keyObject = KeyObject.from(key);
      keyObjects.set(key, keyObject);
    }
    return keyObject;
  };

  return async (token) => {
    const cached = verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.identity;
    if (cached) verified.delete(token);

    const [encodedHeader, encodedPayload, signature, ...rest] = token.split('.');
    if (!encodedHeader || !encodedPayload || !signature || rest.length > 0) throw AuthErrors.invalidToken();
    const parsedHeader = header.safeParse(decodeJson(encodedHeader));
    if (!parsedHeader.success) throw AuthErrors.invalidToken();
    const { alg, kid } = parsedHeader.data;
    let found: unknown;
    try {
      found = await keys({ alg, kid }, { payload: encodedPayload, signature, protected: encodedHeader });
    } catch (error) {
      // No key for that kid (or alg) is a bad token; a key set that cannot be fetched is not.
      throw error instanceof errors.JOSEError ? AuthErrors.invalidToken() : error;
    }
    const key = keyObjectOf(found);
    const check = SIGNATURE_CHECKS[alg];
    if (key.asymmetricKeyType !== check.keyType) throw AuthErrors.invalidToken();
    const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    const signatureBytes = Buffer.from(signature, 'base64url');
    if (!verify('sha256', signed, { key, dsaEncoding: check.dsaEncoding }, signatureBytes))
      throw AuthErrors.invalidToken();

    const parsed = claims.safeParse(decodeJson(encodedPayload));
    if (!parsed.success) throw AuthErrors.invalidToken('The access token lacks the claims we issue.');
    const { sub, role, seller_status, exp, nbf, iat } = parsed.data;
    const now = Date.now();
    if (exp * 1000 <= now) throw AuthErrors.expiredToken();
    if (nbf !== undefined && nbf * 1000 > now) throw AuthErrors.invalidToken();
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
  };
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
