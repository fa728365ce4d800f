import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

export const REFUND_REASONS = ['EXPIRED_AFTER_PAYMENT', 'ORDER_CANCELLED', 'CANCELLED_BY_BUYER'] as const;

/** Money went back to the buyer's balance, e.g. a payment that raced the order's expiry. */
export const paymentRefunded = defineEvent({
  type: 'payment.refunded',
  version: 1,
  aggregateType: 'payment',
  payload: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    buyerId: z.uuid(),
    amount: z.number().int().nonnegative(),
    reason: z.enum(REFUND_REASONS),
    refundedAt: z.iso.datetime(),
  }),
});
