import { createHash, randomBytes } from 'node:crypto';

/**
 * 256 random bits: unguessable, so a fast SHA-256 is enough to store them (a slow hash protects
 * low-entropy secrets such as passwords, and would only slow every refresh here).
 */
export function newRefreshToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
