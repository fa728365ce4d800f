import { defineConsumerContract } from '@sneakers/contracts';

/**
 * The gateway (and every service, through the same packages/kit/src/auth code) verifies access
 * tokens with user-service's public keys, picked by `kid`.
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
        'keys[].crv': 'string',
        'keys[].x': 'string',
        'keys[].y': 'string',
      },
    },
  ],
});
