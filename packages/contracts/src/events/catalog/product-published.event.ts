import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** A product went on sale (coupon scopes and search read models start listing it). */
export const productPublished = defineEvent({
  type: 'product.published',
  version: 1,
  aggregateType: 'product',
  payload: z.object({
    productId: z.uuid(),
    sellerId: z.uuid(),
    brand: z.string(),
    modelName: z.string(),
    price: z.number().int().positive(),
    publishedAt: z.iso.datetime(),
  }),
});
