import { defineConsumerContract } from '@sneakers/contracts';

/** Clients top up and check the prepaid balance. */
export default defineConsumerContract({
  consumer: 'gateway clients (e2e tests)',
  provider: 'payment-service',
  responses: [
    { route: 'POST /wallet/charges', status: 201, reads: { 'wallet.balance': 'integer' } },
    { route: 'GET /wallet', status: 200, reads: { balance: 'integer' } },
  ],
});
