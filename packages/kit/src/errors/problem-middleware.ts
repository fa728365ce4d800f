import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { isTransientDatabaseError } from '../db/transient-database-error';
import { AppError, PROBLEM_BASE } from './app-error';
import { HttpErrors } from './common-errors';

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return HttpErrors.validation(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  // The router could not percent-decode a path parameter (`/orders/%E0%A4%A`).
  if (error instanceof URIError) return HttpErrors.malformedRequest('A path segment has a broken percent-escape.');
  // A read outside a transaction (a single statement) meets a lost database as a transaction does.
  if (isTransientDatabaseError(error)) return HttpErrors.databaseUnavailable({ cause: error });
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
    res.status(appError.status).type('application/problem+json').json(problemOf(appError, { instance, requestId }));
  };
}

/** The RFC 9457 body of an error the client can act on. */
export function problemOf(error: AppError, context: { instance?: string; requestId?: unknown } = {}) {
  return {
    // Extensions first: a member named like a standard one (`status`, `type`) must not replace it.
    ...error.extensions,
    type: error.type,
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance: context.instance,
    code: error.code,
    requestId: context.requestId,
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(HttpErrors.notFound(`No route for ${req.method} ${req.path}.`));
};
