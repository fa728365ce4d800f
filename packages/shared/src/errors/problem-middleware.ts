import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError, PROBLEM_BASE } from './app-error';
import { HttpErrors } from './common-errors';

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return HttpErrors.validation(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  // body-parser's errors carry a `type` we can map without leaking internals.
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return HttpErrors.malformedJson();
  if (type === 'entity.too.large') return HttpErrors.payloadTooLarge();
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return HttpErrors.unsupportedMediaType();
  return undefined;
}

/** RFC 9457 answers for every error; unknown errors become a 500 without a stack trace. */
export function problemMiddleware(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    const instance = req.originalUrl;
    const requestId = res.getHeader('x-request-id');
    if (!appError) {
      logger.error({ err: error, requestId, path: instance }, 'unhandled error');
      res
        .status(500)
        .type('application/problem+json')
        .json({
          type: `${PROBLEM_BASE}internal`,
          title: 'Internal Server Error',
          status: 500,
          instance,
          requestId,
        });
      return;
    }
    if (appError.status >= 500) logger.warn({ err: appError, requestId }, appError.title);
    if (appError.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(appError.retryAfterSeconds));
    res
      .status(appError.status)
      .type('application/problem+json')
      .json({
        // Extensions first: a member named like a standard one (`status`, `type`) must not replace it.
        ...appError.extensions,
        type: appError.type,
        title: appError.title,
        status: appError.status,
        detail: appError.detail,
        instance,
        code: appError.code,
        requestId,
      });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(HttpErrors.notFound(`No route for ${req.method} ${req.path}.`));
};
