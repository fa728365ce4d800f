import { defineConsumerContract } from '@sneakers/contracts';

/** Clients place an order, then read its status, price and cancel reason until it settles. */
export default defineConsumerContract({
  consumer: 'gateway clients (e2e tests)',
  provider: 'order-service',
  responses: [
    { route: 'POST /orders', status: 202, reads: { id: 'string', status: 'string' } },
    {
      route: 'GET /orders/{orderId}',
      status: 200,
      reads: {
        id: 'string',
        status: 'string',
        subtotal: 'integer | null',
        discount: 'integer | null',
        amount: 'integer | null',
        cancelReason: 'string | null',
      },
    },
  ],
});
