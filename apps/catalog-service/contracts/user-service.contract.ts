import { defineConsumerContract } from '@sneakers/contracts';

/** Each seller's newest status, so a suspension or an approval counts before the seller's token expires. */
export default defineConsumerContract({
  consumer: 'catalog-service',
  provider: 'user-service',
  events: [
    { type: 'seller.approved', version: 1, reads: { sellerId: 'string', approvedAt: 'string' } },
    { type: 'seller.suspended', version: 1, reads: { sellerId: 'string', suspendedAt: 'string' } },
  ],
});
