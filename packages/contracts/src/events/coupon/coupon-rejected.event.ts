import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

export const COUPON_REJECT_REASONS = ['NOT_FOUND', 'NOT_OWNER', 'NOT_AVAILABLE', 'EXPIRED'] as const;

/** The order's coupon cannot be used: order-service cancels the order (COUPON_REJECTED). */
export const couponRejected = defineEvent({
  type: 'coupon.rejected',
  version: 1,
  aggregateType: 'coupon',
  payload: z.object({
    orderId: z.uuid(),
    userCouponId: z.uuid(),
    reason: z.enum(COUPON_REJECT_REASONS),
    rejectedAt: z.iso.datetime(),
  }),
});
