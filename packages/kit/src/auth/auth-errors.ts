import { AppError } from '../errors';

export const AuthErrors = {
  missingToken: () =>
    new AppError('AUTH.MISSING_TOKEN', 401, 'Authentication required', {
      detail: 'Send an access token: Authorization: Bearer <token>.',
    }),
  invalidToken: (detail = 'The access token is malformed, not signed by us, or not meant for this API.') =>
    new AppError('AUTH.INVALID_TOKEN', 401, 'Invalid access token', { detail }),
  expiredToken: () =>
    new AppError('AUTH.TOKEN_EXPIRED', 401, 'Access token expired', { detail: 'Refresh it and try again.' }),
  forbidden: (detail = 'Your role may not do this.') => new AppError('AUTH.FORBIDDEN', 403, 'Forbidden', { detail }),
  sellerNotApproved: (status?: string) =>
    new AppError('AUTH.SELLER_NOT_APPROVED', 403, 'Seller not approved', {
      detail: status === 'SUSPENDED' ? 'An admin suspended your store.' : 'An admin must approve your store first.',
    }),
} as const;
