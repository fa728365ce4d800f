import { defineConsumerContract } from '@sneakers/contracts';

/** The demo places an order, follows it to AWAITING_PAYMENT and PAID, and prints its timeline. */
export default defineConsumerContract({
  consumer: 'demo walkthrough (npm run demo)',
  provider: 'order-service',
  responses: [
    { route: 'POST /orders', status: 202, reads: { id: 'string', status: 'string' } },
    {
      route: 'GET /orders/{orderId}',
      status: 200,
      reads: {
        status: 'string',
        subtotal: 'integer | null',
        discount: 'integer | null',
        amount: 'integer | null',
        paymentDeadline: 'string | null',
        cancelReason: 'string | null',
      },
    },
    {
      route: 'GET /orders/{orderId}/timeline',
      status: 200,
      reads: { 'steps[].at': 'string', 'steps[].step': 'string', 'steps[].status': 'string' },
    },
  ],
});
