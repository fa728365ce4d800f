import { orderPaid } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { recordPaid } from '../payable-order.repository';

/** order-service confirmed our payment: the order is PAID (a cancelled one stays cancelled). */
export const recordPaidOrderWhenOrderPaid = react(orderPaid, async ({ payload }, tx: Tx) => {
  await recordPaid(tx, { orderId: payload.orderId, buyerId: payload.buyerId, amount: payload.amount });
});
