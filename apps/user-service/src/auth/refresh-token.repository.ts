import type { Tx } from '../prisma';

export interface StoredRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function insertRefreshToken(
  db: Tx,
  token: StoredRefreshToken & { tokenHash: string; createdAt: Date },
): Promise<void> {
  await db.refreshToken.create({ data: token });
}

export async function findRefreshToken(db: Tx, tokenHash: string): Promise<StoredRefreshToken | null> {
  return db.refreshToken.findUnique({
    where: { tokenHash },
    select: { id: true, familyId: true, userId: true, expiresAt: true, revokedAt: true },
  });
}

/** Locks the row so two refreshes with one token are decided one after the other. */
export async function lockRefreshToken(db: Tx, tokenHash: string): Promise<StoredRefreshToken | null> {
  const [row] = await db.$queryRaw<StoredRefreshToken[]>`
    SELECT id, family_id AS "familyId", user_id AS "userId", expires_at AS "expiresAt", revoked_at AS "revokedAt"
    FROM refresh_tokens WHERE token_hash = ${tokenHash} FOR UPDATE`;
  return row ?? null;
}

export async function revokeRefreshToken(db: Tx, id: string, at: Date): Promise<void> {
  await db.refreshToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
}

export async function revokeRefreshTokenFamily(db: Tx, familyId: string, at: Date): Promise<void> {
  await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at } });
}
