import type { RequestHandler, Response } from 'express';

/**
 * First handler of every route: keeps the params it matched (`orderId`) for the request log line.
 * That line is written when the response finishes, and by then an error passed on with next() has
 * left the router and express has put req.params back to the app's, which has none.
 */
export const keepRouteParams: RequestHandler = (req, res, next) => {
  res.locals.routeParams = req.params;
  next();
};

export function routeParamsOf(res: Response): Record<string, string> | undefined {
  return res.locals.routeParams;
}
