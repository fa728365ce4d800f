import type { PlatformRoute, PlatformService } from '@sneakers/contracts';
import { accessGuards, enterRoute, expressPath } from '@sneakers/kit';
import { Router } from 'express';
import { forward, upstreamPool } from './forward';

/**
 * Every public route and nothing else: a service's internal endpoints are unreachable because they
 * are not in the contract list. The role check here turns callers away early; the service checks
 * again itself, since the gateway is not the only thing on the network.
 */
export function routeTable(
  routes: readonly PlatformRoute[],
  upstreams: Record<PlatformService, string>,
  timeoutMs: number,
): Router {
  const router = Router();
  const seen = new Set<string>();
  const pools = new Map<string, ReturnType<typeof upstreamPool>>();
  for (const route of routes) {
    const id = `${route.method.toUpperCase()} ${route.path}`;
    if (seen.has(id)) throw new Error(`Route ${id} is declared twice`);
    seen.add(id);
    const guards = accessGuards(route.access);
    const { origin } = new URL(upstreams[route.service]);
    const pool = pools.get(origin) ?? upstreamPool(origin);
    pools.set(origin, pool);
    const upstream = { service: route.service, pool, timeoutMs };
    router[route.method](expressPath(route.path), enterRoute, ...guards, (req, res, next) => {
      forward(req, res, upstream).catch(next);
    });
  }
  return router;
}
