import type { PlatformRoute, PlatformService } from '@sneakers/contracts';
import { accessGuards, enterRoute, expressPath } from '@sneakers/kit';
import { Router } from 'express';
import { forward } from './forward';

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
  for (const route of routes) {
    const id = `${route.method.toUpperCase()} ${route.path}`;
    if (seen.has(id)) throw new Error(`Route ${id} is declared twice`);
    seen.add(id);
    const guards = accessGuards(route.access);
    const { hostname, port } = new URL(upstreams[route.service]);
    // An IPv6 literal comes bracketed in a URL, bare as a host to connect to.
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    const upstream = { service: route.service, host, port: Number(port || 80), timeoutMs };
    router[route.method](expressPath(route.path), enterRoute, ...guards, (req, res, next) => {
      forward(req, res, upstream).catch(next);
    });
  }
  return router;
}
