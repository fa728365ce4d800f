import type { JWK } from 'jose';
import type { Tx } from '../prisma';

export interface StoredSigningKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
  createdAt: Date;
}

/** Keys that may still verify tokens, newest first. */
export async function findActiveSigningKeys(db: Tx): Promise<StoredSigningKey[]> {
  const rows = await db.signingKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: 'desc' } });
  return rows.map((row) => ({
    kid: row.kid,
    publicJwk: row.publicJwk as JWK,
    privateJwk: row.privateJwk as JWK,
    createdAt: row.createdAt,
  }));
}

export async function insertSigningKey(db: Tx, key: StoredSigningKey): Promise<void> {
  await db.signingKey.create({
    data: {
      kid: key.kid,
      publicJwk: { ...key.publicJwk },
      privateJwk: { ...key.privateJwk },
      createdAt: key.createdAt,
    },
  });
}

export async function retireSigningKeys(db: Tx, kids: string[], at: Date): Promise<void> {
  if (kids.length === 0) return;
  await db.signingKey.updateMany({ where: { kid: { in: kids } }, data: { retiredAt: at } });
}
