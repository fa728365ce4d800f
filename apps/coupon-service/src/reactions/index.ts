import type { Reaction } from '@sneakers/shared';
import { releaseCouponWhenOrderCancelled } from '../coupon/reactions/release-coupon-when-order-cancelled';
import { reserveCouponWhenOrderPlaced } from '../coupon/reactions/reserve-coupon-when-order-placed';
import { useCouponWhenOrderPaid } from '../coupon/reactions/use-coupon-when-order-paid';
import type { Tx } from '../prisma';
import { keepSellerStatusWhenApproved, keepSellerStatusWhenSuspended } from '../seller/reactions/keep-seller-status';

/** Every event this service reacts to, in one list. */
export const reactions: Reaction<Tx>[] = [
  reserveCouponWhenOrderPlaced,
  releaseCouponWhenOrderCancelled,
  useCouponWhenOrderPaid,
  keepSellerStatusWhenApproved,
  keepSellerStatusWhenSuspended,
];
