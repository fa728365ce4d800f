import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** Every line of the order is held for it, priced as the catalog stood at that moment. */
export const stockReserved = defineEvent({
  type: 'stock.reserved',
  version: 1,
  aggregateType: 'stock',
  payload: z.object({
    orderId: z.uuid(),
    lines: z
      .array(
        z.object({
          skuId: z.uuid(),
          productId: z.uuid(),
          sellerId: z.uuid(),
          quantity: z.number().int().positive(),
          unitPrice: z.number().int().positive(),
        }),
      )
      .min(1),
    subtotal: z.number().int().positive(),
    reservedAt: z.iso.datetime(),
  }),
});
