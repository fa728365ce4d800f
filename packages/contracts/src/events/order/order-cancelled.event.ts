import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

export const ORDER_CANCEL_REASONS = [
  'OUT_OF_STOCK',
  'NOT_ON_SALE',
  'UNKNOWN_SKU',
  'COUPON_REJECTED',
  'MIN_ORDER_NOT_MET',
  'CANCELLED_BY_BUYER',
  'EXPIRED',
  'EXPIRED_AFTER_PAYMENT',
] as const;

/** An order will not be paid: every reservation made for it must be released (compensation). */
export const orderCancelled = defineEvent({
  type: 'order.cancelled',
  version: 1,
  aggregateType: 'order',
  payload: z.object({
    orderId: z.uuid(),
    buyerId: z.uuid(),
    reason: z.enum(ORDER_CANCEL_REASONS),
    userCouponId: z.uuid().optional(),
    cancelledAt: z.iso.datetime(),
  }),
});
