import { AppError } from '@sneakers/kit/app-error';

export const RefreshTokenErrors = {
  // One answer for unknown, expired, revoked and reused tokens: the client's remedy is the same.
  invalid: () =>
    new AppError('AUTH.REFRESH_TOKEN_INVALID', 401, 'Invalid refresh token', {
      detail: 'The refresh token is unknown, expired or revoked; log in again.',
    }),
} as const;
