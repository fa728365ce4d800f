import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/** An admin approved a seller's store: it may now list products and issue coupons. */
export const sellerApproved = defineEvent({
  type: 'seller.approved',
  version: 1,
  aggregateType: 'user',
  payload: z.object({
    sellerId: z.uuid(),
    storeName: z.string().min(1),
    approvedAt: z.iso.datetime(),
  }),
});
