import { defineConsumerContract } from '@sneakers/contracts';

/** A payment marks the order PAID; a refund is noted on its timeline. */
export default defineConsumerContract({
  consumer: 'order-service',
  provider: 'payment-service',
  events: [
    { type: 'payment.completed', version: 1, reads: { orderId: 'string', paymentId: 'string', amount: 'integer' } },
    {
      type: 'payment.refunded',
      version: 1,
      reads: { orderId: 'string', paymentId: 'string', amount: 'integer', reason: 'string' },
    },
  ],
});
