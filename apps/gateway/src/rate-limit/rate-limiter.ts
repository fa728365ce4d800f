import type { Identity } from '@sneakers/kit';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { GatewayErrors } from '../routing/gateway.errors';
import { SharedWindowStore } from './shared-window-store';

const WINDOW_MS = 60_000;

/**
 * A fixed window per caller (user id when signed in, else the IP), counted in Redis so several
 * gateways share one budget (see SharedWindowStore). If Redis is down the gateway lets requests
 * through rather than failing the whole shop: the limiter protects capacity, it is not a security
 * boundary.
 */
export function rateLimiter(redis: Redis | undefined, perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    passOnStoreError: true,
    keyGenerator: (req, res) => {
      const identity = res.locals.identity as Identity | undefined;
      return identity ? `user:${identity.userId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    // Without Redis (the embedded mode: one gateway) the library's in-memory store counts.
    store: redis ? new SharedWindowStore(redis, 'rl:gateway:') : undefined,
    handler: (_req, _res, next) => next(GatewayErrors.tooManyRequests(Math.ceil(WINDOW_MS / 1000))),
  });
}
