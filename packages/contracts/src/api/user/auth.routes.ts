import { ACCESS_TOKEN } from '@sneakers/kit';
import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';
import { emailField, tokenPairView } from './user.schemas';

/** Opaque to clients, but always base64url: anything else cannot be one of ours. */
const refreshTokenField = z.string().regex(/^[\w-]{1,256}$/, 'must be a refresh token as issued (base64url)');

// Log-in, refresh and log-out take no Idempotency-Key: a stored replay would keep live tokens in
// plain text in idempotency_keys, and log-out is idempotent by nature.

export const logInRoute = {
  service: 'user-service',
  method: 'post',
  path: '/auth/login',
  summary: 'Log in: a short-lived access token and a refresh token',
  tag: 'auth',
  access: 'public',
  // Login is not where password rules are enforced, only their outer bound.
  body: z.strictObject({ email: emailField, password: z.string().min(1).max(128) }),
  responses: {
    200: { description: 'Signed in.', schema: tokenPairView },
    400: { description: 'Invalid body.' },
    401: { description: 'Unknown email or wrong password (USER.INVALID_CREDENTIALS).' },
  },
} satisfies PlatformRoute;

export const refreshSessionRoute = {
  service: 'user-service',
  method: 'post',
  path: '/auth/refresh',
  summary: 'Trade a refresh token for a new pair (the old one is revoked)',
  tag: 'auth',
  access: 'public',
  body: z.strictObject({ refreshToken: refreshTokenField }),
  responses: {
    200: { description: 'A new pair.', schema: tokenPairView },
    400: { description: 'Invalid body.' },
    401: {
      description:
        'Unknown, expired or revoked refresh token (AUTH.REFRESH_TOKEN_INVALID); reusing a revoked one ends every session it led to.',
    },
  },
} satisfies PlatformRoute;

export const logOutRoute = {
  service: 'user-service',
  method: 'post',
  path: '/auth/logout',
  summary: 'Revoke a refresh token and every token rotated from the same log-in',
  tag: 'auth',
  access: 'public',
  body: z.strictObject({ refreshToken: refreshTokenField }),
  responses: {
    204: { description: 'Revoked (also when the token was unknown or already revoked).' },
    400: { description: 'Invalid body.' },
  },
} satisfies PlatformRoute;

export const jwksRoute = {
  service: 'user-service',
  method: 'get',
  path: ACCESS_TOKEN.jwksPath,
  summary: 'Public keys that verify access tokens (JWKS)',
  tag: 'auth',
  access: 'public',
  responses: {
    200: {
      description: 'Every key a valid token may be signed with; pick by `kid`.',
      schema: z.object({
        keys: z.array(
          z.union([
            z.object({ kty: z.literal('RSA'), n: z.string(), e: z.string(), alg: z.literal('RS256'), kid: z.string() }),
            // Published while tokens signed before the platform moved to RS256 may still be unexpired.
            z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string() }),
          ]),
        ),
      }),
    },
  },
} satisfies PlatformRoute;
