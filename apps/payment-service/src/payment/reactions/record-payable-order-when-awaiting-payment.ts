import { orderAwaitingPayment } from '@sneakers/contracts';
import { currentTraceHeaders, react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { recordAwaitingPayment } from '../payable-order.repository';

/**
 * The buyer may now pay `amount` until the deadline (unless a cancel or paid got here first). The
 * checkout's trace context is kept with it, so the payment joins the checkout's trace.
 */
export const recordPayableOrderWhenAwaitingPayment = react(orderAwaitingPayment, async ({ payload }, tx: Tx) => {
  await recordAwaitingPayment(tx, {
    orderId: payload.orderId,
    buyerId: payload.buyerId,
    amount: payload.amount,
    paymentDeadline: new Date(payload.paymentDeadline),
    traceHeaders: currentTraceHeaders(),
  });
});
