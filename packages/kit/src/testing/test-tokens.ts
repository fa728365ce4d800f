import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { ACCESS_TOKEN, type AccessTokenVerifier, accessTokenVerifier, type Identity } from '../auth';

export interface TestTokens {
  jwks: { keys: JWK[] };
  verifier: AccessTokenVerifier;
  /** A token for `identity`; `expiresIn` in seconds (negative = already expired). */
  sign: (identity: Identity, options?: { expiresIn?: number }) => Promise<string>;
}

/** A key pair of our own, so tests mint real tokens that services verify as in production. */
export async function createTestTokens(): Promise<TestTokens> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN.algorithm, { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: ACCESS_TOKEN.algorithm, use: 'sig' };
  const jwks = { keys: [jwk] };
  return {
    jwks,
    verifier: accessTokenVerifier(createLocalJWKSet(jwks)),
    sign: ({ userId, role, sellerStatus }, { expiresIn = ACCESS_TOKEN.ttlSeconds } = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ role, ...(sellerStatus ? { seller_status: sellerStatus } : {}) })
        .setProtectedHeader({ alg: ACCESS_TOKEN.algorithm, kid })
        .setSubject(userId)
        .setIssuer(ACCESS_TOKEN.issuer)
        .setAudience(ACCESS_TOKEN.audience)
        .setIssuedAt(now)
        .setExpirationTime(now + expiresIn)
        .sign(privateKey);
    },
  };
}
