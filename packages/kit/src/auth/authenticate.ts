import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthErrors } from './auth-errors';
import type { Identity, Role } from './identity';
import type { AccessTokenVerifier } from './verify-access-token';

/** Where the verified caller is kept for the rest of the request. */
export function identityOf(res: Response): Identity {
  const identity = res.locals.identity as Identity | undefined;
  if (!identity) throw AuthErrors.missingToken();
  return identity;
}

export function bearerToken(req: Request): string | undefined {
  const header = req.header('authorization');
  const match = header?.match(/^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/);
  if (header && !match) throw AuthErrors.invalidToken('Authorization must be "Bearer <JWT>".');
  return match?.[1];
}

/**
 * Verifies the caller's token when one is sent (every service does this itself: a header set by
 * the gateway could be forged by anyone who reaches the service directly).
 */
export function authenticate(verify: AccessTokenVerifier): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = bearerToken(req);
      if (token) res.locals.identity = await verify(token);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** 401 without a verified caller, whoever it is. */
export const requireAuthenticated: RequestHandler = (_req, res, next) => {
  next(res.locals.identity ? undefined : AuthErrors.missingToken());
};

/**
 * The middleware that enforces a route's declared access: the role only. Whether a seller may sell
 * is for the service that serves the route (see `requireApprovedSeller`): a token's
 * `seller_status` may be older than an approval or a suspension the service already knows of.
 */
export function accessGuards(access: 'public' | 'authenticated' | readonly Role[]): RequestHandler[] {
  if (access === 'public') return [];
  if (access === 'authenticated') return [requireAuthenticated];
  return [requireRole(...access)];
}

/** 401 without a verified caller; 403 when the role is not allowed. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const identity = res.locals.identity as Identity | undefined;
    if (!identity) return next(AuthErrors.missingToken());
    next(roles.includes(identity.role) ? undefined : AuthErrors.forbidden());
  };
}

/** 403 for a seller whose store is not approved (any other caller passes). */
export const requireApprovedSeller: RequestHandler = (_req, res, next) => {
  const identity = res.locals.identity as Identity | undefined;
  const unapproved = identity?.role === 'SELLER' && identity.sellerStatus !== 'APPROVED';
  next(unapproved ? AuthErrors.sellerNotApproved(identity.sellerStatus) : undefined);
};
