import { defineConsumerContract } from '@sneakers/contracts';

/** The saga prices the order with the reserved lines, or cancels it with the rejection's reason. */
export default defineConsumerContract({
  consumer: 'order-service',
  provider: 'catalog-service',
  events: [
    {
      type: 'stock.reserved',
      version: 1,
      reads: {
        orderId: 'string',
        subtotal: 'integer',
        'lines[].skuId': 'string',
        'lines[].productId': 'string',
        'lines[].sellerId': 'string',
        'lines[].quantity': 'integer',
        'lines[].unitPrice': 'integer',
      },
    },
    { type: 'stock.rejected', version: 1, reads: { orderId: 'string', reason: 'string', skuId: 'string' } },
  ],
});
