import { paymentRefunded } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { findOrder } from '../order.repository';
import { recordSteps } from '../order-steps.repository';

/**
 * The money of a cancelled order went back: nothing changes state (the order already ended), but
 * the timeline shows the buyer was made whole.
 */
export const noteRefundWhenPaymentRefunded = react(paymentRefunded, async ({ eventId, type, payload }, tx: Tx) => {
  const order = await findOrder(tx, payload.orderId);
  if (!order) return;
  await recordSteps(tx, order.id, [
    {
      step: 'REFUNDED',
      status: order.status,
      causedBy: { type, id: eventId },
      detail: { paymentId: payload.paymentId, amount: payload.amount, reason: payload.reason },
    },
  ]);
});
