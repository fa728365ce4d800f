import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const SAFE_ID = /^[\w.-]{1,128}$/;

/** Keeps a caller's request id when it is sane (so one id follows a request through the gateway). */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.header('x-request-id');
  res.setHeader('x-request-id', incoming && SAFE_ID.test(incoming) ? incoming : randomUUID());
  next();
};
