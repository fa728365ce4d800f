import { PUBLIC_ROUTES } from '@sneakers/contracts';
import type { Logger } from '@sneakers/kit';
import {
  accessTokenVerifier,
  createLogger,
  createServiceMetrics,
  IN_MEMORY_REDIS,
  loadConfigOrExit,
  remoteKeySet,
  type ServiceStartOptions,
  serve,
  shutdownTelemetry,
} from '@sneakers/kit';
import { Redis } from 'ioredis';
import { createGatewayApp } from './app';
import { gatewayEnv, upstreamsOf } from './config';

export async function startGateway({ env = process.env, ownsProcess = true }: ServiceStartOptions = {}) {
  const config = loadConfigOrExit(gatewayEnv, env);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const redis = config.REDIS_URL === IN_MEMORY_REDIS ? undefined : connectRedis(config.REDIS_URL, logger);

  const app = createGatewayApp({
    logger,
    routes: PUBLIC_ROUTES,
    upstreams: upstreamsOf(config),
    verifyAccessToken: accessTokenVerifier(remoteKeySet(config.JWKS_URL)),
    redis,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
    bodyLimit: config.HTTP_BODY_LIMIT,
    metrics: createServiceMetrics('gateway'),
  });
  return serve(app, {
    port: config.PORT,
    logger,
    handleSignals: ownsProcess,
    drain: [
      ...(redis ? [{ name: 'redis', stop: async () => void (await redis.quit()) }] : []),
      ...(ownsProcess ? [{ name: 'telemetry', stop: shutdownTelemetry }] : []),
    ],
  });
}

/** The gateway's Redis, as it runs (the e2e platform's in-process gateway uses it too). */
export function connectRedis(url: string, logger: Logger): Redis {
  // No offline queue: while Redis is down a rate-limit check fails at once (and is let through).
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // ioredis reconnects by itself, with back-off; the limiter lets requests through meanwhile.
  redis.on('error', (error) => logger.warn({ err: error }, 'redis unavailable'));
  return redis;
}
