import { createHttpApp, type Logger } from '@sneakers/shared';

/** The only public entry. Routing, auth and the OpenAPI document arrive with the identity issue. */
export function createGatewayApp(logger: Logger) {
  return createHttpApp({ logger, routes: [], readiness: [] });
}
