import { defineConsumerContract } from '@sneakers/contracts';

/** Clients pick a size's SKU from a product's detail and watch its availability. */
export default defineConsumerContract({
  consumer: 'gateway clients (e2e tests)',
  provider: 'catalog-service',
  responses: [
    {
      route: 'GET /products/{productId}',
      status: 200,
      reads: { id: 'string', 'sizes[].sizeMm': 'integer', 'sizes[].skuId': 'string', 'sizes[].available': 'integer' },
    },
  ],
});
