import { orderCancelled } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { releaseCoupon } from '../use-cases/release-coupon/release-coupon.use-case';
import { withCoupon } from './with-coupon';

/** A cancelled order gives its coupon back. */
export const releaseCouponWhenOrderCancelled = react(
  orderCancelled,
  async ({ payload }, tx: Tx) => {
    await releaseCoupon(tx, { orderId: payload.orderId, userCouponId: payload.userCouponId });
  },
  { concerns: withCoupon },
);
