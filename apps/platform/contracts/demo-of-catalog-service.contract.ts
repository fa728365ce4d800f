import { defineConsumerContract } from '@sneakers/contracts';

/** The demo picks a sneaker of the coupon's seller, a size in stock, and prints the top 5. */
export default defineConsumerContract({
  consumer: 'demo walkthrough (npm run demo)',
  provider: 'catalog-service',
  responses: [
    {
      route: 'GET /products',
      status: 200,
      reads: {
        'items[].id': 'string',
        'items[].sellerId': 'string',
        'items[].brand': 'string',
        'items[].modelName': 'string',
        'items[].colorway': 'string',
        'items[].price': 'integer',
      },
    },
    {
      route: 'GET /products/{productId}',
      status: 200,
      reads: { 'sizes[].sizeMm': 'integer', 'sizes[].skuId': 'string', 'sizes[].available': 'integer' },
    },
    {
      route: 'GET /products/popular',
      status: 200,
      reads: {
        'items[].rank': 'integer',
        'items[].unitsSold': 'integer',
        'items[].product.brand': 'string',
        'items[].product.modelName': 'string',
      },
    },
  ],
});
