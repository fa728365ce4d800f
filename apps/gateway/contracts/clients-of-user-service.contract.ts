import { defineConsumerContract } from '@sneakers/contracts';

/** Clients sign up and log in, then send the access token as a bearer token. */
export default defineConsumerContract({
  consumer: 'gateway clients (e2e tests)',
  provider: 'user-service',
  responses: [
    { route: 'POST /users/buyers', status: 201, reads: { id: 'string' } },
    { route: 'POST /auth/login', status: 200, reads: { accessToken: 'string' } },
  ],
});
