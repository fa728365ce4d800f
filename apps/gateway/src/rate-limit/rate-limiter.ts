import { createHash } from 'node:crypto';
import type { Identity } from '@sneakers/shared';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore } from 'rate-limit-redis';
import { GatewayErrors } from '../routing/gateway.errors';

const WINDOW_MS = 60_000;

/**
 * A fixed window per caller (user id when signed in, else the IP), counted in Redis so several
 * gateways share one budget. If Redis is down the gateway lets requests through rather than
 * failing the whole shop: the limiter protects capacity, it is not a security boundary.
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
    store: redis
      ? new RedisStore({
          prefix: 'rl:gateway:',
          sendCommand: (command: string, ...args: string[]) => sendCommand(redis, command, args) as never,
        })
      : undefined,
    handler: (_req, _res, next) => next(GatewayErrors.tooManyRequests(Math.ceil(WINDOW_MS / 1000))),
  });
}

/**
 * rate-limit-redis loads its scripts once, at start-up, and keeps the answer: a load that failed
 * because Redis was away failed every later count too, so the gateway never limited again after
 * Redis returned (measured). A script's id is its SHA1, known without Redis: answering a failed
 * load with it makes the first count get NOSCRIPT, on which the store loads the script again.
 */
async function sendCommand(redis: Redis, command: string, args: string[]): Promise<unknown> {
  try {
    return await redis.call(command, ...args);
  } catch (error) {
    const [subcommand, script] = args;
    if (command.toUpperCase() !== 'SCRIPT' || subcommand?.toUpperCase() !== 'LOAD' || script === undefined) throw error;
    return createHash('sha1').update(script).digest('hex');
  }
}
