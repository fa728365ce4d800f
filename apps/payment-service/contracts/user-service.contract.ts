import { defineConsumerContract } from '@sneakers/contracts';

/** Buyers get a wallet as soon as they register. */
export default defineConsumerContract({
  consumer: 'payment-service',
  provider: 'user-service',
  events: [{ type: 'user.registered', version: 1, reads: { userId: 'string', role: 'string' } }],
});
