import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** A buyer placed an order: catalog reserves its stock, coupon-service its coupon (if any). */
export const orderPlaced = defineEvent({
  type: 'order.placed',
  version: 1,
  aggregateType: 'order',
  payload: z.object({
    orderId: z.uuid(),
    buyerId: z.uuid(),
    lines: z
      .array(z.object({ skuId: z.uuid(), quantity: z.number().int().min(1).max(10) }))
      .min(1)
      .max(20),
    userCouponId: z.uuid().optional(),
    placedAt: z.iso.datetime(),
  }),
});
