import { defineConsumerContract } from '@sneakers/contracts';

/** The demo finds the live coupon policy, reuses an unused coupon of it or claims one. */
export default defineConsumerContract({
  consumer: 'demo walkthrough (npm run demo)',
  provider: 'coupon-service',
  responses: [
    {
      route: 'GET /coupon-policies',
      status: 200,
      reads: {
        'items[].id': 'string',
        'items[].name': 'string',
        'items[].sellerId': 'string',
        'items[].remaining': 'integer',
        'items[].totalQuantity': 'integer',
      },
    },
    {
      route: 'GET /coupons/me',
      status: 200,
      reads: { 'items[].id': 'string', 'items[].policyId': 'string', 'items[].status': 'string' },
    },
    { route: 'POST /coupon-policies/{policyId}/claims', status: 201, reads: { id: 'string' } },
  ],
});
