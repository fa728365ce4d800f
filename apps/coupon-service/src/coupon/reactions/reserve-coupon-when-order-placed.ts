import { orderPlaced } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { reserveCoupon } from '../use-cases/reserve-coupon/reserve-coupon.use-case';
import { withCoupon } from './with-coupon';

/** An order that names a coupon gets it held, or a rejection that cancels the order. */
export const reserveCouponWhenOrderPlaced = react(
  orderPlaced,
  async ({ payload }, tx: Tx) => {
    if (!payload.userCouponId) return;
    await reserveCoupon(tx, {
      orderId: payload.orderId,
      buyerId: payload.buyerId,
      userCouponId: payload.userCouponId,
      placedAt: new Date(payload.placedAt),
    });
  },
  { concerns: withCoupon },
);
