import { handle, signUpBuyerRoute, signUpSellerRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { signUp } from './sign-up.use-case';

export function signUpHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, signUpBuyerRoute, ({ body, idempotencyKey }) =>
    signUp(deps, { role: 'BUYER', ...body }, idempotencyKey),
  );
  handle(router, signUpSellerRoute, ({ body, idempotencyKey }) =>
    signUp(deps, { role: 'SELLER', ...body }, idempotencyKey),
  );
}
