import type { SqlExecutor } from '../db';
import type { SellerStatus } from './identity';

/** A seller's status as of `changedAt` (user-service's clock, as the tokens' `iat`). */
export interface KnownSellerStatus {
  sellerId: string;
  status: SellerStatus;
  changedAt: Date;
}

/**
 * Keeps the newer of the stored and the given status: an event replayed or delivered late never
 * turns a newer decision back.
 */
export async function recordSellerStatus(tx: SqlExecutor, { sellerId, status, changedAt }: KnownSellerStatus) {
  await tx.$executeRawUnsafe(
    `INSERT INTO seller_statuses (seller_id, status, changed_at) VALUES ($1::uuid, $2, $3::timestamptz)
     ON CONFLICT (seller_id) DO UPDATE SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at
     WHERE seller_statuses.changed_at < EXCLUDED.changed_at`,
    sellerId,
    status,
    changedAt.toISOString(),
  );
}

export async function findSellerStatus(db: SqlExecutor, sellerId: string): Promise<KnownSellerStatus | null> {
  const rows = await db.$queryRawUnsafe<Array<{ status: SellerStatus; changed_at: Date }>>(
    'SELECT status, changed_at FROM seller_statuses WHERE seller_id = $1::uuid',
    sellerId,
  );
  const [row] = rows;
  return row ? { sellerId, status: row.status, changedAt: row.changed_at } : null;
}
