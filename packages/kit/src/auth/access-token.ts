/**
 * The access-token contract between user-service (signs) and everyone else (verifies): ES256 JWTs
 * with a `kid`, served as a JWKS so keys can rotate without redeploying verifiers.
 */
export const ACCESS_TOKEN = {
  algorithm: 'ES256',
  issuer: 'sneakers-user-service',
  audience: 'sneakers',
  ttlSeconds: 15 * 60,
  jwksPath: '/.well-known/jwks.json',
} as const;

/** Private claims next to the registered ones (`sub` = user id). */
export interface AccessTokenClaims {
  role: string;
  seller_status?: string;
}
