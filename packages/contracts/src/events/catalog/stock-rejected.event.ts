import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

export const STOCK_REJECT_REASONS = ['OUT_OF_STOCK', 'NOT_ON_SALE', 'UNKNOWN_SKU'] as const;
export type StockRejectReason = (typeof STOCK_REJECT_REASONS)[number];

/** Nothing of the order is held: `skuId` names the first line that could not be reserved. */
export const stockRejected = defineEvent({
  type: 'stock.rejected',
  version: 1,
  aggregateType: 'stock',
  payload: z.object({
    orderId: z.uuid(),
    reason: z.enum(STOCK_REJECT_REASONS),
    skuId: z.uuid(),
    rejectedAt: z.iso.datetime(),
  }),
});
