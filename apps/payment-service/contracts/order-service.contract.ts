import { defineConsumerContract } from '@sneakers/contracts';

/** The payable-orders read model: who may pay how much until when, and what ended. */
export default defineConsumerContract({
  consumer: 'payment-service',
  provider: 'order-service',
  events: [
    {
      type: 'order.awaiting-payment',
      version: 1,
      reads: { orderId: 'string', buyerId: 'string', amount: 'integer', paymentDeadline: 'string' },
    },
    { type: 'order.paid', version: 1, reads: { orderId: 'string', buyerId: 'string', amount: 'integer' } },
    { type: 'order.cancelled', version: 1, reads: { orderId: 'string', buyerId: 'string', reason: 'string' } },
  ],
});
