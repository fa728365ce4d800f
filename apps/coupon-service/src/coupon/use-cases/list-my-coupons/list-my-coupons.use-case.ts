import { decodeCursor, instant, type Page, toPage } from '@sneakers/shared';
import { z } from 'zod';
import type { Tx } from '../../../prisma';
import { type CouponWithPolicy, listBuyerCoupons } from '../../user-coupon.repository';

const position = z.strictObject({ issuedAt: instant(), id: z.uuid() });

/** One page of the buyer's coupons, newest first. */
export async function listMyCoupons(
  tx: Tx,
  buyerId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<Page<CouponWithPolicy>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, position);
  const rows = await listBuyerCoupons(tx, buyerId, {
    take: limit + 1,
    before: after && { issuedAt: new Date(after.issuedAt), id: after.id },
  });
  return toPage(
    rows,
    limit,
    (row) => row,
    ({ coupon }) => ({ issuedAt: coupon.issuedAt.toISOString(), id: coupon.id }),
  );
}
