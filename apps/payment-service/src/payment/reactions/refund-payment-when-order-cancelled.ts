import { orderCancelled } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { recordCancelled } from '../payable-order.repository';
import { refundPaymentOfCancelledOrder } from '../use-cases/refund-payment/refund-payment.use-case';

/**
 * The order will not be paid: no payment is taken from now on, and money already taken for it (a
 * payment that raced the expiry) goes back, in the same transaction as recording the cancel.
 */
export const refundPaymentWhenOrderCancelled = react(orderCancelled, async ({ payload }, tx: Tx) => {
  await recordCancelled(tx, { orderId: payload.orderId, buyerId: payload.buyerId, reason: payload.reason });
  await refundPaymentOfCancelledOrder(tx, { orderId: payload.orderId, cancelReason: payload.reason });
});
