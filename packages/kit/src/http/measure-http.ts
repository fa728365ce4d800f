import type { RequestHandler } from 'express';
import type { HttpMetrics } from '../metrics';

/** The route label of requests no route answered: 404s, and refusals before routing (e.g. 429). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every request into the latency histogram. The label is the route template
 * (`/orders/:orderId`), never the URL, so the number of series stays bounded.
 */
export function measureHttp(histogram: HttpMetrics): RequestHandler {
  return (req, res, next) => {
    const end = histogram.startTimer({ method: req.method });
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${req.route.path}` : UNMATCHED_ROUTE;
      end({ route, status: String(res.statusCode) });
    });
    next();
  };
}
