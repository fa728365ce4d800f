import './instrumentation';
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

const config = loadConfigOrExit(gatewayEnv);
const logger = createLogger('gateway', config.LOG_LEVEL);
// No offline queue: while Redis is down a rate-limit check fails at once (and is let through).
const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
redis.on('error', (error) => logger.warn({ err: error }, 'redis unavailable'));

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
void serve(app, {
  port: config.PORT,
  logger,
  drain: [
    { name: 'redis', stop: async () => void (await redis.quit()) },
    { name: 'telemetry', stop: shutdownTelemetry },
  ],
});
