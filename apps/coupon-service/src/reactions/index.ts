import { keepSellerStatuses } from '@sneakers/contracts';
import type { Reaction } from '@sneakers/kit';
import { releaseCouponWhenOrderCancelled } from '../coupon/reactions/release-coupon-when-order-cancelled';
import { reserveCouponWhenOrderPlaced } from '../coupon/reactions/reserve-coupon-when-order-placed';
import { useCouponWhenOrderPaid } from '../coupon/reactions/use-coupon-when-order-paid';
import type { Tx } from '../prisma';

/** Every event this service reacts to, in one list. */
export const reactions: Reaction<Tx>[] = [
  reserveCouponWhenOrderPlaced,
  releaseCouponWhenOrderCancelled,
  useCouponWhenOrderPaid,
  ...keepSellerStatuses<Tx>(),
];
