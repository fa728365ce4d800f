import { decodeCursor, instant, type Page, toPage } from '@sneakers/shared';
import { z } from 'zod';
import type { Tx } from '../../../prisma';
import { listClaimablePolicies as findClaimable } from '../../coupon-policy.repository';
import type { CouponPolicy } from '../../domain/coupon-policy';

const position = z.strictObject({ createdAt: instant(), id: z.uuid() });

/**
 * Policies a buyer could claim at `now`, by the database's count. During a storm the count trails
 * Redis by the claims still committing, so a listed policy may answer SOLD_OUT: the claim decides.
 */
export async function listClaimablePolicies(
  tx: Tx,
  now: Date,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<Page<CouponPolicy>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, position);
  const rows = await findClaimable(tx, {
    now,
    take: limit + 1,
    before: after && { createdAt: new Date(after.createdAt), id: after.id },
  });
  return toPage(
    rows,
    limit,
    (p) => p,
    (p) => ({ createdAt: p.createdAt.toISOString(), id: p.id }),
  );
}
