import { orderAwaitingPayment, orderCancelled, orderPaid, orderPlaced } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Tx } from '../prisma';
import type { Order, Outcome } from './domain/order';

/** Wakes `Prefer: wait` requests on every instance (see PgChangeWaiter); see `recordSteps`. */
export const ORDER_CHANGED_CHANNEL = 'order_changed';

export async function announcePlaced(tx: Tx, order: Order): Promise<string> {
  await writeOutboxEvent(tx, orderPlaced, {
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      buyerId: order.buyerId,
      lines: order.lines.map(({ skuId, quantity }) => ({ skuId, quantity })),
      ...(order.userCouponId ? { userCouponId: order.userCouponId } : {}),
      placedAt: order.placedAt.toISOString(),
    },
  });
  return orderPlaced.type;
}

/** Writes the event that tells the other services about `outcome`; returns its type. */
export async function announce(tx: Tx, order: Order, outcome: NonNullable<Outcome>): Promise<string> {
  const base = { orderId: order.id, buyerId: order.buyerId };
  const coupon = order.userCouponId ? { userCouponId: order.userCouponId } : {};
  const at = order.updatedAt.toISOString();
  switch (outcome) {
    case 'AWAITING_PAYMENT':
      await writeOutboxEvent(tx, orderAwaitingPayment, {
        aggregateId: order.id,
        payload: {
          ...base,
          subtotal: order.subtotal ?? 0,
          discount: order.discount ?? 0,
          amount: order.amount ?? 0,
          paymentDeadline: (order.paymentDeadline ?? order.updatedAt).toISOString(),
          awaitingSince: at,
        },
      });
      return orderAwaitingPayment.type;
    case 'PAID':
      await writeOutboxEvent(tx, orderPaid, {
        aggregateId: order.id,
        payload: {
          ...base,
          ...coupon,
          lines: order.lines.map(({ skuId, productId, quantity }) => ({ skuId, productId: productId ?? '', quantity })),
          amount: order.amount ?? 0,
          paidAt: at,
        },
      });
      return orderPaid.type;
    case 'CANCELLED':
    case 'EXPIRED':
      await writeOutboxEvent(tx, orderCancelled, {
        aggregateId: order.id,
        payload: { ...base, ...coupon, reason: order.cancelReason ?? 'EXPIRED', cancelledAt: at },
      });
      return orderCancelled.type;
  }
}
