import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** A listed product changed what others may copy of it: its name, price or status. */
export const productUpdated = defineEvent({
  type: 'product.updated',
  version: 1,
  aggregateType: 'product',
  payload: z.object({
    productId: z.uuid(),
    sellerId: z.uuid(),
    brand: z.string(),
    modelName: z.string(),
    price: z.number().int().positive(),
    status: z.enum(['DRAFT', 'ON_SALE', 'SOLD_OUT', 'DISCONTINUED']),
    updatedAt: z.iso.datetime(),
  }),
});
