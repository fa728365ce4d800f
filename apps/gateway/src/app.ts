import {
  type AccessTokenVerifier,
  createHttpApp,
  type Logger,
  type PlatformService,
  type RouteContract,
} from '@sneakers/shared';
import type { Redis } from 'ioredis';
import { docsRouter } from './docs/docs-router';
import { rateLimiter } from './rate-limit/rate-limiter';
import { routeTable } from './routing/route-table';

export interface GatewayDeps {
  logger: Logger;
  routes: readonly RouteContract[];
  upstreams: Record<PlatformService, string>;
  verifyAccessToken: AccessTokenVerifier;
  redis: Redis;
  rateLimitPerMinute: number;
  upstreamTimeoutMs: number;
  bodyLimit?: string;
}

/** The only public entry: verifies tokens, limits rates, documents and routes every public endpoint. */
export function createGatewayApp(deps: GatewayDeps) {
  return createHttpApp({
    logger: deps.logger,
    bodyLimit: deps.bodyLimit,
    verifyAccessToken: deps.verifyAccessToken,
    readiness: [{ name: 'redis', check: async () => void (await deps.redis.ping()) }],
    routes: [
      docsRouter(deps.routes),
      rateLimiter(deps.redis, deps.rateLimitPerMinute),
      routeTable(deps.routes, deps.upstreams, deps.upstreamTimeoutMs),
    ],
  });
}
