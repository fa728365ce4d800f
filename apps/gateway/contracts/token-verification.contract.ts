import { defineConsumerContract } from '@sneakers/contracts';

/**
 * The gateway (and every service, through the same packages/kit/src/auth code) verifies access
 * tokens with user-service's public keys, picked by `kid`. The key material depends on `kty` (`n`
 * and `e` for RSA, `crv`, `x` and `y` for an EC key still published from before RS256) and jose
 * reads it by kind; the provider's schema is a union of the two kinds, so neither kind's fields are
 * in every key, and only what every key carries is declared here.
 */
export default defineConsumerContract({
  consumer: 'gateway token verification',
  provider: 'user-service',
  responses: [
    {
      route: 'GET /.well-known/jwks.json',
      status: 200,
      reads: {
        'keys[].kid': 'string',
        'keys[].kty': 'string',
      },
    },
  ],
});
