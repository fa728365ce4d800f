import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * One JSON line per request, carrying the request id (and the trace id, from the logger's mixin),
 * and the order id when the route names one, so an order's requests and events can be found together.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => String(res.getHeader('x-request-id')),
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // Health probes and scrapes every few seconds would drown the log.
    autoLogging: { ignore: (req) => /^\/(health\/|metrics(\?|$))/.test(req.url ?? '') },
    customProps: (req) => {
      const orderId = (req as { params?: Record<string, string> }).params?.orderId;
      return orderId ? { orderId } : {};
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
