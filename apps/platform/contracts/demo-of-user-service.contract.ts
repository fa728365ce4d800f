import { defineConsumerContract } from '@sneakers/contracts';

/** The demo signs in and sends the access token as a bearer token. */
export default defineConsumerContract({
  consumer: 'demo walkthrough (npm run demo)',
  provider: 'user-service',
  responses: [{ route: 'POST /auth/login', status: 200, reads: { accessToken: 'string' } }],
});
