import {
  type InstantPosition,
  type Keyset,
  keysetPage,
  type Page,
  type PageRequest,
  positionInstant,
} from '@sneakers/kit';
import { z } from 'zod';
import type { Tx } from '../../../prisma';
import { type CouponWithPolicy, listBuyerCoupons } from '../../user-coupon.repository';

// Newest first by (issued_at, id) of the coupon, whose policy rides along.
const byIssuedAt: Keyset<InstantPosition<'issuedAt'>, CouponWithPolicy> = {
  position: z.strictObject({ issuedAt: positionInstant(), id: z.uuid() }),
  positionOf: ({ coupon }) => ({ issuedAt: coupon.issuedAt, id: coupon.id }),
};

/** One page of the buyer's coupons, newest first. */
export function listMyCoupons(tx: Tx, buyerId: string, query: PageRequest): Promise<Page<CouponWithPolicy>> {
  return keysetPage(query, byIssuedAt, (window) => listBuyerCoupons(tx, buyerId, window));
}
