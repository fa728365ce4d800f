import { defineConsumerContract } from '@sneakers/contracts';

/** The rule snapshot is what computeDiscount prices the order with. */
export default defineConsumerContract({
  consumer: 'order-service',
  provider: 'coupon-service',
  events: [
    {
      type: 'coupon.reserved',
      version: 1,
      reads: {
        orderId: 'string',
        userCouponId: 'string',
        'rule.type': 'string',
        'rule.value': 'integer',
        'rule.maxDiscount': 'integer | null',
        'rule.minOrderAmount': 'integer',
        'rule.sellerId': 'string',
      },
    },
    { type: 'coupon.rejected', version: 1, reads: { orderId: 'string', userCouponId: 'string', reason: 'string' } },
  ],
});
