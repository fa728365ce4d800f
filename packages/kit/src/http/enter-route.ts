import { trace } from '@opentelemetry/api';
import type { RequestHandler, Response } from 'express';

/**
 * First handler of every route (`handle`, and the gateway's route table).
 *
 * It keeps the params the route matched for the request log line's fields. That line is written
 * when the response finishes, and by then an error passed on with next() has left the router and
 * express has put req.params back to the app's, which has none.
 *
 * It names the request's server span after the route template (`POST /orders/:orderId`, with
 * `http.route`): all that the express instrumentation added to a trace, without it. That
 * instrumentation wrapped every middleware of every request, spans or not, and was the largest part
 * of the gateway's tracing cost (profiled under GET /wallet).
 */
export const enterRoute: RequestHandler = (req, res, next) => {
  res.locals.routeParams = req.params;
  const route = `${req.baseUrl}${req.route?.path ?? ''}`;
  trace.getActiveSpan()?.setAttribute('http.route', route).updateName(`${req.method} ${route}`);
  next();
};

export function routeParamsOf(res: Response): Record<string, string> | undefined {
  return res.locals.routeParams;
}
