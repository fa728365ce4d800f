import type { Tx } from '../../../prisma';
import { recordSettledOrder } from '../../settled-order.repository';
import { moveCoupon } from '../../user-coupon.repository';

/**
 * The order was paid: the coupon held for it is spent for good. Only a coupon RESERVED for this order
 * moves, so a repeat changes nothing; an order already recorded as cancelled keeps its coupon free
 * (the first outcome seen stands).
 */
export async function useCoupon(tx: Tx, { orderId, userCouponId }: { orderId: string; userCouponId?: string }) {
  const outcome = await recordSettledOrder(tx, orderId, 'PAID');
  if (outcome !== 'PAID' || !userCouponId) return;
  await moveCoupon(tx, userCouponId, { from: 'RESERVED', to: 'USED', orderId, whileOrderId: orderId });
}
