import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';
import { discountRuleSchema } from '../../discount/discount-rule';

/**
 * The order's coupon is held for it. The rule is a snapshot: order-service prices the order with
 * it (computeDiscount), so a later change to the policy never changes what this coupon is worth.
 */
export const couponReserved = defineEvent({
  type: 'coupon.reserved',
  version: 1,
  aggregateType: 'coupon',
  payload: z.object({
    orderId: z.uuid(),
    userCouponId: z.uuid(),
    buyerId: z.uuid(),
    rule: discountRuleSchema,
    reservedAt: z.iso.datetime(),
  }),
});
