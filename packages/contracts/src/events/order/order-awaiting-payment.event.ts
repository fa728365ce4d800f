import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** Stock (and coupon) are held: the buyer may pay `amount` until `paymentDeadline`. */
export const orderAwaitingPayment = defineEvent({
  type: 'order.awaiting-payment',
  version: 1,
  aggregateType: 'order',
  payload: z.object({
    orderId: z.uuid(),
    buyerId: z.uuid(),
    subtotal: z.number().int().positive(),
    discount: z.number().int().nonnegative(),
    amount: z.number().int().nonnegative(),
    paymentDeadline: z.iso.datetime(),
    awaitingSince: z.iso.datetime(),
  }),
});
