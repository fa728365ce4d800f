import { orderPaid } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { useCoupon } from '../use-cases/use-coupon/use-coupon.use-case';
import { withCoupon } from './with-coupon';

/** A paid order spends its coupon. */
export const useCouponWhenOrderPaid = react(
  orderPaid,
  async ({ payload }, tx: Tx) => {
    await useCoupon(tx, { orderId: payload.orderId, userCouponId: payload.userCouponId });
  },
  { concerns: withCoupon },
);
