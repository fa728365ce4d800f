import './instrumentation';
import { once } from 'node:events';
import {
  accessTokenVerifier,
  createLogger,
  loadConfigOrExit,
  PUBLIC_ROUTES,
  remoteKeySet,
  serve,
  shutdownTelemetry,
} from '@sneakers/shared';
import { Redis } from 'ioredis';
import { createGatewayApp } from './app';
import { gatewayEnv, upstreamsOf } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(gatewayEnv);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  // No offline queue: while Redis is down a rate-limit check fails at once (and is let through).
  const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis unavailable'));
  // The limiter loads its Lua script when it is created: give Redis a moment to be there first.
  await Promise.race([once(redis, 'ready'), new Promise((resolve) => setTimeout(resolve, 5000))]);

  const app = createGatewayApp({
    logger,
    routes: PUBLIC_ROUTES,
    upstreams: upstreamsOf(config),
    verifyAccessToken: accessTokenVerifier(remoteKeySet(config.JWKS_URL)),
    redis,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
    bodyLimit: config.HTTP_BODY_LIMIT,
  });
  await serve(app, {
    port: config.PORT,
    logger,
    drain: [
      { name: 'redis', stop: async () => void (await redis.quit()) },
      { name: 'telemetry', stop: shutdownTelemetry },
    ],
  });
}

void main();
