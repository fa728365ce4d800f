import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** The buyer's balance paid for the order (one local transaction: balance, payment, ledger, event). */
export const paymentCompleted = defineEvent({
  type: 'payment.completed',
  version: 1,
  aggregateType: 'payment',
  payload: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    buyerId: z.uuid(),
    amount: z.number().int().nonnegative(),
    paidAt: z.iso.datetime(),
  }),
});
