import type { Tx } from '../../../prisma';
import { recordSettledOrder } from '../../settled-order.repository';
import { moveCoupon } from '../../user-coupon.repository';

/**
 * The compensation of reserveCoupon: the order will not be paid, so its coupon is the buyer's to use
 * again (it still expires on its own date). Only a coupon RESERVED for this very order moves, so a
 * repeat, or a cancel that arrives before its order.placed, has nothing to undo (and the recorded
 * outcome stops that late order.placed from holding the coupon). A paid order is not un-used here.
 */
export async function releaseCoupon(tx: Tx, { orderId, userCouponId }: { orderId: string; userCouponId?: string }) {
  const outcome = await recordSettledOrder(tx, orderId, 'CANCELLED');
  if (outcome !== 'CANCELLED' || !userCouponId) return;
  await moveCoupon(tx, userCouponId, { from: 'RESERVED', to: 'AVAILABLE', orderId: null, whileOrderId: orderId });
}
