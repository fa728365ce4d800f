import { orderLogFields, type PlatformRoute, type PlatformService } from '@sneakers/contracts';
import { type AccessTokenVerifier, createHttpApp, type Logger, type ServiceMetrics } from '@sneakers/kit';
import type { Redis } from 'ioredis';
import { docsRouter } from './docs/docs-router';
import { rateLimiter } from './rate-limit/rate-limiter';
import { routeTable } from './routing/route-table';

export interface GatewayDeps {
  logger: Logger;
  routes: readonly PlatformRoute[];
  upstreams: Record<PlatformService, string>;
  verifyAccessToken: AccessTokenVerifier;
  /** Shares the rate budget between gateways; absent in the embedded mode (counted in memory). */
  redis?: Redis;
  rateLimitPerMinute: number;
  upstreamTimeoutMs: number;
  bodyLimit?: string;
  /** Request latency by route, and GET /metrics; tests that do not look leave it out. */
  metrics?: ServiceMetrics;
}

/** The only public entry: verifies tokens, limits rates, documents and routes every public endpoint. */
export function createGatewayApp(deps: GatewayDeps) {
  return createHttpApp({
    logger: deps.logger,
    bodyLimit: deps.bodyLimit,
    // The services read the bodies; the gateway only checks their size and passes the bytes on.
    rawBodies: true,
    verifyAccessToken: deps.verifyAccessToken,
    metrics: deps.metrics,
    requestLogFields: orderLogFields.request,
    readiness: deps.redis ? [{ name: 'redis', check: async () => void (await deps.redis?.ping()) }] : [],
    routes: [
      docsRouter(deps.routes),
      rateLimiter(deps.redis, deps.rateLimitPerMinute),
      routeTable(deps.routes, deps.upstreams, deps.upstreamTimeoutMs),
    ],
  });
}
