import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** Payment went through: stock reserved for it is sold, its coupon is used. */
export const orderPaid = defineEvent({
  type: 'order.paid',
  version: 1,
  aggregateType: 'order',
  payload: z.object({
    orderId: z.uuid(),
    buyerId: z.uuid(),
    lines: z.array(z.object({ skuId: z.uuid(), productId: z.uuid(), quantity: z.number().int().positive() })).min(1),
    userCouponId: z.uuid().optional(),
    amount: z.number().int().nonnegative(),
    paidAt: z.iso.datetime(),
  }),
});
