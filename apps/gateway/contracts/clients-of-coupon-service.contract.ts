import { defineConsumerContract } from '@sneakers/contracts';

/** Clients claim a coupon, order with its id, and watch its status. */
export default defineConsumerContract({
  consumer: 'gateway clients (e2e tests)',
  provider: 'coupon-service',
  responses: [
    { route: 'POST /coupon-policies/{policyId}/claims', status: 201, reads: { id: 'string' } },
    { route: 'GET /coupons/me', status: 200, reads: { 'items[].id': 'string', 'items[].status': 'string' } },
  ],
});
