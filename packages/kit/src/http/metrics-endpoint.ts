import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/** GET /metrics in Prometheus text format: this service's registry only. */
export function metricsEndpoint(registry: Registry): RequestHandler {
  return async (_req, res, next) => {
    try {
      const body = await registry.metrics();
      res.type(registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  };
}
