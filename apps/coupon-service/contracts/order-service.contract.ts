import { defineConsumerContract } from '@sneakers/contracts';

/** The order's coupon (when it names one) is held, released on cancel, and spent when paid. */
export default defineConsumerContract({
  consumer: 'coupon-service',
  provider: 'order-service',
  events: [
    {
      type: 'order.placed',
      version: 1,
      reads: { orderId: 'string', buyerId: 'string', userCouponId: 'string?', placedAt: 'string' },
    },
    { type: 'order.cancelled', version: 1, reads: { orderId: 'string', userCouponId: 'string?' } },
    { type: 'order.paid', version: 1, reads: { orderId: 'string', userCouponId: 'string?' } },
  ],
});
