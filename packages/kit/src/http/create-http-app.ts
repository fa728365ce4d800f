import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { type AccessTokenVerifier, authenticate } from '../auth';
import { notFoundHandler, problemMiddleware } from '../errors';
import type { ServiceMetrics } from '../metrics';
import { healthRouter, type ReadinessCheck } from './health';
import { jsonBody } from './json-body';
import { jsonOnly } from './json-only';
import { measureHttp } from './measure-http';
import { metricsEndpoint } from './metrics-endpoint';
import { requestId } from './request-id';
import { type RequestLogFields, requestLogger } from './request-logger';

export interface HttpAppOptions {
  logger: Logger;
  /** Routers and middleware, mounted in order after authentication. */
  routes: RequestHandler[];
  readiness: ReadinessCheck[];
  bodyLimit?: string;
  /** Keep JSON bodies as the bytes that came (a proxy forwards them unread); parsed otherwise. */
  rawBodies?: boolean;
  /** Verifies bearer tokens so routes know the caller; omitted only where no route needs one. */
  verifyAccessToken?: AccessTokenVerifier;
  /** Times every request and serves GET /metrics (unauthenticated; not a public API route). */
  metrics?: ServiceMetrics;
  /** What a request's log line adds from its route's params. */
  requestLogFields?: RequestLogFields;
}

/** Every service's express app: the same request id, body rules, health and problem+json answers. */
export function createHttpApp({
  logger,
  routes,
  readiness,
  bodyLimit = '64kb',
  rawBodies = false,
  verifyAccessToken,
  metrics,
  requestLogFields,
}: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  if (metrics) app.use(measureHttp(metrics.http));
  app.use(requestId);
  app.use(requestLogger(logger, requestLogFields));
  app.use(healthRouter(readiness));
  if (metrics) app.get('/metrics', metricsEndpoint(metrics.registry));
  app.use(jsonOnly);
  app.use(jsonBody({ limit: bodyLimit, raw: rawBodies }));
  if (verifyAccessToken) app.use(authenticate(verifyAccessToken));
  for (const router of routes) app.use(router);
  app.use(notFoundHandler);
  app.use(problemMiddleware(logger));
  return app;
}
