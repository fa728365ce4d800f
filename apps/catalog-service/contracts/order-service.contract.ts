import { defineConsumerContract } from '@sneakers/contracts';

/** Stock is held per line when an order is placed, released on cancel, and sold on the paid day. */
export default defineConsumerContract({
  consumer: 'catalog-service',
  provider: 'order-service',
  events: [
    {
      type: 'order.placed',
      version: 1,
      reads: { orderId: 'string', 'lines[].skuId': 'string', 'lines[].quantity': 'integer' },
    },
    { type: 'order.cancelled', version: 1, reads: { orderId: 'string' } },
    { type: 'order.paid', version: 1, reads: { orderId: 'string', paidAt: 'string' } },
  ],
});
