import type { RequestHandler } from 'express';
import { HttpErrors } from '../errors';

/** A body in anything but JSON is refused up front rather than silently parsed as empty. */
export const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(HttpErrors.unsupportedMediaType());
    return;
  }
  next();
};
