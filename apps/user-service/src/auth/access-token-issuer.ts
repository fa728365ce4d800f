import { ACCESS_TOKEN, type AccessTokenClaims } from '@sneakers/kit';
import { SignJWT } from 'jose';
import type { Tx } from '../prisma';
import type { User } from '../user/domain/user';
import type { SigningKeys } from './signing-keys';

/** Sellers carry their status, so every service can refuse an unapproved one without asking us. */
function claimsOf(user: User): AccessTokenClaims {
  return user.role === 'SELLER' ? { role: user.role, seller_status: user.sellerStatus } : { role: user.role };
}

export async function issueAccessToken(db: Tx, keys: SigningKeys, user: User, now: Date): Promise<string> {
  const { kid, alg, privateKey } = await keys.current(db);
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claimsOf(user) })
    .setProtectedHeader({ alg, kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(ACCESS_TOKEN.issuer)
    .setAudience(ACCESS_TOKEN.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN.ttlSeconds)
    .sign(privateKey);
}
