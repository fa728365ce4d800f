import { defineConsumerContract } from '@sneakers/contracts';

/** The demo tops up, pays, and shows the balance before and after. */
export default defineConsumerContract({
  consumer: 'demo walkthrough (npm run demo)',
  provider: 'payment-service',
  responses: [
    { route: 'GET /wallet', status: 200, reads: { balance: 'integer' } },
    { route: 'POST /orders/{orderId}/payment', status: 201, reads: { amount: 'integer' } },
  ],
});
